// Bad arguments, as a model might send them: every one gets an error naming the argument and what
// is allowed, nothing reaches Hostel Mate, and the server keeps answering.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
const LONG = "x".repeat(10_000);

// What each field accepts, as its error must say it.
const LIMIT_100 = /limit must be a whole number from 1 to 100/;
const OFFSET = /offset must be a whole number, 0 or more/;
const CHANNEL = /channel must be one of EMAIL, BOOKING_COM, AIRBNB, HOSTELWORLD, WHATSAPP/;
const THREAD = /thread_id (must be|is required:) a conversation id like a1b2c3d4-/;
const TEXT_200 = (name: string) =>
  new RegExp(`${name} (must be|is required:) 1–200 characters of text, without control characters`);
const DATE = (name: string) => new RegExp(`${name} must be a date \\(2026-11-18\\).*at most 100 characters`);
const FLAG = (name: string) => new RegExp(`${name} must be true or false`);

const CASES: Array<[tool: string, args: Record<string, unknown>, field: string, says: RegExp]> = [
  ["list_conversations", { limit: 0 }, "limit", LIMIT_100],
  ["list_conversations", { limit: 101 }, "limit", LIMIT_100],
  ["list_conversations", { limit: -5 }, "limit", LIMIT_100],
  ["list_conversations", { limit: 2.5 }, "limit", /limit must be a whole number from 1 to 100, not 2\.5/],
  ["list_conversations", { limit: "20" }, "limit", /limit must be a whole number from 1 to 100, not text/],
  ["list_conversations", { limit: null }, "limit", /limit must be a whole number from 1 to 100, not null/],
  ["list_conversations", { limit: Number.MAX_SAFE_INTEGER + 2 }, "limit", LIMIT_100],
  ["list_conversations", { offset: -1 }, "offset", OFFSET],
  ["list_conversations", { offset: 0.5 }, "offset", OFFSET],
  ["list_conversations", { offset: "10" }, "offset", /offset must be a whole number, 0 or more, not text/],
  // Any case, and a channel the API sent (TELEGRAM) is taken; a channel is one word, though.
  ["list_conversations", { channel: "TELE GRAM" }, "channel", CHANNEL],
  ["list_conversations", { channel: "booking.com" }, "channel", CHANNEL],
  ["list_conversations", { channel: "" }, "channel", CHANNEL],
  ["list_conversations", { channel: ["EMAIL"] }, "channel", CHANNEL],
  ["list_conversations", { booking_id: "12345" }, "booking_id", /booking_id must be a booking id like/],
  ["list_conversations", { booking_id: "../../admin" }, "booking_id", /booking_id must be a booking id like/],
  ["list_conversations", { search: "" }, "search", /search must be 1–200 characters of text.*it was empty/],
  [
    "list_conversations",
    { search: LONG },
    "search",
    /search must be 1–200 characters.*it had 10000 characters/,
  ],
  ["list_conversations", { search: "towel\u0000" }, "search", TEXT_200("search")],
  ["list_conversations", { search: "a\u001b[2Jb" }, "search", TEXT_200("search")],
  ["list_conversations", { search: 42 }, "search", /search must be 1–200 characters of text.*, not a number/],
  ["list_conversations", { status: "CLOSED" }, "status", /status must be one of OPEN, ARCHIVED/],
  [
    "list_conversations",
    { unread_only: "true" },
    "unread_only",
    /unread_only must be true or false, not text/,
  ],
  ["list_conversations", { needs_reply: 1 }, "needs_reply", FLAG("needs_reply")],
  ["list_conversations", { since: LONG }, "since", DATE("since")],
  ["list_conversations", { until: "" }, "until", DATE("until")],
  [
    "list_conversations",
    { unknown_field: 1 },
    "unknown_field",
    /unknown argument unknown_field: the arguments are limit, offset/,
  ],
  ["get_messages", {}, "thread_id", /thread_id is required: a conversation id like/],
  ["get_messages", { thread_id: null }, "thread_id", THREAD],
  ["get_messages", { thread_id: "not-a-uuid" }, "thread_id", THREAD],
  ["get_messages", { thread_id: "../../etc/passwd" }, "thread_id", THREAD],
  ["get_messages", { thread_id: `${ID}/../x` }, "thread_id", THREAD],
  ["get_messages", { thread_id: `${ID}?limit=100` }, "thread_id", THREAD],
  ["get_messages", { thread_id: `%2e%2e%2f${ID}` }, "thread_id", THREAD],
  ["get_messages", { thread_id: LONG }, "thread_id", THREAD],
  ["get_messages", { thread_id: { id: ID } }, "thread_id", THREAD],
  ["get_messages", { thread_id: ID, limit: 1_000 }, "limit", LIMIT_100],
  ["get_messages", { thread_id: ID, offset: -3 }, "offset", OFFSET],
  ["get_messages", { thread_id: ID, full_text: "yes" }, "full_text", FLAG("full_text")],
  ["get_messages", { thread_id: ID, send: true }, "send", /unknown argument send/],
  ["search_conversations", {}, "query", /query is required: 1–200 characters of text/],
  ["search_conversations", { query: "   " }, "query", TEXT_200("query")],
  ["search_conversations", { query: LONG }, "query", TEXT_200("query")],
  ["search_conversations", { query: "locker\u0007" }, "query", TEXT_200("query")],
  [
    "search_conversations",
    { query: "locker", limit: 51 },
    "limit",
    /limit must be a whole number from 1 to 50/,
  ],
  [
    "search_conversations",
    { query: "locker", snippets: -1 },
    "snippets",
    /snippets must be a whole number from 0 to 5/,
  ],
  ["search_conversations", { query: "locker", offset: 1.5 }, "offset", OFFSET],
  ["search_conversations", { query: "locker", channel: "S/M/S" }, "channel", CHANNEL],
  ["search_conversations", { query: "locker", since: "a\u0000" }, "since", DATE("since")],
];

describe("bad inputs", () => {
  it("has a table of at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  // The arguments in the title are cut short: some are 10,000 characters long.
  const rows = CASES.map(([tool, args, field, says]) => ({
    tool,
    shown: JSON.stringify(args).slice(0, 60),
    args,
    field,
    says,
  }));
  it.each(rows)("$tool $shown: says what $field accepts", async ({ tool, args, field, says }) => {
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
