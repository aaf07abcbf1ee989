// A client-side limit on requests per minute, shared by every call: Hostel Mate allows 120 a minute
// per IP. A log of the start times in the last window and a queue of waiters: a request starts only
// while fewer than the limit started in the sliding window before it. Our own rather than
// p-throttle's, because p-throttle reserves a time slot for each call as it is queued and a call that
// gives up keeps it, so a burst of abandoned calls blocked every later one for minutes; here a
// waiter holds nothing until it starts, leaves the queue the moment it is cancelled, and one whose
// turn would come after its deadline is told so at once instead of waiting in vain.

/** Thrown instead of queueing a request whose turn would come after its call's deadline. */
export class RateLimitQueueFullError extends Error {
  override name = "RateLimitQueueFullError";
  constructor(
    /** How long a request joining the queue now would wait. */
    readonly waitMs: number,
    readonly limit: number,
  ) {
    super(`rate limit queue: a new request would wait ${waitMs} ms`);
  }
}

interface Waiter {
  start: () => void;
}

export interface RateLimit {
  requests: number;
  /** The window the limit applies to; a minute unless a test needs a shorter one. */
  intervalMs?: number;
  /** Told when a request has to wait its turn. */
  onWait?: (waitMs: number) => void;
}

export class RateLimiter {
  readonly limit: number;
  readonly intervalMs: number;
  readonly #onWait: ((waitMs: number) => void) | undefined;
  /** Start times within the last window, oldest first. */
  readonly #starts: number[] = [];
  readonly #queue: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor({ requests, intervalMs = 60_000, onWait }: RateLimit) {
    this.limit = requests;
    this.intervalMs = intervalMs;
    this.#onWait = onWait;
  }

  /** Waiters not yet started. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Milliseconds until the request at `position` in the queue (0: the next) may start, if every one
   * ahead of it starts as early as it may: each start must come a window after the one `limit`
   * starts before it.
   */
  waitAt(position: number, now = Date.now()): number {
    this.#prune(now);
    const free = this.limit - this.#starts.length;
    const round = Math.floor(position / this.limit);
    const index = position % this.limit;
    const earliest = index < free ? now : (this.#starts[index - free] ?? now) + this.intervalMs;
    return Math.max(0, earliest + round * this.intervalMs - now);
  }

  /**
   * Resolves when the request may start, and counts it as started. Rejects at once with
   * RateLimitQueueFullError when its turn would come after `startBy`, and with the signal's reason
   * as soon as `signal` aborts, leaving the queue without holding a slot.
   */
  acquire(signal?: AbortSignal, startBy?: number): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = Date.now();
    const waitMs = this.waitAt(this.#queue.length, now);
    if (waitMs === 0) {
      this.#starts.push(now);
      return Promise.resolve();
    }
    if (startBy !== undefined && now + waitMs > startBy) {
      return Promise.reject(new RateLimitQueueFullError(waitMs, this.limit));
    }
    this.#onWait?.(waitMs);
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
        if (this.#queue.length === 0) this.#stopTimer();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener("abort", leave);
          resolve();
        },
      };
      signal?.addEventListener("abort", leave, { once: true });
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  #prune(now: number): void {
    while (this.#starts.length > 0 && (this.#starts[0] ?? now) + this.intervalMs <= now) this.#starts.shift();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, this.waitAt(0));
  }

  #drain(): void {
    const now = Date.now();
    this.#prune(now);
    while (this.#queue.length > 0 && this.#starts.length < this.limit) {
      this.#starts.push(now);
      this.#queue.shift()?.start();
    }
    this.#schedule();
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
