// The direction of imports in src/, checked by `npm run lint`. Layers from the top: a folder may
// import its own files and any layer below it, never one above it nor a peer on its own rank.
// The README's "Architecture" paragraph draws the same picture; change both together.
// src/version.ts (the package's version) and src/limits.ts (the numbers several layers share) are
// leaves any layer may read; they import nothing from src/.
const LAYERS = [
  ["src/(index|bin)\\.ts$"], // process boundary: argv + env → config → server → stdio
  ["src/server/"], // McpServer, the stdio transport and its gate
  ["src/cli/"], // settings from env and flags, doctor, the Node version check
  ["src/tools/", "src/prompts/", "src/resources/"], // the handlers, peers: none imports another
  ["src/call/"], // what every handler gets: the call's context, shared input fields, completion
  ["src/format/"], // text and structured answers from API objects and search outcomes (no I/O)
  ["src/search/"], // searching and scanning the inbox: through the API, or over the mirror
  ["src/triage/"], // who is waiting for a reply; the thread filters
  ["src/time/"], // time zones, dates the model writes, how times print
  ["src/errors/"], // input errors, and every error turned into the sentence the model sees
  ["src/mirror/"], // the inbox mirror: its SQLite file, schema and sync, fed by the API client
  ["src/api/"], // the Hostel Mate HTTP client, its schemas and its errors
  ["src/notes/", "src/log/"], // the property notes file; logging to stderr and to the client
  ["src/text/"], // clipping and cleaning text, no knowledge of Hostel Mate
];

const flat = LAYERS.flatMap((layer, rank) => layer.map((path) => ({ path, rank })));
const layerRules = flat.flatMap(({ path, rank }) => {
  // Above this one, or beside it on the same rank: forbidden.
  const notBelow = flat.filter((other) => other.rank <= rank && other.path !== path).map((o) => o.path);
  if (notBelow.length === 0) return [];
  return {
    name: `layer:${path.replace(/^src\/|\/$/g, "")}`,
    comment: `${path} may import only layers below it (see .dependency-cruiser.cjs)`,
    severity: "error",
    from: { path: `^${path}` },
    to: { path: notBelow.map((p) => `^${p}`) },
  };
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import loops, between folders or inside one.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "sandbox-only-from-index",
      comment: "The fake API is loaded only by the entry point, for --demo: the server never reaches it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(sandbox/|index\\.ts$)" },
      to: { path: "^src/sandbox/" },
    },
    {
      name: "root-holds-entry-points",
      comment: "src/ root keeps only the entry points and its two leaves; code goes in a layer's folder.",
      severity: "error",
      from: {},
      to: { path: "^src/[^/]+\\.ts$", pathNot: "^src/(index|bin|version|limits)\\.ts$" },
    },
    {
      name: "root-leaves-import-nothing",
      severity: "error",
      from: { path: "^src/(version|limits)\\.ts$" },
      to: { path: "^src/" },
    },
    {
      name: "no-tests-in-src",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|scripts)/" },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["es6"],
  },
};
