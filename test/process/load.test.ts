// Load: many concurrent calls on one session, in memory and over real stdio, over 50 distinct
// argument sets. Every call must be answered exactly as a lone call would be, and the cache and
// request sharing must keep Hostel Mate to the distinct requests the 50 calls make one by one, each
// asked once (get_messages also reads the thread's listing and newest page). Timings are not asserted
// (they live in the benchmark); memory growth is reported and bounded loosely. On a busy machine an
// attempt can still time out and be retried: retries are counted apart from first requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, TEST_API_KEY, textOf } from "../helpers.js";
import { type RecordedRequest, startSandbox } from "../sandbox/server.js";
import { initialize, rssMegabytes, run, textOfResult } from "../stdio-process.js";

type Call = { name: string; arguments: Record<string, unknown> };

let reference: Harness;
let calls: Call[];
const expected = new Map<string, string>();
/** Distinct upstream requests of the 50 calls made one by one: the most a batch of them may make. */
let loneDistinct = 0;
const keyOf = (call: Call) => JSON.stringify(call);
const withoutAges = (text: string) =>
  text.replace(/\b(\d+(m|h|d|mo) ago|just now|in \d+(m|h|d|mo))\b/g, "AGE");

/** A request's path and query, written the same way whether it came from the sandbox or the log. */
const requestKey = (path: string, query: URLSearchParams) => `${path}?${query}`;

/**
 * What de-duplication is about: the requests Hostel Mate received, by path and query, each less the
 * retries the server logged for it. Every count is 1 when each distinct request was asked once.
 */
function firstRequests(received: readonly RecordedRequest[], log: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);
  for (const request of received) add(requestKey(request.path, new URLSearchParams(request.query)), 1);
  for (const [, target] of log.matchAll(/retrying GET (\S+) after/g)) {
    const url = new URL(target ?? "", "http://sandbox");
    add(requestKey(url.pathname, url.searchParams), -1);
  }
  return counts;
}

/** No more distinct requests than the lone calls made, none asked twice; the count of retries, for the report. */
function expectOneRequestPerSet(received: readonly RecordedRequest[], log: string): number {
  const first = firstRequests(received, log);
  expect([...first].filter(([, count]) => count > 1)).toEqual([]);
  expect(first.size).toBeLessThanOrEqual(loneDistinct);
  return received.length - [...first.values()].reduce((sum, count) => sum + count, 0);
}

beforeAll(async () => {
  reference = await startHarness();
  const threads = reference.sandbox.threads.filter((thread) => thread.messages.length > 0).slice(0, 15);
  const words = ["locker", "towel", "breakfast", "refund", "airport", "laundry", "parking", "wifi"];
  const more = ["bus", "passport", "invoice", "dog", "group", "padlock", "metro"];
  calls = [
    ...Array.from({ length: 20 }, (_, index) => ({
      name: "list_conversations",
      arguments: { limit: index + 1 },
    })),
    ...threads.map((thread) => ({
      name: "get_messages",
      arguments: { thread_id: thread.id, offset: 0, limit: 10 },
    })),
    ...[...words, ...more].map((query) => ({
      name: "search_conversations",
      arguments: { query, snippets: 0 },
    })),
  ];
  for (const call of calls) {
    const result = await reference.call(call.name, call.arguments);
    expect(result.isError, textOf(result)).toBeFalsy();
    expected.set(keyOf(call), textOf(result));
  }
  loneDistinct = new Set(
    reference.sandbox.requests.map((request) => requestKey(request.path, new URLSearchParams(request.query))),
  ).size;
}, 120_000);
afterAll(() => reference.close());

describe("load", () => {
  it("has 50 distinct argument sets", () => {
    expect(new Set(calls.map(keyOf)).size).toBe(50);
    expect(loneDistinct).toBeGreaterThanOrEqual(50);
    expect(loneDistinct).toBeLessThanOrEqual(80);
  });

  it("answers 1,000 concurrent calls on one in-memory session with each distinct upstream request asked once", async () => {
    const harness = await startHarness({ cacheTtlMs: 60_000 });
    try {
      const before = process.memoryUsage().rss;
      const batch = Array.from({ length: 1_000 }, (_, index) => calls[index % calls.length] as Call);
      const results = await Promise.all(batch.map((call) => harness.call(call.name, call.arguments)));
      const after = process.memoryUsage().rss;
      results.forEach((result, index) => {
        const call = batch[index] as Call;
        expect(result.isError).toBeFalsy();
        expect(textOf(result)).toBe(expected.get(keyOf(call)));
      });
      const retries = expectOneRequestPerSet(harness.sandbox.requests, harness.log.join("\n"));
      const growth = Math.round((after - before) / 1024 / 1024);
      console.info(
        `in-memory load: RSS ${Math.round(before / 1048576)} MB → ${Math.round(after / 1048576)} MB (+${growth} MB), ${harness.sandbox.requests.length} upstream requests, ${retries} of them retries`,
      );
      expect(growth).toBeLessThan(200);
    } finally {
      await harness.close();
    }
    // On a busy 2-core machine this took over 20 s (the default); the limit only catches a hang.
  }, 120_000);

  it("answers 200 concurrent calls over real stdio with each distinct upstream request asked once, stdout JSON-RPC only", async () => {
    const sandbox = await startSandbox({ apiKey: TEST_API_KEY });
    const server = run([], { HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url });
    try {
      await initialize(server);
      const rssBefore = rssMegabytes(server.child.pid);
      const batch = Array.from({ length: 200 }, (_, index) => calls[index % calls.length] as Call);
      const answers = await Promise.all(batch.map((call) => server.request("tools/call", call)));
      const rssAfter = rssMegabytes(server.child.pid);
      answers.forEach((answer, index) => {
        const call = batch[index] as Call;
        expect((answer.result as { isError?: boolean }).isError).toBeFalsy();
        // The spawned server reads the real clock, the reference a fixed one: compare all but the ages.
        expect(withoutAges(textOfResult(answer))).toBe(withoutAges(expected.get(keyOf(call)) ?? ""));
      });
      const retries = expectOneRequestPerSet(sandbox.requests, server.stderr());
      console.info(
        `stdio load: server RSS ${rssBefore} MB → ${rssAfter} MB, ${sandbox.requests.length} upstream requests, ${retries} of them retries`,
      );
      expect(rssAfter).toBeLessThan(400);
      server.child.stdin.end();
      expect(await server.exit).toBe(0);
      for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    } finally {
      server.child.kill();
      await sandbox.close();
    }
  }, 120_000);
});
