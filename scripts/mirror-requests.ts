// Requests the mirror's sync makes on a sandbox inbox of the seed repeated N times (default 20:
// 1,100 threads): the first sync, an incremental one with nothing new, one after 10 new messages in
// 10 threads spread over the list (goal: at most 12), one after a deleted thread; the file's size.
// Usage: npx tsx scripts/mirror-requests.ts [copies]. Counts, not times: the sandbox has no latency.
import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "../src/api/client.js";
import { MirrorStore } from "../src/mirror/store.js";
import { syncMirror } from "../src/mirror/sync.js";
import { seedThreads } from "../src/sandbox/seed-threads.js";
import { newMessage } from "../test/mirror/inbox.js";
import { openTestDatabase } from "../test/mirror/open.js";
import { startSandbox } from "../test/sandbox/server.js";

const copies = Number(process.argv[2] ?? 20);
const span = 366 * 24 * 60;
const seed = Array.from({ length: copies }, (_, copy) =>
  seedThreads.map((thread) => ({
    ...thread,
    key: `${thread.key}~${copy}`,
    createdMinutesAgo: thread.createdMinutesAgo + copy * span,
    messages: thread.messages.map((message) => ({
      ...message,
      minutesAgo: message.minutesAgo + copy * span,
    })),
  })),
).flat();
const key = "hm_live_measure";
const sandbox = await startSandbox({ apiKey: key, seed });
const client = createClient({ apiUrl: sandbox.url, apiKey: key, timeoutMs: 10_000, cacheTtlMs: 0 });
const path = join(tmpdir(), `mirror-requests-${process.pid}.db`);
const store = new MirrorStore(openTestDatabase(path));
let clock = Date.now();
const now = () => clock;
const step = async (what: string, change: () => void) => {
  change();
  sandbox.reset();
  clock += 61_000;
  const started = performance.now();
  const report = await syncMirror({ client, store, now });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${what}: ${report.kind}, ${report.requests} requests (${report.listRequests} list + ${report.messageRequests} messages; the sandbox saw ${sandbox.requests.length}), ${report.removed} removed, ${ms} ms\n`,
  );
};
const messages = sandbox.threads.reduce((sum, thread) => sum + thread.messages.length, 0);
process.stdout.write(`inbox: ${sandbox.threads.length} threads, ${messages} messages\n`);
await step("first sync", () => {});
await step("nothing new", () => {});
const byAge = [...sandbox.threads].sort((a, b) =>
  (a.messages.at(-1)?.created_at ?? "").localeCompare(b.messages.at(-1)?.created_at ?? ""),
);
const spread = Math.floor(byAge.length / 10);
await step("10 new messages in 10 threads", () => {
  for (let i = 0; i < 10; i++) newMessage(byAge[i * spread] as (typeof byAge)[0]);
});
await step("a deleted thread", () => sandbox.threads.splice(Math.floor(sandbox.threads.length / 2), 1));
store.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
process.stdout.write(`database: ${statSync(path).size} bytes\n`);
store.db.close();
await sandbox.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
