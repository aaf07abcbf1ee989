// Staying correct, polite to the API and alive: the call budget, the cache and request sharing,
// the client-side rate limit, progress notifications and log forwarding.
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, textOf } from "../helpers.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("resilience", () => {
  it("ends a call that runs past its budget with a sentence that says so", async () => {
    harness = await startHarness({ timeoutMs: 10_000, callBudgetMs: 1_000 });
    harness.sandbox.faults.hang = true;
    // The sentence tells the budget's end from the 10 s attempt's timeout ("did not answer in time").
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Hostel Mate did not finish answering within 1 second,/);
    harness.sandbox.faults.hang = false;
    expect((await harness.call("list_conversations", { limit: 1 })).isError).toBeFalsy();
  });

  it("says the API timed out, naming its host, rather than starting a retry the budget cannot fit", async () => {
    // The defaults (attempts of 10 s, 2 retries, a 30 s budget) scaled down, with the budget a little
    // shorter so that the backoff's jitter (up to 0.3 s) cannot change the outcome: the second
    // attempt ends 6.0-6.3 s in, leaving less than one attempt's time; a third attempt would end in
    // the budget's vaguer sentence. Attempts of 3 s, not 1 s: timers that fire up to 1.8 s late on a
    // busy machine still end the second attempt before the budget (at 1 s, 0.4 s late was enough).
    harness = await startHarness({ timeoutMs: 3_000, retryLimit: 2, callBudgetMs: 8_100 });
    harness.sandbox.faults.hang = true;
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Hostel Mate at 127\.0\.0\.1:\d+ did not answer in time\./);
    expect(harness.sandbox.requests).toHaveLength(2);
    expect(harness.log.join("")).toMatch(/warn: list_conversations: timeout from 127\.0\.0\.1/);
  });

  it("answers identical requests from the cache and shares requests in flight", async () => {
    harness = await startHarness({ cacheTtlMs: 30_000 });
    harness.sandbox.faults.delayMs = 100;
    const texts = await Promise.all(
      Array.from({ length: 10 }, () => harness?.call("list_conversations", { limit: 5 })),
    );
    expect(harness.sandbox.requests).toHaveLength(1);
    expect(new Set(texts.map((result) => result && textOf(result))).size).toBe(1);
    await harness.call("list_conversations", { limit: 5 });
    expect(harness.sandbox.requests).toHaveLength(1);
    await harness.call("list_conversations", { limit: 6 });
    expect(harness.sandbox.requests).toHaveLength(2);
    expect(
      harness.log.some((line) => line.includes("cache hit: api/v1/client/conversations?limit=5&offset=0")),
    ).toBe(true);
  });

  it("does not keep failures in the cache", async () => {
    harness = await startHarness({ cacheTtlMs: 30_000, retryLimit: 0 });
    harness.sandbox.faults.failures.push({ status: 500, times: 1 });
    expect((await harness.call("list_conversations", {})).isError).toBe(true);
    expect((await harness.call("list_conversations", {})).isError).toBeFalsy();
    expect(harness.sandbox.requests).toHaveLength(2);
  });

  it("lets one caller cancel a shared request without failing the others", async () => {
    harness = await startHarness({ cacheTtlMs: 30_000 });
    harness.sandbox.faults.delayMs = 300;
    const controller = new AbortController();
    const cancelled = harness.client.callTool({ name: "list_conversations", arguments: {} }, undefined, {
      signal: controller.signal,
    });
    const kept = harness.call("list_conversations", {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(cancelled).rejects.toThrow();
    const result = await kept;
    expect(result.isError).toBeFalsy();
    expect(harness.sandbox.requests).toHaveLength(1);
  });

  it("queues requests over the rate limit instead of failing them, while their turn fits the call's budget", async () => {
    harness = await startHarness({ rateLimitPerMinute: 3, rateLimitIntervalMs: 5_000 });
    const results = await Promise.all(
      [1, 2, 3].map((limit) => harness?.call("list_conversations", { limit })),
    );
    expect(results.every((result) => result && !result.isError)).toBe(true);
    const queued = (started: Harness) => started.log.some((line) => line.includes("rate limit: more than 3"));
    expect(queued(harness)).toBe(false);
    // A fourth request waits its turn (5 s, within the 30 s budget): cancel it rather than wait.
    const controller = new AbortController();
    const waiting = harness.client.callTool(
      { name: "list_conversations", arguments: { limit: 4 } },
      undefined,
      {
        signal: controller.signal,
      },
    );
    // Waiting until the limiter has held it back, not a fixed time a busy machine may overrun.
    const started = harness;
    await vi.waitFor(() => expect(queued(started)).toBe(true), { timeout: 15_000, interval: 10 });
    expect(harness.sandbox.requests).toHaveLength(3);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(harness.log.some((line) => line.includes("rate limit: more than 3 requests this minute"))).toBe(
      true,
    );
  });

  it("sends progress notifications during a scan when the client asks for them", async () => {
    harness = await startHarness();
    const updates: Array<{ progress: number; total?: number }> = [];
    await harness.client.callTool(
      { name: "list_conversations", arguments: { status: "ARCHIVED", limit: 100 } },
      undefined,
      {
        onprogress: (progress) => updates.push(progress),
      },
    );
    expect(updates).toEqual([{ progress: 55, total: 500, message: "read 55 threads" }]);
    const search: number[] = [];
    await harness.client.callTool(
      { name: "search_conversations", arguments: { query: "towel breakfast" } },
      undefined,
      {
        onprogress: (progress) => search.push(progress.progress),
      },
    );
    expect(search.length).toBeGreaterThan(2);
    expect(search).toEqual([...search].sort((a, b) => a - b));
  });

  it("forwards its log to the client as MCP log notifications", async () => {
    harness = await startHarness({ retryLimit: 1 });
    const messages: string[] = [];
    harness.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      messages.push(`${notification.params.level}: ${String(notification.params.data)}`);
    });
    await harness.client.setLoggingLevel("warning");
    harness.sandbox.faults.failures.push({ status: 503, times: 1, retryAfter: "0" });
    await harness.call("list_conversations", {});
    await harness.client.ping();
    expect(
      messages.some((line) => /^warning: retrying GET \/api\/v1\/client\/conversations/.test(line)),
    ).toBe(true);
    expect(messages.some((line) => line.startsWith("debug:"))).toBe(false);
  });

  describe("log forwarding at the client's level, apart from the stderr level", () => {
    const UNREADABLE = { query: "locker", since: "the other day" };

    async function startWithLevel(logLevel: "warn" | "debug") {
      const started = await startHarness({ logLevel });
      const forwarded: string[] = [];
      started.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
        forwarded.push(`${notification.params.level}: ${String(notification.params.data)}`);
      });
      return { started, forwarded };
    }

    // A ping answered after the call means the notifications sent before its result have arrived.
    async function callAndSettle(started: Harness): Promise<void> {
      await started.call("search_conversations", UNREADABLE);
      await started.client.ping();
    }

    it("sends info lines to a client that asked for info while stderr is at warn", async () => {
      const { started, forwarded } = await startWithLevel("warn");
      harness = started;
      await started.client.setLoggingLevel("info");
      await callAndSettle(started);
      expect(forwarded).toEqual([
        'info: search_conversations: since: could not read "the other day" as a date. Use a date like 2026-11-18, a time like 2026-11-18T09:00, or words like "yesterday", "3 days ago", "last week", "Monday".',
      ]);
      expect(started.log.some((line) => line.includes("could not read"))).toBe(false);
    });

    it("keeps stderr at its own level when the client asks for less", async () => {
      const { started, forwarded } = await startWithLevel("debug");
      harness = started;
      await started.client.setLoggingLevel("error");
      await callAndSettle(started);
      expect(forwarded).toEqual([]);
      expect(
        started.log.some((line) => line.startsWith("hostelmate-mcp info: search_conversations: since")),
      ).toBe(true);
    });

    it("sends a client that set no level what stderr gets", async () => {
      const { started, forwarded } = await startWithLevel("warn");
      harness = started;
      await callAndSettle(started);
      started.sandbox.faults.failures.push({ status: 503, times: 1, retryAfter: "0" });
      await started.call("list_conversations", { limit: 1 });
      await started.client.ping();
      expect(forwarded).toEqual([
        expect.stringMatching(
          /^warning: retrying GET \/api\/v1\/client\/conversations\?limit=1&offset=0 after HTTP 503/,
        ),
      ]);
      expect(started.log).toEqual([expect.stringMatching(/^hostelmate-mcp warn: retrying GET/)]);
    });
  });
});
