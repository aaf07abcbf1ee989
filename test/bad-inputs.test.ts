// Bad arguments, as a model might send them: every one gets an error naming the argument and what
// is allowed, nothing reaches Hostel Mate, and the server keeps answering.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "./helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
const LONG = "x".repeat(10_000);

const CASES: Array<[tool: string, args: Record<string, unknown>, field: string, says: RegExp]> = [
  ["list_conversations", { limit: 0 }, "limit", /between 1 and 100/],
  ["list_conversations", { limit: 101 }, "limit", /between 1 and 100/],
  ["list_conversations", { limit: -5 }, "limit", /between 1 and 100/],
  ["list_conversations", { limit: 2.5 }, "limit", /whole number/],
  ["list_conversations", { limit: "20" }, "limit", /expected number, received string/],
  ["list_conversations", { limit: null }, "limit", /expected number, received null/],
  ["list_conversations", { limit: Number.MAX_SAFE_INTEGER + 2 }, "limit", /between 1 and 100|whole number/],
  ["list_conversations", { offset: -1 }, "offset", /0 or more/],
  ["list_conversations", { offset: 0.5 }, "offset", /whole number/],
  ["list_conversations", { offset: "10" }, "offset", /expected number/],
  ["list_conversations", { channel: "TELEGRAM" }, "channel", /one of EMAIL, BOOKING_COM/],
  ["list_conversations", { channel: "email" }, "channel", /one of EMAIL/],
  ["list_conversations", { channel: "" }, "channel", /one of EMAIL/],
  ["list_conversations", { channel: ["EMAIL"] }, "channel", /one of EMAIL/],
  ["list_conversations", { booking_id: "12345" }, "booking_id", /booking id like/],
  ["list_conversations", { booking_id: "../../admin" }, "booking_id", /booking id like/],
  ["list_conversations", { search: "" }, "search", /must not be empty/],
  ["list_conversations", { search: LONG }, "search", /at most 200 characters/],
  ["list_conversations", { search: "towel\u0000" }, "search", /control characters/],
  ["list_conversations", { search: "a\u001b[2Jb" }, "search", /control characters/],
  ["list_conversations", { search: 42 }, "search", /expected string, received number/],
  ["list_conversations", { status: "CLOSED" }, "status", /one of OPEN, ARCHIVED/],
  ["list_conversations", { unread_only: "true" }, "unread_only", /expected boolean/],
  ["list_conversations", { needs_reply: 1 }, "needs_reply", /expected boolean/],
  ["list_conversations", { since: LONG }, "since", /at most 100 characters/],
  ["list_conversations", { until: "" }, "until", /must not be empty/],
  [
    "list_conversations",
    { unknown_field: 1 },
    "unknown_field",
    /unknown argument unknown_field: the arguments are limit, offset/,
  ],
  ["get_messages", {}, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: null }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: "not-a-uuid" }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: "../../etc/passwd" }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: `${ID}/../x` }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: `${ID}?limit=100` }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: `%2e%2e%2f${ID}` }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: LONG }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: { id: ID } }, "thread_id", /conversation id like/],
  ["get_messages", { thread_id: ID, limit: 1_000 }, "limit", /between 1 and 100/],
  ["get_messages", { thread_id: ID, offset: -3 }, "offset", /0 or more/],
  ["get_messages", { thread_id: ID, full_text: "yes" }, "full_text", /expected boolean/],
  ["get_messages", { thread_id: ID, send: true }, "send", /unknown argument send/],
  ["search_conversations", {}, "query", /expected string, received undefined/],
  ["search_conversations", { query: "   " }, "query", /must not be empty/],
  ["search_conversations", { query: LONG }, "query", /at most 200 characters/],
  ["search_conversations", { query: "locker\u0007" }, "query", /control characters/],
  ["search_conversations", { query: "locker", limit: 51 }, "limit", /between 1 and 50/],
  ["search_conversations", { query: "locker", snippets: -1 }, "snippets", /between 0 and 5/],
  ["search_conversations", { query: "locker", offset: 1.5 }, "offset", /whole number/],
  ["search_conversations", { query: "locker", channel: "SMS" }, "channel", /one of EMAIL/],
  ["search_conversations", { query: "locker", since: "a\u0000" }, "since", /control characters/],
];

describe("bad inputs", () => {
  it("has a table of at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("%s %j: names %s", async (tool, args, field, says) => {
    const result = await harness.call(tool, args);
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(says);
    expect(text).toContain(field);
    expect(text.length).toBeLessThan(600);
    expect(harness.sandbox.requests).toHaveLength(0);
  });

  it("still answers after all of them", async () => {
    const result = await harness.call("list_conversations", { limit: 1 });
    expect(result.isError).toBeFalsy();
  });
});
