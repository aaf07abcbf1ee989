// A hostile client and a hostile upstream, through the real server: a burst over the rate limit,
// 429s under a full queue, answers too large or in an encoding not asked for, a connection dropped
// mid-body, and connections kept across an idle gap.
import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/limits.js";
import { type Harness, startHarness, textOf } from "../helpers.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SERVED_OR_TOLD_WHEN =
  /^Too many requests to Hostel Mate right now \(its rate limit is 10 a minute\); try again in about \d+ seconds?\.$/;
const TIMED_OUT = /did not answer in time|did not finish answering/;

describe("a burst over the rate limit", () => {
  it("leaves no backlog: later calls are served or told when to come back, never a timeout for a request never sent", async () => {
    // The defaults (120 a minute, a 30 s budget, attempts of 10 s) with the minute scaled to a window
    // of 3 s for 10 requests: a call may wait 2 s for its turn (its budget less one attempt), so every
    // call over the limit would wait longer than its budget allows. Attempts keep their 10 s: on a
    // busy CI core a request that was sent can take over a second, and that is a real timeout.
    const windowMs = 3_000;
    harness = await startHarness({
      rateLimitPerMinute: 10,
      rateLimitIntervalMs: windowMs,
      callBudgetMs: 12_000,
      timeoutMs: 10_000,
    });
    const active = harness;
    const burst = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        active.call("list_conversations", { limit: 1 + (index % 100), offset: Math.floor(index / 100) }),
      ),
    );
    expect(burst.filter((result) => !result.isError).length).toBeGreaterThan(0);
    for (const result of burst) if (result.isError) expect(textOf(result)).toMatch(SERVED_OR_TOLD_WHEN);
    expect(active.sandbox.requests.length).toBeLessThanOrEqual(10);

    // Then one call every "10 s" of the scaled minute, for two windows.
    const later: Array<Promise<{ isError: boolean; text: string }>> = [];
    for (let index = 0; index < 12; index++) {
      later.push(
        active
          .call("list_conversations", { limit: 1 + index, offset: 7 })
          .then((result) => ({ isError: result.isError === true, text: textOf(result) })),
      );
      await pause(windowMs / 6);
    }
    const answers = await Promise.all(later);
    for (const answer of answers) {
      expect(answer.text).not.toMatch(TIMED_OUT);
      if (answer.isError) expect(answer.text).toMatch(SERVED_OR_TOLD_WHEN);
    }
    // The calls after the burst's window are served: a limiter that kept the abandoned calls' turns
    // would still be busy with them for a minute.
    expect(answers.slice(6).filter((answer) => !answer.isError).length).toBeGreaterThan(0);
  }, 60_000);

  it("says Hostel Mate is rate limiting, not that it timed out, when 429s meet a full queue", async () => {
    harness = await startHarness({
      rateLimitPerMinute: 2,
      rateLimitIntervalMs: 3_000,
      // A turn may come at most 1.5 s late (the budget less one attempt); the window is 3 s.
      callBudgetMs: 11_500,
      timeoutMs: 10_000,
      retryLimit: 2,
    });
    harness.sandbox.faults.failures.push({ status: 429, times: Infinity, retryAfter: "0" });
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    // Two attempts got 429; the third would have waited 3 s for its turn, past the call's budget.
    expect(textOf(result)).toMatch(/rate limit/);
    expect(textOf(result)).not.toMatch(TIMED_OUT);
    expect(harness.sandbox.requests).toHaveLength(2);
  });
});

describe("answers too large or encoded as not asked for", () => {
  const UNREADABLE = /^Hostel Mate at 127\.0\.0\.1:\d+ sent an answer this server could not read\./;

  it("refuses a brotli body (only gzip and deflate are asked for) without decoding it", async () => {
    harness = await startHarness();
    harness.sandbox.faults.encodingBomb = "br";
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(UNREADABLE);
    for (const request of harness.sandbox.requests)
      expect(request.headers["accept-encoding"]).toBe("gzip, deflate");
    expect(harness.log.join("\n")).toMatch(/bad_response .*content-encoding br was not asked for/);
  });

  it("stops decoding a gzip body once it grows past the cap", async () => {
    harness = await startHarness();
    harness.sandbox.faults.encodingBomb = "gzip";
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(UNREADABLE);
    expect(harness.log.join("\n")).toMatch(new RegExp(`body over ${MAX_BODY_BYTES} bytes`));
  });

  it("stops reading an endless body soon after the cap, and the server keeps serving", async () => {
    harness = await startHarness();
    harness.sandbox.faults.endlessBody = true;
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(UNREADABLE);
    // What the sandbox managed to write: the cap plus what socket buffers hold, far from the whole.
    expect(harness.sandbox.endlessBytesSent).toBeLessThan(MAX_BODY_BYTES + 16 * 1024 * 1024);
    harness.sandbox.reset();
    expect((await harness.call("list_conversations", { limit: 2 })).isError).toBeFalsy();
  });
});

describe("a connection dropped mid-body", () => {
  it("is retried like any network failure", async () => {
    harness = await startHarness();
    harness.sandbox.faults.dropMidBody = 1;
    const result = await harness.call("list_conversations", { limit: 3 });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(harness.sandbox.requests).toHaveLength(2);
  });

  it("ends, once retries are spent, in the sentence for an unreachable API", async () => {
    harness = await startHarness({ retryLimit: 2 });
    harness.sandbox.faults.dropMidBody = 10;
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Could not reach Hostel Mate at 127\.0\.0\.1:\d+\./);
    expect(harness.sandbox.requests).toHaveLength(3);
  });
});

describe("connections to the API", () => {
  it("keeps one open across an idle gap longer than fetch's default 4 s, when the server sets no limit", async () => {
    // A server that announces no Keep-Alive timeout and never closes an idle connection itself.
    harness = await startHarness({ keepAliveTimeoutMs: 0 });
    expect((await harness.call("list_conversations", { limit: 1 })).isError).toBeFalsy();
    await pause(5_500);
    expect((await harness.call("list_conversations", { limit: 2 })).isError).toBeFalsy();
    expect(harness.sandbox.connections).toBe(1);
  });
});
