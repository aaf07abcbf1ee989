// `hostelmate-mcp sync`: the summary on stdout and exit 0, or the reason and exit 1.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HostelMateClient } from "../../src/api/client.js";
import { runSyncCommand } from "../../src/cli/sync.js";
import { MirrorStore } from "../../src/mirror/store.js";
import type { Sandbox } from "../sandbox/server.js";
import { runWithMirror } from "../stdio-process.js";
import { KEY, messagePages, startInbox } from "./inbox.js";
import { openTestDatabase } from "./open.js";

let sandbox: Sandbox;
let client: HostelMateClient;
let store: MirrorStore;
const out: string[] = [];
const err: string[] = [];
const progress: string[] = [];

beforeEach(async () => {
  ({ sandbox, client } = await startInbox());
  store = new MirrorStore(openTestDatabase());
  out.length = err.length = progress.length = 0;
});
afterEach(async () => {
  store.db.close();
  await sandbox.close();
});

const runIt = (withProgress = false) =>
  runSyncCommand({
    client,
    store,
    where: "/tmp/m.db",
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    progress: withProgress ? (text) => progress.push(text) : undefined,
    now: () => 0,
  });

describe("hostelmate-mcp sync", () => {
  it("syncs the whole inbox and says what it holds, with progress where stderr is a terminal", async () => {
    expect(await runIt(true)).toBe(0);
    const requests = messagePages(sandbox.threads) + 3;
    const messages = sandbox.threads.reduce((sum, thread) => sum + thread.messages.length, 0);
    expect(out.join("")).toBe(
      `Mirror /tmp/m.db: 220 threads, ${messages.toLocaleString("en-US")} messages; ${requests} requests in 0.0 s.\n`,
    );
    expect(err).toEqual([]);
    expect(progress.at(0)).toMatch(/^\rfirst sync: 100 of 220 threads listed \(45 %\)/);
    // A second run reads the list whole again, but no thread's messages.
    out.length = 0;
    sandbox.reset();
    expect(await runIt()).toBe(0);
    expect(out.join("")).toContain("; 3 requests in");
  });

  it("exits 1 with the reason when the API fails, keeping what it read", async () => {
    sandbox.faults.failures.push({ status: 401, times: Number.POSITIVE_INFINITY, endpoint: "messages" });
    expect(await runIt()).toBe(1);
    expect(out).toEqual([]);
    expect(err.join("")).toMatch(/^The sync stopped: .*key.* run it again to go on\.\n$/is);
    expect(err.join("")).not.toContain(KEY);
    expect(store.countThreads()).toBe(100);
  });

  it("exits 1 when another server holds the lease", async () => {
    store.acquireLease("the other server", 60_000, 0);
    expect(await runIt()).toBe(1);
    expect(err.join("")).toContain("Another hostelmate-mcp");
  });

  it("runs from the built entry point: the demo's inbox, in memory", async () => {
    const child = runWithMirror(["sync", "--demo"], {});
    expect(await child.exit).toBe(0);
    expect(child.stdoutLines.join("\n")).toMatch(
      /^Mirror \(in memory, for the demo\): 55 threads, 348 messages; 57 requests in [\d.]+ s\.$/,
    );
  });
});
