// Load: many concurrent calls on one session, in memory and over real stdio, over 50 distinct
// argument sets. Every call must be answered exactly as a lone call would be, and the cache and
// request sharing must keep Hostel Mate to the requests the 50 lone calls make (one each, and one
// more for the status of a thread whose guest wrote last). Timings are not asserted
// (they live in the benchmark); memory growth is reported and bounded loosely.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../src/sandbox/server.js";
import { type Harness, startHarness, TEST_API_KEY, textOf } from "./helpers.js";
import { initialize, rssMegabytes, run, textOfResult } from "./stdio-process.js";

type Call = { name: string; arguments: Record<string, unknown> };

let reference: Harness;
let calls: Call[];
const expected = new Map<string, string>();
/** Upstream requests of the 50 calls made one by one: the most a batch of them may make. */
let loneRequests = 0;
const keyOf = (call: Call) => JSON.stringify(call);
const withoutAges = (text: string) =>
  text.replace(/\b(\d+(m|h|d|mo) ago|just now|in \d+(m|h|d|mo))\b/g, "AGE");

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
  loneRequests = reference.sandbox.requests.length;
});
afterAll(() => reference.close());

describe("load", () => {
  it("has 50 distinct argument sets", () => {
    expect(new Set(calls.map(keyOf)).size).toBe(50);
    expect(loneRequests).toBeLessThanOrEqual(75);
  });

  it("answers 1,000 concurrent calls on one in-memory session with no more upstream requests than the lone calls", async () => {
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
      // A busy machine can time an attempt out; its retry is logged and is the only extra allowed.
      const retries = harness.log.filter((line) => line.includes("retrying GET")).length;
      expect(harness.sandbox.requests.length).toBeLessThanOrEqual(loneRequests + retries);
      const growth = Math.round((after - before) / 1024 / 1024);
      console.info(
        `in-memory load: RSS ${Math.round(before / 1048576)} MB → ${Math.round(after / 1048576)} MB (+${growth} MB), ${harness.sandbox.requests.length} upstream requests`,
      );
      expect(growth).toBeLessThan(200);
    } finally {
      await harness.close();
    }
  });

  it("answers 200 concurrent calls over real stdio with no more upstream requests than the lone calls, stdout JSON-RPC only", async () => {
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
      expect(sandbox.requests.length).toBeLessThanOrEqual(loneRequests);
      console.info(
        `stdio load: server RSS ${rssBefore} MB → ${rssAfter} MB, ${sandbox.requests.length} upstream requests`,
      );
      expect(rssAfter).toBeLessThan(400);
      server.child.stdin.end();
      expect(await server.exit).toBe(0);
      for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    } finally {
      server.child.kill();
      await sandbox.close();
    }
  });
});
