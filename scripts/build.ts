// Bundles the server: one module to load instead of hundreds starts noticeably faster, which a user
// feels each time an MCP client launches the server. `dist/index.js` is the entry (and the bin);
// what src/index.ts imports on first use (the demo sandbox, the doctor, the HTTP client, date
// parsing) lands in dist/chunks/ and is not parsed at start. `npm run bench` measures the result.
// dist/ is all the published package holds: it has no runtime dependencies, so the build fails if any
// output file, a lazily loaded chunk included, still imports anything but Node's own modules.
import { chmod, rm } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { build, type Plugin } from "esbuild";

const outdir = "dist";

/** Replaces modules the server loads but never uses with a few lines, so a start does not parse them. */
function leaveOut(name: string, filter: RegExp, importer: RegExp, contents: string): Plugin {
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) =>
        importer.test(args.importer) ? { path: args.path, namespace: name } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: "js", resolveDir: "." }));
    },
  };
}

const plugins = [
  // The SDK's default JSON Schema validator, Ajv with its formats (~130 KB): the server hands the SDK
  // its own (NO_ELICITATION in src/server/server.ts), since it never elicits, so the default is never built.
  leaveOut(
    "sdk-default-validator",
    /\/validation\/ajv-provider\.js$/,
    /@modelcontextprotocol\/sdk\//,
    `export class AjvJsonSchemaValidator {
      getValidator() { throw new Error("hostelmate-mcp is built without Ajv: it validates no elicitation answers"); }
    }`,
  ),
  // zod's error messages in 40 languages (~200 KB); it uses English unless told otherwise, and
  // nothing here tells it otherwise.
  leaveOut(
    "zod-english-only",
    /^\.\.\/locales\/index\.js$/,
    /\/node_modules\/zod\//,
    `export { default as en } from "zod/v4/locales/en.js";`,
  ),
];

// Chunk names carry a content hash, so an old build's chunks would linger and get packed.
await rm(outdir, { recursive: true, force: true });
const result = await build({
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
  plugins,
  metafile: true,
});

/** Imports in the output that a user's install would have to provide: anything but Node's built-ins and our chunks. */
const unbundled = Object.entries(result.metafile.outputs).flatMap(([file, output]) =>
  output.imports
    .filter((entry) => entry.external && !isBuiltin(entry.path))
    .map((entry) => `${file} imports ${entry.path} (${entry.kind})`),
);
if (unbundled.length > 0) {
  await rm(outdir, { recursive: true, force: true });
  throw new Error(
    `The build must contain every dependency, but these imports were left for run time:\n  ${unbundled.join("\n  ")}\nBundle them: the package installs no dependencies.`,
  );
}
await chmod(`${outdir}/index.js`, 0o755);
