// The package as npm would publish it: `npm pack` ships the build, README, LICENSE and mcp.json and
// nothing else, and declares no dependencies, because dist/ holds every one of them; unpacked into a
// folder with no node_modules, it serves the demo and loads each lazily imported chunk; installed
// from the tarball into an empty folder, it installs nothing else, its bin answers `--version`, and
// `npx -y hostelmate-mcp --demo` serves the tools.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tools } from "../../src/tools/index.js";
import { VERSION } from "../../src/version.js";
import { initialize, runCommand, textOfResult } from "../stdio-process.js";

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
/** The tarball unpacked as npm would (into `package/`), in a fresh folder under the temp folder. */
async function unpack(name: string): Promise<string> {
  const folder = join(workDir, name);
  await mkdir(folder);
  execFileSync("tar", ["-xzf", join(workDir, packed.filename), "-C", folder]);
  return folder;
}

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

  it("ships the demo's honest fake API without the tests' fault switches or request recorder", async () => {
    const dist = join(await unpack("test-only"), "package", "dist");
    const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith(".js"));
    const code = (await Promise.all(files.map((file) => readFile(join(dist, file), "utf8")))).join("\n");
    expect(code).toContain("Invalid or missing API key");
    // Names from test/sandbox/: a fault, its switch, the recorder's counters, the enforced rate
    // limit's counter, and a phrase of the big inbox's generator.
    const names = [
      "Scripted failure",
      "encodingBomb",
      "dropMidBody",
      "ignoreLimit",
      "peakInFlight",
      "rateLimited",
    ];
    for (const name of [...names, "Lärm im Schlafsaal"]) expect(code.includes(name), name).toBe(false);
  });

  it("declares no runtime dependencies: the build contains them all", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, unknown>;
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies"])
      expect({ field, value: pkg[field] ?? {} }).toEqual({ field, value: {} });
  });

  it("has built files that import only Node's own modules and each other", async () => {
    const unpacked = await unpack("imports");
    const dist = join(unpacked, "package", "dist");
    const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith(".js"));
    expect(files).toContain("index.js");
    const strays: string[] = [];
    for (const file of files) {
      const code = await readFile(join(dist, file), "utf8");
      // esbuild writes imports as statements (import{a as b}from"x"; import"x";) at the start of the
      // file or after a semicolon, and as calls: import("x"), require("x").
      const specifiers = [
        ...code.matchAll(/(?:^|[;\n])\s*import\s*(?:[\w$*{}\s,]+from\s*)?"([^"]+)"/g),
        ...code.matchAll(/\b(?:import|require)\(\s*"([^"]+)"\s*\)/g),
      ];
      for (const [, specifier = ""] of specifiers) {
        const own = specifier.startsWith("./") || specifier.startsWith("../");
        if (own ? !existsSync(join(dist, dirname(file), specifier)) : !isBuiltin(specifier))
          strays.push(`${file}: ${specifier}`);
      }
    }
    expect(strays).toEqual([]);
  });

  it("runs unpacked in a folder with no node_modules, loading every chunk it loads on first use", async () => {
    const unpacked = await unpack("bare");
    const dist = join(unpacked, "package", "dist");
    // Nothing above the folder may lend it a package: Node looks in every parent's node_modules.
    for (let folder = unpacked; folder !== dirname(folder); folder = dirname(folder))
      expect(existsSync(join(folder, "node_modules")), `${folder}/node_modules`).toBe(false);

    const env = { PATH: process.env.PATH ?? "" };
    const server = runCommand(process.execPath, [join(dist, "index.js"), "--demo"], env, unpacked);
    const init = await initialize(server);
    expect(init.result).toMatchObject({ serverInfo: { name: "hostelmate-mcp", version: VERSION } });
    const list = await server.request("tools/list");
    const names = (list.result as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name);
    expect(names).toEqual(tools.map((tool) => tool.name));
    // --demo loaded the sandbox; a call loads the HTTP client, a date in words loads chrono-node, and
    // the prompt loads the sample notes.
    const page = await server.request("tools/call", {
      name: "list_conversations",
      arguments: { limit: 2, since: "3 weeks ago" },
    });
    expect(textOfResult(page)).toMatch(/^Conversations/);
    const search = await server.request("tools/call", {
      name: "search_conversations",
      arguments: { query: "locker" },
    });
    expect(textOfResult(search)).toMatch(/locker/i);
    const threadId = (search.result as { structuredContent?: { threads?: Array<{ id: string }> } })
      .structuredContent?.threads?.[0]?.id;
    expect(threadId).toBeTruthy();
    const prompt = await server.request("prompts/get", {
      name: "draft_guest_reply",
      arguments: { thread_id: threadId },
    });
    expect(JSON.stringify(prompt.result)).toContain("Casa Azul");
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    expect(server.stderr()).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND|error/i);

    // The doctor is a chunk of its own.
    const doctor = execFileSync(process.execPath, [join(dist, "index.js"), "doctor", "--demo"], {
      cwd: unpacked,
      env,
      encoding: "utf8",
    });
    expect(doctor).toContain("All checks passed.");
  }, 60_000);

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
    // The package and nothing else: it has no dependencies to bring along.
    const installed = (await readdir(join(project, "node_modules"))).filter((name) => !name.startsWith("."));
    expect(installed).toEqual(["hostelmate-mcp"]);

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
