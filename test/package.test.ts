// The package as npm would publish it: `npm pack` ships the build, README, LICENSE and mcp.json and
// nothing else; installed from the tarball into an empty folder, its bin answers `--version`, and
// `npx -y hostelmate-mcp --demo` — the command every setup snippet runs — serves the tools.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tools } from "../src/tools/index.js";
import { VERSION } from "../src/version.js";
import { initialize, runCommand } from "./stdio-process.js";

interface Packed {
  filename: string;
  files: Array<{ path: string }>;
}

let workDir: string;
let packed: Packed;

// npm run by `npm test` exports its own settings as npm_* variables; the user's npm would not see them.
function userEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !/^npm_/i.test(entry[0]),
    ),
  );
}

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, {
    cwd,
    env: userEnv(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "hostelmate-pack-"));
  const [result] = JSON.parse(
    npm(["pack", "--json", "--pack-destination", workDir], process.cwd()),
  ) as Packed[];
  if (!result) throw new Error("npm pack printed nothing");
  packed = result;
}, 60_000);
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("the published package", () => {
  it("ships dist, README.md, LICENSE and mcp.json, and nothing else", () => {
    const paths = packed.files.map((file) => file.path).sort();
    // package.json always ships; everything else is what "files" allows.
    expect(paths.filter((path) => !/^dist\/.+\.js$/.test(path))).toEqual([
      "LICENSE",
      "README.md",
      "mcp.json",
      "package.json",
    ]);
    expect(paths).toContain("dist/index.js");
  });

  it("installs from the tarball, answers --version, and serves the demo through npx -y hostelmate-mcp", async () => {
    const project = join(workDir, "project");
    await mkdir(project);
    await writeFile(join(project, "package.json"), '{ "name": "try-hostelmate", "private": true }\n');
    npm(
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--omit=dev",
        "--prefer-offline",
        join(workDir, packed.filename),
      ],
      project,
    );

    const version = execFileSync(join(project, "node_modules", ".bin", "hostelmate-mcp"), ["--version"], {
      env: userEnv(),
      encoding: "utf8",
    });
    expect(version).toBe(`${VERSION}\n`);

    // Run from the project, npx finds the installed package: the same command line the snippets use.
    const server = runCommand("npx", ["-y", "hostelmate-mcp", "--demo"], userEnv(), project);
    const init = await initialize(server);
    expect(init.result).toMatchObject({ serverInfo: { name: "hostelmate-mcp", version: VERSION } });
    const list = await server.request("tools/list");
    const names = (list.result as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name);
    expect(names).toEqual(tools.map((tool) => tool.name));
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  }, 180_000);
});
