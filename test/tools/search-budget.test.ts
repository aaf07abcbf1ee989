// search_conversations promises at most 12 requests to Hostel Mate per call. Retries are requests
// too: these faults make the client retry, and the sandbox counts every attempt it received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { type Harness, shortId, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const messagesRequests = () =>
  harness.sandbox.requests.filter((request) => request.path.endsWith("/messages"));

describe("the search budget under retries", () => {
  it("counts retries: 503s on the list and on messages stay within 12 requests", async () => {
    harness.sandbox.faults.failures.push(
      { status: 503, times: 3, endpoint: "conversations", retryAfter: "0" },
      { status: 503, times: 5, endpoint: "messages", retryAfter: "0" },
    );
    const result = await harness.call("search_conversations", { query: "broken locker" });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.sandbox.requests.length).toBeLessThanOrEqual(12);
    // Three searches and their three retries, then the quotes with what was left.
    expect(harness.sandbox.requests.length - messagesRequests().length).toBe(6);
    expect(textOf(result)).toMatch(
      /\n\d of the top threads (is|are) shown without quotes: the 12 requests a search may make were spent, retries after Hostel Mate errors included\. Read them with get_messages\./,
    );
  });

  it("stops retrying message reads when the budget is spent, and still answers with the threads", async () => {
    harness.sandbox.faults.failures.push({
      status: 503,
      times: Number.POSITIVE_INFINITY,
      endpoint: "messages",
      retryAfter: "0",
    });
    const result = await harness.call("search_conversations", { query: "broken locker" });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.sandbox.requests).toHaveLength(12);
    expect(messagesRequests()).toHaveLength(9);
    const text = textOf(result);
    expect(text.split("\n")[1]).toMatch(
      new RegExp(`^${shortId(stableUuid("thread", "broken-locker-sarah"))}\\|`),
    );
    // A read that failed three times is Hostel Mate's doing; one refused a retry is the budget's.
    const unquoted = [...text.matchAll(/\n(\d) of the top threads (?:is|are) shown without quotes/g)];
    expect(unquoted.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(5);
    expect(text).not.toMatch(/\n\s+▸ /);
  });

  it("gives up within 12 requests when the list keeps failing", async () => {
    harness.sandbox.faults.failures.push({
      status: 503,
      times: Number.POSITIVE_INFINITY,
      endpoint: "conversations",
      retryAfter: "0",
      error: "messaging_unavailable",
    });
    const result = await harness.call("search_conversations", {
      query: "towel breakfast locker padlock refund cancel airport",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^The Hostel Mate messaging service is temporarily unavailable \(HTTP 503\)/,
    );
    // Requests the failed call had started are cancelled, not left to run on after the answer.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.sandbox.requests.length).toBeLessThanOrEqual(12);
  });

  it("says which words retries left unsearched", async () => {
    harness.sandbox.faults.failures.push({
      status: 503,
      times: 3,
      endpoint: "conversations",
      retryAfter: "0",
    });
    const result = await harness.call("search_conversations", {
      query: "towel breakfast locker padlock refund cancel airport metro wifi laundry parking invoice",
      snippets: 0,
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.sandbox.requests).toHaveLength(12);
    expect(textOf(result)).toContain(
      "Not searched: laundry, parking, invoice. Hostel Mate needed retries, and they used up the 12 requests a search may make; ask again in a moment.",
    );
    expect(result.structuredContent).toMatchObject({
      searched: ["towel", "breakfast", "locker", "padlock", "refund", "cancel", "airport", "metro", "wifi"],
    });
  });
});

describe("concurrency of a search's reads", () => {
  let long: Harness;
  beforeAll(async () => {
    // Five long threads whose match is only in the newest page: each needs two message reads.
    long = await startHarness({
      seed: Array.from({ length: 5 }, (_, thread) => ({
        key: `long-${thread}`,
        channel: "EMAIL" as const,
        guestName: `Guest ${thread}`,
        subject: "Stay",
        status: "OPEN" as const,
        bookingKey: `long-${thread}`,
        createdMinutesAgo: 5_000,
        messages: Array.from({ length: 130 }, (_, index) => ({
          direction: index % 2 ? ("OUTBOUND" as const) : ("INBOUND" as const),
          source: index % 2 ? ("MANUAL" as const) : ("GUEST" as const),
          content: index === 120 ? "Is the zebra crossing near?" : `Message number ${index}.`,
          minutesAgo: 2_000 - index - thread,
        })),
      })),
    });
  });
  afterAll(() => long.close());

  it("never has more than 3 requests in flight, the newest-page reads included", async () => {
    long.sandbox.faults.delayMs = 40;
    const result = await long.call("search_conversations", { query: "zebra" });
    expect(result.isError, textOf(result)).toBeFalsy();
    const offsets = long.sandbox.requests.map((request) => request.query.offset);
    expect(offsets.filter((offset) => offset === "30")).toHaveLength(5);
    expect(textOf(result).match(/\*\*zebra\*\*/g)).toHaveLength(5);
    expect(long.sandbox.peakInFlight).toBeGreaterThan(1);
    expect(long.sandbox.peakInFlight).toBeLessThanOrEqual(3);
  });
});
