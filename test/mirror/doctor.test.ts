// The doctor's mirror line: where, how big, what it holds, how fresh; or why there is none and what
// to change.
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/config.js";
import { runDoctor } from "../../src/cli/doctor.js";
import { silentLogger } from "../../src/log/log.js";
import { openMirror } from "../../src/mirror/database.js";
import { defaultMirrorPath } from "../../src/mirror/location.js";
import { TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";

let sandbox: Sandbox;
let folder: string;
const NOW = new Date("2026-12-02T14:05:00Z");

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "hostelmate-doctor-mirror-"));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const missingSqlite = () => Promise.reject(new Error("No such built-in module: node:sqlite"));

async function doctor(env: Record<string, string>, importer?: typeof missingSqlite) {
  const command = parseCommand(["doctor"], { HOSTELMATE_API_URL: sandbox.url, ...env });
  if (command.kind !== "doctor") throw new Error("expected the doctor command");
  let report = "";
  const code = await runDoctor({
    config: command.config,
    problems: command.problems,
    write: (text) => {
      report += text;
    },
    machineZone: () => "Europe/Lisbon",
    mirror: { folder, now: () => NOW, ...(importer ? { importer } : {}) },
  });
  return {
    code,
    report,
    mirrorLine: report
      .split("\n")
      .filter((line) => line.includes("mirror"))
      .join("\n"),
  };
}

/** This property's mirror at the default place, with two threads, three messages and the sync's state. */
async function filledMirror(state: Record<string, unknown>): Promise<string> {
  const path = defaultMirrorPath(sandbox.url, TEST_API_KEY, folder);
  const mirror = await openMirror({ kind: "file", path, ownFolder: true }, silentLogger);
  if (!mirror) throw new Error("no mirror");
  const thread = mirror.db.prepare(
    "INSERT INTO threads (id, record, fingerprint, seen_at) VALUES (?, '{}', 'f', 0)",
  );
  const message = mirror.db.prepare("INSERT INTO messages (thread_id, seq, record) VALUES (?, ?, '{}')");
  thread.run("t1");
  thread.run("t2");
  message.run("t1", 0);
  message.run("t1", 1);
  message.run("t2", 0);
  const set = mirror.db.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?)");
  for (const [key, value] of Object.entries(state)) set.run(key, JSON.stringify(value));
  mirror.close();
  return path;
}

describe("the doctor's mirror check", () => {
  it("says where the mirror is, its size, what it holds, when it last synced and that the first sync is done", async () => {
    const path = await filledMirror({ last_check_at: NOW.getTime() - 3 * 60_000, first_sync_done: true });
    const { code, mirrorLine } = await doctor({ HOSTELMATE_API_KEY: TEST_API_KEY });
    expect(code).toBe(0);
    expect(mirrorLine).toMatch(
      new RegExp(
        `^ {2}ok {4}mirror: ${path.replaceAll("/", "\\/")}, \\d+\\.\\d kB on disk, 2 threads and 3 messages; last sync 2 Dec 2026, 14:02 \\(3 min ago\\); first sync complete$`,
      ),
    );
  });

  it("says a first sync still under way, a mirror never synced, and an old copy moved aside", async () => {
    const path = await filledMirror({ first_sync_done: false });
    writeFileSync(`${path}.corrupt-2026-11-30T08-00-00Z`, "x".repeat(2_000));
    const { mirrorLine } = await doctor({ HOSTELMATE_API_KEY: TEST_API_KEY });
    expect(mirrorLine).toContain(
      "never synced yet; first sync not complete yet (it goes on while the server runs); 1 old file moved aside (2.0 kB), which hostelmate-mcp forget deletes",
    );
  });

  it("says when the mirror is off, and how to turn it on", async () => {
    const { code, mirrorLine } = await doctor({ HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_MIRROR: "off" });
    expect(code).toBe(0);
    expect(mirrorLine).toBe(
      "  skip  mirror: off (HOSTELMATE_MIRROR=off): no copy of the conversations is kept on this computer, and every answer is read from Hostel Mate live. To keep one (faster, whole-inbox search), remove the setting",
    );
  });

  it("says what to install when this Node.js has no node:sqlite", async () => {
    const { code, report } = await doctor({ HOSTELMATE_API_KEY: TEST_API_KEY }, missingSqlite);
    expect(code).toBe(1);
    expect(report).toMatch(
      /FAIL {2}mirror: none, because Node\.js \S+ \(.+\) has no built-in SQLite \(node:sqlite\), which the mirror needs from Node\.js 22\.13 on\n {8}fix: install Node\.js 22\.13 or newer/,
    );
  });

  it("says a mirror is not made yet, and fails a damaged one with what happens next", async () => {
    const path = defaultMirrorPath(sandbox.url, TEST_API_KEY, folder);
    expect((await doctor({ HOSTELMATE_API_KEY: TEST_API_KEY })).mirrorLine).toBe(
      `  skip  mirror: ${path} is not made yet; the server makes it when it starts and fills it in the background`,
    );
    writeFileSync(path, "not a database at all, but long enough to have a header ".repeat(20));
    const { code, report } = await doctor({ HOSTELMATE_API_KEY: TEST_API_KEY });
    expect(code).toBe(1);
    expect(report).toContain(`FAIL  mirror: ${path} is damaged (file is not a database)`);
    expect(report).toContain(
      "fix: nothing to do: the server moves it aside and builds a new mirror when it next starts",
    );
  });

  it("says the demo keeps its mirror in memory", async () => {
    const command = parseCommand(["doctor", "--demo"], {});
    if (command.kind !== "doctor") throw new Error("expected the doctor command");
    let report = "";
    await runDoctor({
      config: command.config,
      problems: command.problems,
      write: (text) => {
        report += text;
      },
      startDemo: async () => ({ url: sandbox.url, apiKey: TEST_API_KEY, close: async () => {} }),
      mirror: { folder },
    });
    expect(report).toContain("  ok    mirror: in memory for the demo; nothing is kept on disk\n");
  });
});
