// Bundles the server into one file: one module to load instead of hundreds starts noticeably faster,
// which a user feels each time Claude Desktop launches the server.
import { chmod } from "node:fs/promises";
import { build } from "esbuild";

const outfile = "dist/index.js";

await build({
  entryPoints: ["src/index.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minifySyntax: true,
  legalComments: "none",
  // Some bundled CommonJS dependencies call require(); ESM has none, so give them one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
await chmod(outfile, 0o755);
