// The mirror through the built server, as a manager runs it: where its file goes (and where nothing
// goes), that the key is in no file name nor file, and `forget` deleting what it says it deletes.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_API_URL } from "../../src/cli/config.js";
import { defaultMirrorPath } from "../../src/mirror/location.js";
import { TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";
import { ENTRY, initialize, runWithMirror, textOfResult, waitForStderr } from "../stdio-process.js";

let sandbox: Sandbox;
let root: string;
let home: string;
let cache: string;

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first (npm test does).`);
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "hostelmate-mirror-cli-"));
  home = join(root, "home");
  cache = join(root, "cache");
  await mkdir(home);
  await mkdir(cache);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A home and a cache folder of the test's own: whatever the server writes there is seen. */
const env = (extra: Record<string, string> = {}) => ({ HOME: home, XDG_CACHE_HOME: cache, ...extra });
const live = (extra: Record<string, string> = {}) =>
  env({ HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url, ...extra });

/** Every file under the test's folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((path) => statSync(join(folder, path)).isFile())
    .sort();
}

/** Starts the server, makes one call, waits for the mirror's line in the log, and ends it. */
async function serveOnce(
  args: string[],
  serverEnv: Record<string, string>,
  mirrorLine: RegExp,
): Promise<string> {
  const server = runWithMirror(args, serverEnv);
  await initialize(server);
  const answer = await server.request("tools/call", { name: "list_conversations", arguments: { limit: 2 } });
  expect(textOfResult(answer)).toMatch(/^Conversations 1-2 of/);
  await waitForStderr(server, mirrorLine);
  server.child.stdin.end();
  expect(await server.exit).toBe(0);
  return server.stderr();
}

function cli(args: string[], cliEnv: Record<string, string>) {
  const result = spawnSync(process.execPath, [ENTRY, ...args], {
    env: { PATH: process.env.PATH ?? "", ...cliEnv },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the mirror's file, from the built server", () => {
  it("goes to the cache folder, named by a hash: folder 0700, files 0600, the key in no name and no file", async () => {
    const stderr = await serveOnce([], live(), /mirror: \//);
    const folder = join(cache, "hostelmate-mcp");
    const [database] = readdirSync(folder);
    expect(database).toMatch(/^mirror-[0-9a-f]{16}\.db$/);
    expect(stderr).toContain(`mirror: ${join(folder, database ?? "")}`);
    expect((statSync(folder).mode & 0o777).toString(8)).toBe("700");
    const files = filesUnder(root);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file).toMatch(/^cache\/hostelmate-mcp\/mirror-[0-9a-f]{16}\.db(-wal|-shm)?$/);
      expect((statSync(join(root, file)).mode & 0o777).toString(8)).toBe("600");
      const bytes = readFileSync(join(root, file));
      expect(bytes.includes(TEST_API_KEY)).toBe(false);
      expect(bytes.includes(Buffer.from(TEST_API_KEY, "utf16le"))).toBe(false);
      expect(file).not.toContain(TEST_API_KEY.slice(-8));
    }
  });

  it("writes nothing anywhere when HOSTELMATE_MIRROR=off, and serves as before", async () => {
    const stderr = await serveOnce([], live({ HOSTELMATE_MIRROR: "off" }), /mirror off/);
    expect(stderr).toContain("mirror off (HOSTELMATE_MIRROR=off): nothing is kept on disk");
    expect(filesUnder(root)).toEqual([]);
  });

  it("keeps the demo's mirror in memory: trying the server leaves nothing behind", async () => {
    // The demo's log says nothing of its mirror; the exit after a call is the moment to look.
    const server = runWithMirror(["--demo"], env());
    await initialize(server);
    const answer = await server.request("tools/call", {
      name: "list_conversations",
      arguments: { limit: 1 },
    });
    expect(textOfResult(answer)).toMatch(/^Conversations 1-1 of/);
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    expect(filesUnder(root)).toEqual([]);
  });

  it("puts the mirror at HOSTELMATE_MIRROR's full path", async () => {
    const path = join(root, "elsewhere", "hostel.db");
    await serveOnce([], live({ HOSTELMATE_MIRROR: path }), /mirror: \//);
    expect(existsSync(path)).toBe(true);
    expect(filesUnder(cache)).toEqual([]);
  });
});

describe("hostelmate-mcp forget", () => {
  /** This property's mirror with its companions and a copy moved aside, another's, and a file of the manager's. */
  function lay(folder: string): { mine: string[]; theirs: string[]; unrelated: string } {
    const path = defaultMirrorPath(DEFAULT_API_URL, TEST_API_KEY, folder);
    const other = defaultMirrorPath(DEFAULT_API_URL, "hm_live_ANOTHER_PROPERTY_5678", folder);
    const mine = [path, `${path}-wal`, `${path}-shm`, `${path}.corrupt-2026-11-30T08-00-00Z`];
    const theirs = [other, `${other}.newer-2026-12-01T09-30-00Z-wal`];
    const unrelated = join(folder, "notes.txt");
    for (const [index, file] of [...mine, ...theirs, unrelated].entries())
      writeFileSync(file, "x".repeat(1000 * (index + 1)));
    return { mine, theirs, unrelated };
  }

  it("deletes this property's files only, says each with its size, then that nothing is left", async () => {
    const folder = join(cache, "hostelmate-mcp");
    await mkdir(folder);
    const { mine, theirs, unrelated } = lay(folder);
    const result = cli(["forget"], env({ HOSTELMATE_API_KEY: TEST_API_KEY }));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Deleted this property's mirror: 4 files, 10.0 kB.");
    for (const [index, file] of mine.entries()) {
      expect(result.stdout).toContain(`  ${file}  ${(index + 1).toFixed(1)} kB\n`);
      expect(existsSync(file)).toBe(false);
    }
    for (const file of [...theirs, unrelated]) expect(existsSync(file)).toBe(true);
    expect(result.stdout).not.toContain(TEST_API_KEY);

    const again = cli(["forget"], env({ HOSTELMATE_API_KEY: TEST_API_KEY }));
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toBe(`Nothing to delete: no mirror files at ${mine[0]}.\n`);
  });

  it("--all deletes every property's mirror in the folder, and nothing else there, with no key needed", async () => {
    const folder = join(cache, "hostelmate-mcp");
    await mkdir(folder);
    const { mine, theirs, unrelated } = lay(folder);
    const result = cli(["forget", "--all"], env());
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Deleted every property's mirror: 6 files, 21.0 kB.");
    for (const file of [...mine, ...theirs]) expect(existsSync(file)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
    expect(cli(["forget", "--all"], env()).stdout).toBe(`Nothing to delete: no mirror files at ${folder}.\n`);
  });

  it("deletes the file HOSTELMATE_MIRROR names, with its companions", async () => {
    const path = join(root, "hostel.db");
    writeFileSync(path, "db");
    writeFileSync(`${path}-wal`, "wal");
    writeFileSync(join(root, "hostel.db.txt"), "not the mirror's");
    const result = cli(["forget"], env({ HOSTELMATE_MIRROR: path }));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(`  ${path}  2 bytes\n  ${path}-wal  3 bytes\n`);
    expect(readdirSync(root).sort()).toEqual(["cache", "home", "hostel.db.txt"]);
  });

  it("exits 1 with the reason when it cannot tell which mirror is this property's", () => {
    const result = cli(["forget"], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "hostelmate-mcp forget deleted nothing: forget needs HOSTELMATE_API_KEY, set as the server has it: the mirror's file is named after the key. Set it, or run hostelmate-mcp forget --all",
    );
    const refused = cli(["forget"], env({ HOSTELMATE_MIRROR: "mirror.db" }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("hostelmate-mcp forget deleted nothing: HOSTELMATE_MIRROR must be off");
  });
});
