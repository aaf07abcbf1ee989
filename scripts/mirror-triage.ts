// list_conversations' triage questions on the 5,000-thread generated inbox, live beside the mirror:
// every archived thread; who needs a reply, longest wait first; unread since a date. For each, the
// requests to Hostel Mate, the time (also as round trips of the API's latency), the threads the
// answer says match, and whether its first page and its count are exactly what the inbox holds
// (the truth is worked out here from the sandbox's own data, with the rule get_messages applies to
// a thread read whole). The mirror's answer comes after its freshness check: once with the last
// check older than the interval (one list request) and once within it (none).
// Usage: npx tsx scripts/mirror-triage.ts [latency ms, default 150] [limit, default 20 as the tool's]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createClient } from "../src/api/client.js";
import type { Message } from "../src/api/schemas.js";
import { createLogger } from "../src/log/log.js";
import { Mirror } from "../src/mirror/mirror.js";
import { MirrorStore } from "../src/mirror/store.js";
import { syncMirror } from "../src/mirror/sync.js";
import { type SandboxThread, unreadCount } from "../src/sandbox/dataset.js";
import { createServer } from "../src/server/server.js";
import { replySignals } from "../src/triage/signals.js";
import { openTestDatabase } from "../test/mirror/open.js";
import { generateBigInbox } from "../test/sandbox/big-inbox.js";
import { SANDBOX_ANCHOR, type Sandbox, startSandbox } from "../test/sandbox/server.js";

const latencyMs = Number(process.argv[2] ?? 150);
const limit = Number(process.argv[3] ?? 20);
const key = "hm_live_measure_triage";
const inbox = generateBigInbox();
const anchor = SANDBOX_ANCHOR;
const SINCE = "2026-11-01";

// The mirror is filled from a sandbox without latency (a first sync of 5,000 threads is 5,000
// requests); the questions are asked of one with it, serving the same generated inbox.
const fast = await startSandbox({ apiKey: key, seed: inbox.threads });
const slow = await startSandbox({ apiKey: key, seed: inbox.threads, latencyMs });
const clientOf = (box: Sandbox) =>
  createClient({ apiUrl: box.url, apiKey: key, timeoutMs: 30_000, cacheTtlMs: 0 });
let clock = anchor.getTime();
const store = new MirrorStore(openTestDatabase());
const started = performance.now();
const first = await syncMirror({ client: clientOf(fast), store, now: () => clock });
process.stdout.write(
  `inbox: ${inbox.threads.length} threads; first sync ${first.requests} requests, ${Math.round(performance.now() - started)} ms (no latency)\n`,
);
await fast.close();

const api = clientOf(slow);
const mirror = new Mirror({ client: api, store, intervalMs: 60_000, now: () => clock });
const logger = createLogger("error", () => {});
async function connect(withMirror: boolean): Promise<Client> {
  const server = createServer({
    client: api,
    logger,
    clock: () => anchor,
    timeZone: "Europe/Lisbon",
    ...(withMirror ? { mirror } : {}),
  });
  const client = new Client({ name: "measure", version: "1.0.0" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), client.connect(a)]);
  await client.listTools();
  return client;
}
const live = await connect(false);
const mirrored = await connect(true);

// The truth, from the sandbox's data: the same threads the API serves.
const messagesOf = (thread: SandboxThread) => thread.messages as unknown as Message[];
const lastAt = (thread: SandboxThread) => Date.parse(thread.messages.at(-1)?.created_at ?? thread.created_at);
const waitingSince = (thread: SandboxThread) => {
  const since = replySignals(messagesOf(thread), { status: null }).waiting_since;
  return since === null ? lastAt(thread) : Date.parse(since);
};
const needsReply = (thread: SandboxThread) =>
  replySignals(messagesOf(thread), { status: thread.status }).reply === "needed";
// The mirror's order: last activity, newest first, then id; a stable sort keeps it among equals.
const newestFirst = (a: SandboxThread, b: SandboxThread) => lastAt(b) - lastAt(a) || (a.id < b.id ? 1 : -1);
const sinceMs = Date.parse("2026-11-01T00:00:00Z"); // Lisbon is on UTC in November.
const truths: Record<string, { ids: string[] }> = {
  archived: {
    ids: slow.threads
      .filter((thread) => thread.status === "ARCHIVED")
      .sort(newestFirst)
      .map((thread) => thread.id),
  },
  waiting: {
    ids: slow.threads
      .filter(needsReply)
      .sort(newestFirst)
      .sort((a, b) => waitingSince(a) - waitingSince(b))
      .map((thread) => thread.id),
  },
  unread: {
    ids: slow.threads
      .filter((thread) => unreadCount(thread) > 0 && lastAt(thread) >= sinceMs)
      .sort(newestFirst)
      .map((thread) => thread.id),
  },
};

const questions: { name: keyof typeof truths; what: string; args: Record<string, unknown> }[] = [
  { name: "archived", what: "status=ARCHIVED", args: { status: "ARCHIVED" } },
  { name: "waiting", what: "needs_reply=true order=waiting", args: { needs_reply: true, order: "waiting" } },
  { name: "unread", what: `unread_only=true since=${SINCE}`, args: { unread_only: true, since: SINCE } },
];

interface Twin {
  total: number | null;
  threads: { id: string }[];
}

async function ask(client: Client, args: Record<string, unknown>) {
  slow.reset();
  const t0 = performance.now();
  const result = (await client.callTool({
    name: "list_conversations",
    arguments: { ...args, limit },
  })) as CallToolResult;
  const ms = performance.now() - t0;
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  return { ms, requests: slow.requests.length, twin: result.structuredContent as unknown as Twin, text };
}

const round = (ms: number) => `${Math.round(ms)} ms (${(ms / latencyMs).toFixed(1)}× a round trip)`;
for (const question of questions) {
  const truth = truths[question.name]?.ids ?? [];
  process.stdout.write(`\n${question.what}: the inbox holds ${truth.length}\n`);
  const rows: [string, Awaited<ReturnType<typeof ask>>][] = [];
  rows.push(["live", await ask(live, question.args)]);
  clock += 61_000; // the last check is older than the interval: one list request to check
  rows.push(["mirror, check due", await ask(mirrored, question.args)]);
  rows.push(["mirror, checked lately", await ask(mirrored, question.args)]);
  for (const [who, answer] of rows) {
    const ids = answer.twin.threads.map((thread) => thread.id);
    // The page holds what fits in one answer; it is exact when it is the truth's first threads. The
    // live list may order threads of the same minute otherwise: the same threads are said so.
    const first = truth.slice(0, ids.length);
    const page =
      ids.length > 0 && ids.join() === first.join()
        ? "exact"
        : ids.length > 0 && [...ids].sort().join() === [...first].sort().join()
          ? "the right threads, another order"
          : "NOT exact";
    const heading = answer.text.split("\n")[0]?.split(" · ")[0] ?? "";
    const countExact = answer.twin.total === truth.length;
    process.stdout.write(
      `  ${who}: ${answer.requests} requests, ${round(answer.ms)}; total ${answer.twin.total ?? "not given"}${countExact ? " (exact)" : ""}; first page ${page}\n    ${heading}\n`,
    );
    const fromMirror = answer.text.split("\n").find((line) => line.startsWith("From the inbox mirror"));
    if (fromMirror) process.stdout.write(`    ${fromMirror}\n`);
  }
}

await live.close();
await mirrored.close();
await mirror.close();
store.db.close();
await slow.close();
