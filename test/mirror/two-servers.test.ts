// Two built servers on one mirror file, as a manager's Claude Desktop and Claude Code would run them:
// one syncs (it holds the lease), the other makes no sync request of its own meanwhile and says so
// in its debug log; killed mid-sync, the first keeps the lease until it lapses, and then the second
// takes over and finishes the first sync from where it stopped. The key is in none of the files,
// the -wal and -shm included, while both run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MirrorStore, STATE } from "../../src/mirror/store.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";
import { initialize, type Running, runWithMirror, waitForStderr } from "../stdio-process.js";
import { bigSeed, KEY, messagePages } from "./inbox.js";
import { openTestDatabase } from "./open.js";

let sandbox: Sandbox;
let folder: string;
const servers: Running[] = [];

beforeEach(async () => {
  // Each answer takes 80 ms, so the first sync (223 requests, four at a time) lasts long enough to
  // start a second server and kill the first in the middle of it.
  sandbox = await startSandbox({ apiKey: KEY, seed: bigSeed, latencyMs: 80 });
  folder = mkdtempSync(join(tmpdir(), "hostelmate-two-servers-"));
});
afterEach(async () => {
  for (const server of servers.splice(0)) if (server.child.exitCode === null) server.child.kill("SIGKILL");
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

function start(path: string, extra: Record<string, string> = {}): Running {
  const server = runWithMirror([], {
    HOSTELMATE_API_KEY: KEY,
    HOSTELMATE_API_URL: sandbox.url,
    HOSTELMATE_MIRROR: path,
    HOSTELMATE_RATE_LIMIT: "10000",
    HOSTELMATE_CACHE_TTL_MS: "0",
    HOSTELMATE_LOG_LEVEL: "debug",
    // Each list call below is past the interval, so each one asks for a sync.
    HOSTELMATE_SYNC_INTERVAL_S: "1",
    ...extra,
  });
  servers.push(server);
  return server;
}

/** Resolves once `done` holds: vitest's poll, with no time limit but the test's. */
const until = (done: () => boolean) => vi.waitUntil(done, { timeout: 600_000, interval: 5 });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listCall(server: Running): Promise<void> {
  const answer = await server.request("tools/call", { name: "list_conversations", arguments: { limit: 3 } });
  expect((answer.result as { isError?: boolean }).isError).toBeFalsy();
}

const skipLines = (server: Running) =>
  server.stderr().match(/mirror: sync skipped: another server holds the sync lease \(([^)]*)\)/g) ?? [];

describe("two server processes on one mirror file", () => {
  it("sync one at a time: the other is skipped while the lease is held, even by a killed holder, and takes over once it lapses", {
    timeout: 60_000,
  }, async () => {
    const path = join(folder, "mirror.db");
    const first = start(path);
    await initialize(first);
    // The test reads the file beside them, as a third connection.
    const store = new MirrorStore(openTestDatabase(path));
    try {
      const firstHolder = `:${first.child.pid}:`;
      await until(() => store.leaseHolder()?.includes(firstHolder) === true);

      const second = start(path);
      await initialize(second);
      await waitForStderr(second, /mirror: sync skipped: another server holds the sync lease/);
      expect(skipLines(second)[0]).toContain(firstHolder);

      // Both running: the database, its -wal and -shm are there, and none holds the key.
      const files = readdirSync(folder).sort();
      expect(files).toEqual(["mirror.db", "mirror.db-shm", "mirror.db-wal"]);
      for (const file of files) {
        const bytes = readFileSync(join(folder, file));
        expect(bytes.includes(KEY)).toBe(false);
        expect(bytes.includes(Buffer.from(KEY, "utf16le"))).toBe(false);
      }

      // Killed well into its first sync, the first server leaves its lease behind.
      await until(() => store.stats().threadsWithMessages >= 40);
      first.child.kill("SIGKILL");
      expect(await first.exit).toBeNull();
      expect(store.state(STATE.firstSyncDone)).toBeUndefined();
      const storedAtKill = store.stats().threadsWithMessages;
      expect(storedAtKill).toBeLessThan(sandbox.threads.length);

      // Until it lapses the second still leaves the sync alone: its call is its only request.
      await pause(1_100);
      sandbox.reset();
      await listCall(second);
      await until(() => skipLines(second).length === 2);
      expect(sandbox.requests).toHaveLength(1);
      expect(skipLines(second)[1]).toContain(firstHolder);

      // The lease lapses: its 60 s run out, as the clock would bring them.
      store.db.prepare("UPDATE sync_lease SET expires_at = ?").run(Date.now() - 1);
      await pause(1_100);
      sandbox.reset();
      await listCall(second);
      await waitForStderr(second, /mirror: first sync, \d+ requests/);
      expect(store.state(STATE.firstSyncDone)).toBe(true);
      expect(store.stats()).toMatchObject({
        threads: sandbox.threads.length,
        threadsWithMessages: sandbox.threads.length,
        messages: sandbox.threads.reduce((sum, thread) => sum + thread.messages.length, 0),
      });
      // It went on from where the killed one stopped: the threads stored before are not read again.
      const messageRequests = sandbox.requests.filter((request) => request.path.endsWith("/messages")).length;
      expect(messageRequests).toBeLessThanOrEqual(messagePages(sandbox.threads) - storedAtKill);
      expect(store.db.prepare("PRAGMA integrity_check").all()).toEqual([{ integrity_check: "ok" }]);

      second.child.stdin.end();
      expect(await second.exit).toBe(0);
    } finally {
      store.db.close();
    }
  });

  it("the second answers from what the first synced, with a catch-up of one list page instead of a first sync", {
    timeout: 60_000,
  }, async () => {
    const path = join(folder, "mirror.db");
    const first = start(path);
    await initialize(first);
    await waitForStderr(first, /mirror: first sync, \d+ requests/);
    sandbox.reset();

    const second = start(path, { HOSTELMATE_SYNC_INTERVAL_S: "60" });
    await initialize(second);
    await waitForStderr(second, /mirror: incremental sync, \d+ requests/);
    // Nothing changed since the first server's sync: one list page tells the second so.
    expect(sandbox.requests.map((request) => request.path)).toEqual(["/api/v1/client/conversations"]);
    sandbox.reset();
    const answer = await second.request("tools/call", {
      name: "list_conversations",
      arguments: { status: "ARCHIVED", limit: 3 },
    });
    const text = (answer.result as { content: { text: string }[] }).content[0]?.text ?? "";
    // From the file: every thread judged, with no request to Hostel Mate.
    expect(text).toContain(`all ${sandbox.threads.length} threads, as of`);
    expect(sandbox.requests).toHaveLength(0);
    for (const server of [first, second]) {
      server.child.stdin.end();
      expect(await server.exit).toBe(0);
    }
  });
});
