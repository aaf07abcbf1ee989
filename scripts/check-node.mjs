// Runs before `npm test` and `npm run demo` (their pre scripts), with the node that npm finds on
// PATH, the same one that then runs vitest or the server. Plain JavaScript that Node 18 runs, so that
// an old Node gets one sentence instead of a TypeError from deep inside the tests.
const required = 22;
const version = process.versions.node;
if (Number(version.split(".")[0]) < required) {
  process.stderr.write(
    `hostelmate-mcp needs Node.js ${required} or newer, but npm found Node.js ${version} (${process.execPath}): run "nvm install" in this folder (.nvmrc asks for 24) or install the current LTS from https://nodejs.org, then run the command again.\n`,
  );
  process.exit(1);
}
