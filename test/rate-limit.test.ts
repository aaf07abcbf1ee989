// The client-side rate limit on its own, with a short window so that a burst across the window's
// edge takes a moment rather than a minute.
import { describe, expect, it } from "vitest";
import { type Fetch, rateLimitedFetch } from "../src/api/rate-limit.js";
import { silentLogger } from "../src/log.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most start times that fall in any window of `length` ms beginning at one of them. */
function busiestWindow(starts: readonly number[], length: number): number {
  return Math.max(...starts.map((from) => starts.filter((at) => at >= from && at < from + length).length));
}

describe("rateLimitedFetch", () => {
  it("never lets more than the limit start within any window, even in a burst across its edge", async () => {
    const limit = 3;
    const intervalMs = 300;
    const starts: number[] = [];
    const base: Fetch = async () => {
      starts.push(Date.now());
      return new Response("{}");
    };
    const limited = rateLimitedFetch(base, { requests: limit, intervalMs }, silentLogger);
    const call = () => limited("http://127.0.0.1/");

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
});
