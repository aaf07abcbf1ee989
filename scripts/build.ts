// Bundles the server: one module to load instead of hundreds starts noticeably faster, which a user
// feels each time an MCP client launches the server. `dist/index.js` is the entry (and the bin);
// what src/index.ts imports on first use (the demo sandbox, the doctor, the HTTP client, date
// parsing) lands in dist/chunks/ and is not parsed at start. `npm run bench` measures the result.
import { chmod, rm } from "node:fs/promises";
import { build } from "esbuild";

const outdir = "dist";

// Chunk names carry a content hash, so an old build's chunks would linger and get packed.
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: "src/bin.ts" },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node22",
  // Prefer a package's ES module build where it has one: stopword's lets the build keep the six
  // languages we use instead of all 60.
  mainFields: ["module", "main"],
  minify: true,
  legalComments: "none",
  // Some bundled CommonJS dependencies call require(); ESM has none, so give them one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
await chmod(`${outdir}/index.js`, 0o755);
