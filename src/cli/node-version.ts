// The Node.js the server needs, checked by src/bin.ts before any code that needs it loads. On an
// older Node the server would start and then fail at its first call (Map.groupBy, a regex flag), in a
// way that a hostel manager cannot read; one sentence at start says what to install instead.
// Keep this file to syntax and APIs that Node 18 runs: it is evaluated before the check passes.

export const REQUIRED_NODE_MAJOR = 22;

/** The sentence to print when `version` (like "20.20.2") is too old; undefined when it will do. */
export function nodeVersionProblem(version: string, execPath: string): string | undefined {
  const major = Number(version.split(".")[0]);
  if (major >= REQUIRED_NODE_MAJOR) return undefined;
  return `hostelmate-mcp needs Node.js ${REQUIRED_NODE_MAJOR} or newer, but it was started with Node.js ${version} (${execPath}): install the current LTS from https://nodejs.org (or run "nvm install ${REQUIRED_NODE_MAJOR}"), make sure your MCP client starts that node, and start the server again.`;
}
