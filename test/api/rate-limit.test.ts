// The client-side rate limit on its own, with a short window so that a burst across the window's
// edge takes a moment rather than a minute; its two lanes on fake timers; and the client's lanes
// against the sandbox's enforced limit.
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CallOptions, createClient, type HostelMateClient } from "../../src/api/client.js";
import { ApiError } from "../../src/api/errors.js";
import { type Lane, RateLimiter, RateLimitQueueFullError } from "../../src/api/rate-limit.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most start times that fall in any window of `length` ms beginning at one of them. */
function busiestWindow(starts: readonly number[], length: number): number {
  return Math.max(...starts.map((from) => starts.filter((at) => at >= from && at < from + length).length));
}

describe("RateLimiter", () => {
  it("never lets more than the limit start within any window, even in a burst across its edge", async () => {
    const limit = 3;
    const intervalMs = 300;
    const starts: number[] = [];
    const limiter = new RateLimiter({ requests: limit, intervalMs });
    const call = async () => {
      await limiter.acquire();
      starts.push(Date.now());
    };

    const calls = [call()];
    await pause(intervalMs - 50);
    calls.push(call(), call(), call());
    await pause(100);
    calls.push(call(), call(), call());
    await Promise.all(calls);

    expect(starts).toHaveLength(7);
    // Timers may fire a millisecond early by the wall clock; a windowed limiter overshoots by whole
    // requests (5 here), so a few ms of slack hides nothing.
    expect(busiestWindow(starts, intervalMs - 5)).toBeLessThanOrEqual(limit);
  });

  it("frees a cancelled waiter's place at once: those behind it move up and it holds no slot", async () => {
    const limiter = new RateLimiter({ requests: 2, intervalMs: 60_000 });
    await limiter.acquire();
    await limiter.acquire();
    const controllers = Array.from({ length: 300 }, () => new AbortController());
    const waiting = controllers.map((controller) => limiter.acquire(controller.signal));
    expect(limiter.queued).toBe(300);
    // Three hundred callers waited and gave up; a p-throttle in strict mode kept their 300 slots,
    // 150 minutes of them.
    for (const controller of controllers) controller.abort(new Error("gave up"));
    await Promise.allSettled(waiting);
    expect(limiter.queued).toBe(0);
    expect(limiter.waitAt(0)).toBeLessThanOrEqual(60_000);
    expect(limiter.waitAt(2)).toBeGreaterThan(60_000);
  });

  it("refuses at once a request whose turn would come after its deadline, saying how long it would wait", async () => {
    const limiter = new RateLimiter({ requests: 1, intervalMs: 60_000 });
    await limiter.acquire();
    const refused = limiter.acquire(undefined, Date.now() + 10_000);
    const error = await refused.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitQueueFullError);
    const { waitMs, limit } = error as RateLimitQueueFullError;
    expect(limit).toBe(1);
    expect(waitMs).toBeGreaterThan(50_000);
    expect(waitMs).toBeLessThanOrEqual(60_000);
    expect(limiter.queued).toBe(0);
  });

  it("counts a start only when it happens, so the queue's waits follow the log of starts", async () => {
    const limiter = new RateLimiter({ requests: 2, intervalMs: 1_000 });
    const now = Date.now();
    expect(limiter.waitAt(0, now)).toBe(0);
    expect(limiter.waitAt(1, now)).toBe(0);
    await limiter.acquire();
    await limiter.acquire();
    const later = Date.now();
    // Positions 0 and 1 wait for the two starts to leave the window; 2 and 3 a window after that.
    expect(limiter.waitAt(0, later)).toBeGreaterThan(900);
    expect(limiter.waitAt(2, later)).toBeGreaterThan(1_900);
    expect(limiter.waitAt(4, later)).toBeGreaterThan(2_900);
  });
});

describe("RateLimiter's lanes", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Acquires in `lane` and notes the lane in `order` when it starts. */
  function starter(limiter: RateLimiter, order: string[]) {
    return (lane: Lane, signal?: AbortSignal) =>
      limiter.acquire(signal, undefined, lane).then(() => {
        order.push(lane);
      });
  }

  it("lets the background lane start at most half the limit in a window, leaving the rest to interactive calls", async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter({ requests: 10, intervalMs: 60_000 });
    const order: string[] = [];
    const start = starter(limiter, order);
    const sync = Array.from({ length: 8 }, () => start("background"));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(Array(5).fill("background"));
    expect(limiter.queued).toBe(3);
    expect(limiter.waitAt(0, Date.now(), "interactive")).toBe(0);
    const user = Array.from({ length: 5 }, () => start("interactive"));
    await vi.advanceTimersByTimeAsync(0);
    expect(order.filter((lane) => lane === "interactive")).toHaveLength(5);
    // The window's first five starts leave it after a minute, and the sync's next three go.
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all([...sync, ...user]);
    expect(order.filter((lane) => lane === "background")).toHaveLength(8);
  });

  it("starts an interactive request ahead of every background waiter, however long they waited", async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter({ requests: 4, intervalMs: 60_000 });
    const order: string[] = [];
    const start = starter(limiter, order);
    const calls = [start("background"), start("background"), start("interactive"), start("interactive")];
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(["background", "background", "interactive", "interactive"]);
    // The window is full: three background requests queue, then one interactive request.
    calls.push(start("background"), start("background"), start("background"));
    await vi.advanceTimersByTimeAsync(1_000);
    calls.push(start("interactive"));
    expect(limiter.waitAt(0, Date.now(), "interactive")).toBe(59_000);
    expect(limiter.waitAt(0, Date.now(), "background")).toBe(59_000);
    await vi.advanceTimersByTimeAsync(59_000);
    // All four starts left the window at once: the interactive one first, then two of the sync's.
    expect(order.slice(4)).toEqual(["interactive", "background", "background"]);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(calls);
    expect(order).toHaveLength(8);
  });

  it("halves the background lane's share on a 429 and pauses it for the Retry-After; interactive calls do not wait", () => {
    const limiter = new RateLimiter({ requests: 10, intervalMs: 60_000 });
    const now = Date.now();
    expect(limiter.backgroundShare).toBe(5);
    limiter.answered(429, "background", 30_000, now);
    expect(limiter.backgroundShare).toBe(2);
    expect(limiter.waitAt(0, now, "background")).toBe(30_000);
    expect(limiter.waitAt(0, now, "interactive")).toBe(0);
    // The 429s of the requests sent with it come during the pause: the same pressure, counted once.
    limiter.answered(429, "background", 30_000, now + 5);
    expect(limiter.backgroundShare).toBe(2);
    // A 429 to a user's call after the pause means the API is pressed again: the sync gives way.
    limiter.answered(429, "interactive", undefined, now + 30_005);
    expect(limiter.backgroundShare).toBe(1);
    // Without a Retry-After it pauses for one background request's spacing at full share: 60 s / 5.
    expect(limiter.waitAt(0, now + 30_005, "background")).toBe(12_000);
    expect(limiter.waitAt(9, now + 30_005, "interactive")).toBe(0);
    // Each background answer that is not a 429 wins one request back, up to half the limit.
    for (let index = 0; index < 10; index++) limiter.answered(200, "background", undefined, now);
    expect(limiter.backgroundShare).toBe(5);
    limiter.answered(200, "interactive", undefined, now);
    expect(limiter.backgroundShare).toBe(5);
  });

  it("spaces the background lane by its reduced share once the pause is over", async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter({ requests: 8, intervalMs: 60_000 });
    const order: string[] = [];
    const start = starter(limiter, order);
    limiter.answered(429, "background", 10_000);
    expect(limiter.backgroundShare).toBe(2);
    const sync = Array.from({ length: 4 }, () => start("background"));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(["background", "background"]);
    expect(limiter.waitAt(0, Date.now(), "background")).toBe(60_000);
    // Their answers win the share back, and a third starts at once.
    limiter.answered(200, "background");
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toHaveLength(3);
    limiter.answered(200, "background");
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(sync);
    expect(order).toHaveLength(4);
  });

  it("queues a background request without a deadline however long its wait, and lets it leave when cancelled", async () => {
    const limiter = new RateLimiter({ requests: 2, intervalMs: 60_000 });
    await limiter.acquire(undefined, undefined, "background");
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal, undefined, "background");
    expect(limiter.queued).toBe(1);
    expect(limiter.waitAt(0, Date.now(), "background")).toBeGreaterThan(59_000);
    // With a deadline of its own it is refused like an interactive one.
    await expect(limiter.acquire(undefined, Date.now() + 1_000, "background")).rejects.toBeInstanceOf(
      RateLimitQueueFullError,
    );
    controller.abort(new Error("sync stopped"));
    await expect(waiting).rejects.toThrow("sync stopped");
    expect(limiter.queued).toBe(0);
  });
});

describe("the client's lanes against the sandbox's enforced rate limit", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function setUp(serverLimit: number, clientLimit: number) {
    sandbox = await startSandbox({ rateLimit: { requests: serverLimit, windowMs: 60_000 } });
    const client = createClient({
      apiUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      timeoutMs: 10_000,
      rateLimitPerMinute: clientLimit,
    });
    return { box: sandbox, client };
  }

  /** A list page per offset, so that no two calls share a request. */
  const page = (client: HostelMateClient, offset: number, call: CallOptions) =>
    client.listConversations({ limit: 1, offset }, call);

  it("leaves half the limit to the user while a sync runs flat out: the user's calls go at once, and none is refused", async () => {
    const { box, client } = await setUp(6, 6);
    const stop = new AbortController();
    const sync = Array.from({ length: 10 }, (_, offset) =>
      page(client, offset, { lane: "background", signal: stop.signal }),
    );
    const user = await Promise.all([20, 21, 22].map((offset) => page(client, offset, {})));
    expect(user.map((answer) => answer.results.length)).toEqual([1, 1, 1]);
    expect(box.requests).toHaveLength(6);
    expect(box.rateLimited).toBe(0);
    stop.abort(new Error("sync stopped"));
    const settled = await Promise.allSettled(sync);
    expect(settled.filter((result) => result.status === "fulfilled")).toHaveLength(3);
  });

  it("pauses the sync after the API's 429 while a user's call is still sent at once", async () => {
    const { box, client } = await setUp(4, 8);
    // Another program on the same address has used three of the API's four this minute.
    for (let index = 0; index < 3; index++) {
      await fetch(`${box.url}/api/v1/client/conversations?limit=1`, { headers: { "X-API-Key": box.apiKey } });
    }
    const first = await Promise.allSettled(
      [0, 1, 2].map((offset) => page(client, offset, { lane: "background" })),
    );
    // Sent together, one gets the API's last request of the minute, whichever arrives first.
    expect(first.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(box.rateLimited).toBe(2);
    const sent = box.requests.length;
    const stop = new AbortController();
    const paused = page(client, 3, { lane: "background", signal: stop.signal });
    // The user's call is not held for the sync's pause: it is sent, and the API's own answer stands.
    const error = await page(client, 20, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("rate_limited");
    expect(box.requests).toHaveLength(sent + 1);
    stop.abort(new Error("sync stopped"));
    await expect(paused).rejects.toThrow("sync stopped");
    expect(box.requests).toHaveLength(sent + 1);
  });

  it("never refuses a background call for the deadline of a user's call asking the same page", async () => {
    const { client } = await setUp(100, 1);
    await page(client, 9, {});
    // The user's call must be done in 5 s, and the next turn is a minute away: refused at once.
    const user = page(client, 0, { signal: new AbortController().signal, deadline: Date.now() + 5_000 });
    const stop = new AbortController();
    const sync = page(client, 0, { lane: "background", signal: stop.signal });
    const refused = await user.catch((caught: unknown) => caught);
    expect((refused as ApiError).kind).toBe("queue_full");
    const state = await Promise.race([
      sync.then(
        () => "answered",
        (caught: unknown) => (caught as ApiError).kind,
      ),
      new Promise((resolve) => setTimeout(() => resolve("waiting"), 50)),
    ]);
    expect(state).toBe("waiting");
    stop.abort(new Error("sync stopped"));
    await expect(sync).rejects.toThrow("sync stopped");
  });
});
