// The built server with a mirror file: it syncs in the background from the start, answers as before
// meanwhile, and the key is in no file the mirror writes. With HOSTELMATE_MIRROR=off nothing is written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MirrorStore, STATE } from "../../src/mirror/store.js";
import type { Sandbox } from "../sandbox/server.js";
import { initialize, run } from "../stdio-process.js";
import { KEY, messagePages, requestCounts, startInbox } from "./inbox.js";
import { openTestDatabase } from "./open.js";

let sandbox: Sandbox;
let folder: string;
beforeEach(async () => {
  ({ sandbox } = await startInbox());
  folder = mkdtempSync(join(tmpdir(), "hostelmate-mirror-"));
});
afterEach(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Resolves once `done` holds: vitest's poll, with no time limit but the test's. */
const until = (done: () => boolean) => vi.waitUntil(done, { timeout: 600_000, interval: 10 });

const messagesIn = (inbox: Sandbox) => inbox.threads.reduce((sum, thread) => sum + thread.messages.length, 0);

describe("the server process with a mirror", () => {
  it("syncs the inbox in the background from the start and keeps no key in its files", async () => {
    const path = join(folder, "mirror.db");
    const server = run([], {
      HOSTELMATE_API_KEY: KEY,
      HOSTELMATE_API_URL: sandbox.url,
      HOSTELMATE_MIRROR: path,
      HOSTELMATE_RATE_LIMIT: "10000",
    });
    await initialize(server);
    // The server opened (and migrated) the file before it answered; this reads beside it.
    const store = new MirrorStore(openTestDatabase(path));
    try {
      await until(() => store.state(STATE.firstSyncDone) === true);
      expect(store.stats()).toMatchObject({ threads: sandbox.threads.length, messages: messagesIn(sandbox) });
      expect(requestCounts(sandbox)).toMatchObject({ list: 3, messages: messagePages(sandbox.threads) });
    } finally {
      store.db.close();
    }
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    for (const file of readdirSync(folder)) {
      expect(readFileSync(join(folder, file)).includes(KEY)).toBe(false);
    }
  });

  it("writes nothing and asks nothing at start with HOSTELMATE_MIRROR=off", async () => {
    const server = run([], {
      HOSTELMATE_API_KEY: KEY,
      HOSTELMATE_API_URL: sandbox.url,
      HOME: folder,
      XDG_CACHE_HOME: folder,
      HOSTELMATE_MIRROR: "off",
    });
    await initialize(server);
    await server.request("tools/list");
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    expect(sandbox.requests).toHaveLength(0);
    expect(existsSync(folder) && readdirSync(folder)).toEqual([]);
  });
});
