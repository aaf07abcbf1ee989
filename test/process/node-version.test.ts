// On a Node.js older than 22 the built server and `npm test` each say in one sentence which Node they
// found, which they need and how to get it, and exit 1, instead of starting and failing later with a
// TypeError. This machine's system Node is 20: the test runs the real dist/index.js on it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeVersionProblem } from "../../src/cli/node-version.js";
import { ENTRY } from "../stdio-process.js";

/** Every node on this machine older than 22: on PATH, and where a system package puts it. */
function oldNodes(): Array<{ path: string; version: string }> {
  let onPath: string[] = [];
  try {
    onPath = execFileSync("which", ["-a", "node"], { encoding: "utf8" }).split("\n");
  } catch {
    // No `which`, or no node on PATH: the usual places below still count.
  }
  const found = new Map<string, { path: string; version: string }>();
  for (const path of [...onPath, "/usr/bin/node", "/usr/local/bin/node", "/bin/node"]) {
    if (path === "" || !existsSync(path)) continue;
    const real = realpathSync(path);
    if (found.has(real)) continue;
    const version = execFileSync(real, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
    if (Number(version.split(".")[0]) < 22) found.set(real, { path: real, version });
  }
  return [...found.values()];
}

const SERVER_SENTENCE =
  /^hostelmate-mcp needs Node\.js 22 or newer, but it was started with Node\.js (\d+\.\d+\.\d+) \((.+)\): install the current LTS from https:\/\/nodejs\.org \(or run "nvm install 22"\), make sure your MCP client starts that node, and start the server again\.\n$/;
const TEST_SENTENCE =
  /^hostelmate-mcp needs Node\.js 22 or newer, but npm found Node\.js (\d+\.\d+\.\d+) \((.+)\): run "nvm install" in this folder \(\.nvmrc asks for 24\) or install the current LTS from https:\/\/nodejs\.org, then run the command again\.\n$/;

describe("an old Node.js", () => {
  it("gets one sentence and exit code 1 from the built server, for every command", () => {
    const nodes = oldNodes();
    if (nodes.length === 0) {
      // No old Node here: the check the server runs first, with a faked version.
      expect(`${nodeVersionProblem("20.20.2", "/usr/bin/node")}\n`).toMatch(SERVER_SENTENCE);
      return;
    }
    for (const node of nodes) {
      for (const args of [["--demo"], [], ["--version"], ["doctor", "--demo"]]) {
        const run = spawnSync(node.path, [ENTRY, ...args], {
          encoding: "utf8",
          env: { PATH: process.env.PATH ?? "", HOSTELMATE_API_KEY: "hm_live_TEST_SECRET_abcd1234" },
          input: "",
        });
        expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 1, stdout: "" });
        const [, version, path] = SERVER_SENTENCE.exec(run.stderr) ?? [];
        expect({ version, path }).toEqual({ version: node.version, path: node.path });
      }
    }
  });

  it("gets the same kind of sentence from npm test's pretest check, which lets Node 22+ pass", () => {
    for (const node of oldNodes()) {
      const run = spawnSync(node.path, ["scripts/check-node.mjs"], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(TEST_SENTENCE);
      expect(run.stderr).toContain(`Node.js ${node.version} (${node.path})`);
    }
    const current = spawnSync(process.execPath, ["scripts/check-node.mjs"], { encoding: "utf8" });
    expect({ status: current.status, stderr: current.stderr }).toEqual({ status: 0, stderr: "" });
  });

  it("is told apart from a Node that will do", () => {
    expect(nodeVersionProblem("18.20.8", "/opt/node18/bin/node")).toContain(
      "but it was started with Node.js 18.20.8 (/opt/node18/bin/node)",
    );
    expect(nodeVersionProblem("21.7.3", "node")).toMatch(/^hostelmate-mcp needs Node\.js 22 or newer/);
    expect(nodeVersionProblem("22.0.0", "node")).toBeUndefined();
    expect(nodeVersionProblem("24.21.0", "node")).toBeUndefined();
  });
});
