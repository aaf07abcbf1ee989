#!/usr/bin/env node
// The command an MCP client runs (built to dist/index.js). First it checks the Node.js version, with
// nothing loaded yet that an older Node cannot run: the server itself (./index.js) is imported only
// after the check, dynamically. Then it turns on Node's on-disk compile cache (Node 22.1+; in the OS
// temp folder, or NODE_COMPILE_CACHE; off with NODE_DISABLE_COMPILE_CACHE=1) before the server's
// code loads, so that every start after the first skips most of V8's compiling.
import module from "node:module";
import { nodeVersionProblem } from "./cli/node-version.js";

const problem = nodeVersionProblem(process.versions.node, process.execPath);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
module.enableCompileCache?.();
await import("./index.js");
// Written now rather than at exit: a client may end the server without letting it exit.
module.flushCompileCache?.();
