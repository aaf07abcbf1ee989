// list_conversations' filters and the waiting order over the whole mirror once its first sync is
// done (issue 14): past the 500 threads a live scan reads, with exact counts, needs-reply from each
// thread's whole history, dates in the property's zone; live, and saying so, while the first sync
// is partial; unchanged without a mirror.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type HostelMateClient } from "../../src/api/client.js";
import type { Message } from "../../src/api/schemas.js";
import { DEFAULT_TIMEOUT_MS } from "../../src/limits.js";
import { createLogger } from "../../src/log/log.js";
import { Mirror } from "../../src/mirror/mirror.js";
import { MirrorStore } from "../../src/mirror/store.js";
import { type SandboxThread, unreadCount } from "../../src/sandbox/dataset.js";
import { createServer } from "../../src/server/server.js";
import { replySignals } from "../../src/triage/signals.js";
import { generateBigInbox } from "../sandbox/big-inbox.js";
import type { NewMessage } from "../sandbox/changes.js";
import { SANDBOX_ANCHOR, type Sandbox, startSandbox } from "../sandbox/server.js";
import { openTestDatabase } from "./open.js";

const KEY = "hm_live_TRIAGE_SECRET_1234";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ZONE = "Pacific/Auckland";
const ago = (ms: number) => new Date(SANDBOX_ANCHOR.getTime() - ms);

let sandbox: Sandbox;
let api: HostelMateClient;
let mirror: Mirror;
/** The mirror's clock: a test moves it on to make the last check older than the interval. */
let clock = SANDBOX_ANCHOR.getTime();
const clients: Client[] = [];

/** An MCP client on a server over the sandbox, with the synced mirror or none. */
async function connect(withMirror: Mirror | undefined, timeZone = ZONE): Promise<Client> {
  const server = createServer({
    client: api,
    logger: createLogger("error", () => {}),
    clock: () => SANDBOX_ANCHOR,
    timeZone,
    ...(withMirror ? { mirror: withMirror } : {}),
  });
  const client = new Client({ name: "test", version: "1.0.0" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), client.connect(a)]);
  await client.listTools();
  clients.push(client);
  return client;
}

interface Twin {
  /** Left out when unknown (a live scan). */
  total?: number;
  has_more: boolean;
  threads: { id: string; waiting_since?: string }[];
}

async function list(client: Client, args: Record<string, unknown>, name = "list_conversations") {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError).toBeFalsy();
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  return { text, twin: result.structuredContent as unknown as Twin };
}

// A thread line starts with the thread's short id: a prefix of at least 8 characters of the full one.
const lineOf = (text: string, id: string) =>
  text.split("\n").find((line) => {
    const shown = line.split("|")[0] ?? "";
    return shown.length >= 8 && id.startsWith(shown);
  }) ?? "";

const guest = (content: string, at: Date, isRead = true): NewMessage => ({ content, at, isRead });
const staff = (content: string, at: Date): NewMessage => ({ content, at, direction: "OUTBOUND" });
const auto = (content: string, at: Date): NewMessage => ({
  content,
  at,
  direction: "OUTBOUND",
  source: "AUTOMATED",
});

// The threads the tests are about, added to the generated inbox before the sync.
let oldWaiting: SandboxThread;
let questionThenThanks: SandboxThread;
let answeredThenThanks: SandboxThread;
let autoAfterQuestion: SandboxThread;
let beforeMidnight: SandboxThread;
let afterMidnight: SandboxThread;

// Truth from the sandbox's own data, judged with the rule get_messages uses for a whole thread.
const messagesOf = (thread: SandboxThread) => thread.messages as unknown as Message[];
const lastAt = (thread: SandboxThread) => Date.parse(thread.messages.at(-1)?.created_at ?? thread.created_at);
const signalsOf = (thread: SandboxThread) => replySignals(messagesOf(thread), { status: thread.status });
const newestFirst = (a: SandboxThread, b: SandboxThread) => lastAt(b) - lastAt(a) || (a.id < b.id ? 1 : -1);

beforeAll(async () => {
  // 600 threads over two years: more than the 500 a live scan reads.
  sandbox = await startSandbox({
    apiKey: KEY,
    seed: generateBigInbox({ threads: 600, messages: 1_800 }).threads,
  });
  oldWaiting = sandbox.addThread({
    guestName: "Old Waiting",
    at: ago(800 * DAY),
    messages: [guest("Do you store bikes? We arrive in March.", ago(800 * DAY))],
  });
  questionThenThanks = sandbox.addThread({
    guestName: "Question Thanks",
    at: ago(60 * MINUTE),
    messages: [
      guest("Can I leave my luggage after check-out tomorrow?", ago(60 * MINUTE)),
      guest("Thanks, bye!", ago(50 * MINUTE), false),
    ],
  });
  answeredThenThanks = sandbox.addThread({
    guestName: "Answered Thanks",
    at: ago(90 * MINUTE),
    messages: [
      guest("Can I leave my luggage after check-out tomorrow?", ago(90 * MINUTE)),
      staff("Of course, the luggage room is by reception.", ago(80 * MINUTE)),
      guest("Thanks, bye!", ago(70 * MINUTE), false),
    ],
  });
  autoAfterQuestion = sandbox.addThread({
    guestName: "Auto After",
    at: ago(3 * DAY),
    messages: [
      guest("Is breakfast included in the price?", ago(3 * DAY)),
      auto("Thank you for your message! We answer within 24 hours.", ago(3 * DAY - MINUTE)),
    ],
  });
  // Midnight starting 20 November in Auckland is 11:00 UTC on the 19th (NZDT, UTC+13).
  beforeMidnight = sandbox.addThread({
    guestName: "Before Midnight",
    at: new Date("2026-11-19T10:30:00Z"),
    messages: [guest("Late bus, arriving at 2 am.", new Date("2026-11-19T10:30:00Z"), false)],
  });
  afterMidnight = sandbox.addThread({
    guestName: "After Midnight",
    at: new Date("2026-11-19T11:30:00Z"),
    messages: [guest("Late bus, arriving at 3 am.", new Date("2026-11-19T11:30:00Z"), false)],
  });
  api = createClient({ apiUrl: sandbox.url, apiKey: KEY, timeoutMs: DEFAULT_TIMEOUT_MS, cacheTtlMs: 0 });
  mirror = new Mirror({
    client: api,
    store: new MirrorStore(openTestDatabase()),
    intervalMs: 60_000,
    now: () => clock,
  });
  await mirror.sync();
  expect(mirror.store.stats().firstSyncDone).toBe(true);
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await mirror.close();
  mirror.store.db.close();
  await sandbox.close();
});

describe("triage over the whole mirror", () => {
  it("finds every archived thread, past the 500 a live scan reads, with the exact count and no request", async () => {
    const archived = sandbox.threads.filter((thread) => thread.status === "ARCHIVED").sort(newestFirst);
    expect(archived.length).toBeGreaterThan(100);
    const client = await connect(mirror);
    sandbox.reset();
    const first = await list(client, { status: "ARCHIVED", limit: 10 });
    const atEnd = await list(client, { status: "ARCHIVED", limit: 10, offset: archived.length - 5 });
    // The mirror was checked within the interval: nothing asked of Hostel Mate.
    expect(sandbox.requests).toHaveLength(0);
    expect(first.twin.total).toBe(archived.length);
    expect(first.twin.threads.map((thread) => thread.id)).toEqual(archived.slice(0, 10).map((t) => t.id));
    expect(first.text).toContain(`Conversations ARCHIVED: ${archived.length} threads match; showing 1-10`);
    expect(first.text).toContain("From the inbox mirror: all 606 threads, as of 07:00.");
    expect(first.text).toContain('more: list_conversations offset=10 limit=10 status="ARCHIVED"');
    // The oldest five, which the live list holds past its 500th thread.
    expect(atEnd.twin.threads.map((thread) => thread.id)).toEqual(archived.slice(-5).map((t) => t.id));
    const livePositions = [...sandbox.threads].sort(newestFirst).map((thread) => thread.id);
    expect(livePositions.indexOf(atEnd.twin.threads[4]?.id ?? "")).toBeGreaterThanOrEqual(500);
    expect(atEnd.twin.has_more).toBe(false);

    // With a channel the API takes, the same count as the inbox's.
    const airbnb = await list(client, { status: "ARCHIVED", channel: "AIRBNB", limit: 5 });
    expect(airbnb.twin.total).toBe(archived.filter((thread) => thread.channel === "AIRBNB").length);

    // Without the mirror: today's scan, within its 500 threads and without a total.
    const live = await list(await connect(undefined), { status: "ARCHIVED", limit: 10 });
    expect(live.twin.total).toBeUndefined();
    expect(live.text).not.toContain("inbox mirror");
  });

  it("orders everyone waiting by the longest wait across the whole mirror, from each thread's whole history", async () => {
    const waiting = sandbox.threads
      .filter((thread) => signalsOf(thread).reply === "needed")
      .sort(newestFirst)
      .sort(
        (a, b) => Date.parse(signalsOf(a).waiting_since ?? "") - Date.parse(signalsOf(b).waiting_since ?? ""),
      );
    const client = await connect(mirror);
    const { text, twin } = await list(client, { needs_reply: true, order: "waiting", limit: 100 });
    expect(twin.total).toBe(waiting.length);
    expect(twin.threads.map((thread) => thread.id)).toEqual(
      waiting.slice(0, twin.threads.length).map((t) => t.id),
    );
    // The guest who has waited 800 days, longer than any other, comes first, though a live scan never reaches that thread.
    expect(twin.threads[0]?.id).toBe(oldWaiting.id);
    expect(text).toContain(`longest wait first: ${waiting.length} threads match; showing 1-`);
    // The shortest waits close the list: a question, then "Thanks, bye!", unanswered, still waits
    // whatever came last, and so does a question an auto-reply followed; a thanks after an answer
    // does not.
    const tail = await list(client, { needs_reply: true, order: "waiting", offset: waiting.length - 10 });
    const tailIds = tail.twin.threads.map((thread) => thread.id);
    expect(tailIds).toEqual(waiting.slice(-10).map((t) => t.id));
    expect(tailIds).toContain(questionThenThanks.id);
    expect(waiting.map((t) => t.id)).not.toContain(answeredThenThanks.id);
    expect(tail.twin.has_more).toBe(false);
    // An auto-reply last hides the question before it from the list row, not from the history.
    const at = waiting.findIndex((thread) => thread.id === autoAfterQuestion.id);
    expect(at).toBeGreaterThan(0);
    const one = await list(client, { needs_reply: true, order: "waiting", offset: at, limit: 1 });
    expect(one.twin.threads[0]?.id).toBe(autoAfterQuestion.id);
    expect(one.twin.threads[0]?.waiting_since).toBe(autoAfterQuestion.messages[0]?.created_at);
    expect(lineOf(one.text, autoAfterQuestion.id)).toContain("|NEEDS REPLY ");
  });

  it("marks a thread's line by its whole history, as the filter judged it, and counts the closings left out", async () => {
    const client = await connect(mirror);
    const waiting = await list(client, { needs_reply: true, since: "yesterday", limit: 50 });
    expect(lineOf(waiting.text, questionThenThanks.id)).toContain("|NEEDS REPLY ");
    // The closing after a staff answer: left out of needs_reply=true and counted exactly.
    const closings = sandbox.threads.filter(
      (thread) =>
        signalsOf(thread).reply === "closing" && lastAt(thread) >= Date.parse("2026-11-23T11:00:00Z"),
    );
    expect(closings.map((thread) => thread.id)).toContain(answeredThenThanks.id);
    expect(waiting.text).toContain(
      `Left out ${closings.length} thread${closings.length === 1 ? "" : "s"} whose guest only closed the conversation`,
    );
    const answered = await list(client, { needs_reply: false, since: "yesterday", limit: 50 });
    expect(lineOf(answered.text, answeredThenThanks.id)).toContain("|closing (thanks) — probably no reply");
    expect(answered.twin.threads.map((thread) => thread.id)).not.toContain(questionThenThanks.id);

    // A search marks them the same way, from the same histories.
    const found = await list(
      client,
      { query: "Question Thanks", limit: 5, snippets: 0 },
      "search_conversations",
    );
    expect(lineOf(found.text, questionThenThanks.id)).toContain("|NEEDS REPLY ");
    const foundAnswered = await list(
      client,
      { query: "Answered Thanks", limit: 5, snippets: 0 },
      "search_conversations",
    );
    expect(lineOf(foundAnswered.text, answeredThenThanks.id)).toContain(
      "|closing (thanks) — probably no reply",
    );

    // A plain page is read live, its markers from the mirror's histories where they are up to date.
    sandbox.reset();
    const plain = await list(client, { limit: 10 });
    expect(sandbox.requests).toHaveLength(1);
    expect(plain.text).not.toContain("inbox mirror");
    expect(lineOf(plain.text, questionThenThanks.id)).toContain("|NEEDS REPLY ");
    expect(lineOf(plain.text, answeredThenThanks.id)).toContain("|closing (thanks) — probably no reply");

    // Live, the list row shows only the last message: the same thread reads as a closing.
    const live = await list(await connect(undefined), { needs_reply: false, since: "yesterday", limit: 50 });
    expect(lineOf(live.text, questionThenThanks.id)).toContain("|closing (thanks)");
  });

  it("reads since and until in the property's time zone", async () => {
    const client = await connect(mirror);
    const since = await list(client, {
      unread_only: true,
      since: "2026-11-20",
      until: "2026-11-20",
      limit: 100,
    });
    const ids = since.twin.threads.map((thread) => thread.id);
    expect(ids).toContain(afterMidnight.id);
    expect(ids).not.toContain(beforeMidnight.id);
    const day = sandbox.threads.filter((thread) => {
      const at = lastAt(thread);
      return (
        unreadCount(thread) > 0 &&
        at >= Date.parse("2026-11-19T11:00:00Z") &&
        at < Date.parse("2026-11-20T11:00:00Z")
      );
    });
    expect(since.twin.total).toBe(day.length);
    const before = await list(client, { until: "2026-11-19", unread_only: true, limit: 100 });
    expect(before.twin.threads.map((thread) => thread.id)).toContain(beforeMidnight.id);
    expect(before.twin.threads.map((thread) => thread.id)).not.toContain(afterMidnight.id);
  });

  it("says when nothing matches, with where the data ends, from the mirror alone", async () => {
    const client = await connect(mirror);
    sandbox.reset();
    const { text, twin } = await list(client, { until: "2020-01-01", status: "OPEN" });
    expect(sandbox.requests).toHaveLength(0);
    expect(twin.total).toBe(0);
    expect(text).toContain("none of the 606 threads in the mirror.");
    expect(text).toContain("The newest activity in the inbox is");
  });

  it("checks the mirror with one request when the last check is older than the interval, and answers from it", async () => {
    const client = await connect(mirror);
    clock += 61_000;
    sandbox.reset();
    const { text, twin } = await list(client, { needs_reply: true, order: "waiting", limit: 5 });
    expect(sandbox.requests).toHaveLength(1);
    expect(twin.total).toBeGreaterThan(0);
    expect(text).toContain("From the inbox mirror: all 606 threads, as of 07:01.");
  });
});

describe("while the first sync is partial", () => {
  it("reads live within the scan limit and says how far the mirror got", async () => {
    const store = new MirrorStore(openTestDatabase());
    // The newest page listed and its threads read, as a first sync that was stopped after it.
    const page = await api.listConversations({ limit: 100, offset: 0 });
    store.writeListRows(page.results, SANDBOX_ANCHOR.getTime());
    store.setState("list_total", page.pagination?.total ?? null);
    const partial = new Mirror({
      client: api,
      store,
      intervalMs: 60_000,
      now: () => SANDBOX_ANCHOR.getTime(),
    });
    try {
      const client = await connect(partial);
      const { text, twin } = await list(client, { status: "ARCHIVED", limit: 10 });
      expect(twin.total).toBeUndefined();
      expect(text).toMatch(/threads read match \(threads 1-\d+ of 606\)/);
      expect(text).toContain(
        "Read live, within the scan limit: the inbox mirror is not complete yet (first sync",
      );
    } finally {
      await partial.close();
      store.db.close();
    }
  });
});
