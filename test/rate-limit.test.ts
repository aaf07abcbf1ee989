// The client-side rate limit on its own, with a short window so that a burst across the window's
// edge takes a moment rather than a minute.
import { describe, expect, it } from "vitest";
import { RateLimiter, RateLimitQueueFullError } from "../src/api/rate-limit.js";

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
