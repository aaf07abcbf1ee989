// A client-side limit on requests per minute, shared by every call: Hostel Mate allows 120 a minute
// per IP. A log of the start times in the last window and a queue of waiters: a request starts only
// while fewer than the limit started in the sliding window before it. Our own rather than
// p-throttle's, because p-throttle reserves a time slot for each call as it is queued and a call that
// gives up keeps it, so a burst of abandoned calls blocked every later one for minutes; here a
// waiter holds nothing until it starts, leaves the queue the moment it is cancelled, and one whose
// turn would come after its deadline is told so at once instead of waiting in vain.
//
// Two lanes (issue 13): a person's tool calls (interactive) and the mirror's sync (background). The
// background lane never starts more than half the limit in a window, so the user always has the
// other half; an interactive request goes ahead of every background waiter, and background waiters
// start only while no interactive one waits. A 429 halves the background lane's share and pauses it
// for the Retry-After, and each background answer that is not a 429 wins one request of it back:
// the sync slows down, the user does not.

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

export type Lane = "interactive" | "background";

interface Waiter {
  start: () => void;
}

interface Start {
  at: number;
  lane: Lane;
}

export interface RateLimit {
  requests: number;
  /** The window the limit applies to; a minute unless a test needs a shorter one. */
  intervalMs?: number;
  /** Told when an interactive request has to wait its turn (the background lane waits unannounced). */
  onWait?: (waitMs: number) => void;
}

export class RateLimiter {
  readonly limit: number;
  readonly intervalMs: number;
  /** The background lane's share when nothing is wrong: half the limit (at least one request). */
  readonly backgroundMax: number;
  readonly #onWait: ((waitMs: number) => void) | undefined;
  /** Starts within the last window, oldest first. */
  readonly #starts: Start[] = [];
  readonly #queues: Record<Lane, Waiter[]> = { interactive: [], background: [] };
  #backgroundShare: number;
  #backgroundPausedUntil = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor({ requests, intervalMs = 60_000, onWait }: RateLimit) {
    this.limit = requests;
    this.intervalMs = intervalMs;
    this.backgroundMax = Math.max(1, Math.floor(requests / 2));
    this.#backgroundShare = this.backgroundMax;
    this.#onWait = onWait;
  }

  /** Waiters not yet started, both lanes. */
  get queued(): number {
    return this.#queues.interactive.length + this.#queues.background.length;
  }

  /** How many background requests may start in a window now: backgroundMax, less after a 429. */
  get backgroundShare(): number {
    return this.#backgroundShare;
  }

  /**
   * Milliseconds until the request at `position` in its lane's queue (0: the next) may start, if
   * every one ahead of it starts as early as it may: each start must come a window after the one
   * `limit` starts before it, a background start also a window after the one `backgroundShare`
   * background starts before it, and after every interactive waiter. For the background lane it is
   * the earliest: an interactive request arriving meanwhile goes first.
   */
  waitAt(position: number, now = Date.now(), lane: Lane = "interactive"): number {
    this.#prune(now);
    const all = this.#starts.map((start) => start.at);
    const background = this.#starts.filter((start) => start.lane === "background").map((start) => start.at);
    /** The earliest time from `from` on at which one more start keeps `log` to `cap` a window. */
    const earliest = (from: number, log: readonly number[], cap: number) =>
      log.length < cap ? from : Math.max(from, (log[log.length - cap] ?? from) + this.intervalMs);
    // Interactive waiters ahead start first: for a background request, all of them.
    const ahead = lane === "interactive" ? position : this.#queues.interactive.length;
    let at = now;
    for (let index = 0; index < ahead; index++) {
      at = earliest(at, all, this.limit);
      all.push(at);
    }
    if (lane === "interactive") return earliest(at, all, this.limit) - now;
    at = Math.max(at, this.#backgroundPausedUntil);
    for (let index = 0; index <= position; index++) {
      at = Math.max(earliest(at, all, this.limit), earliest(at, background, this.#backgroundShare));
      all.push(at);
      background.push(at);
    }
    return at - now;
  }

  /**
   * Resolves when the request may start, and counts it as started. Rejects at once with
   * RateLimitQueueFullError when its turn would come after `startBy` (for the background lane, when
   * even its earliest turn would), and with the signal's reason as soon as `signal` aborts, leaving
   * the queue without holding a slot.
   */
  acquire(signal?: AbortSignal, startBy?: number, lane: Lane = "interactive"): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = Date.now();
    const queue = this.#queues[lane];
    const waitMs = this.waitAt(queue.length, now, lane);
    if (waitMs === 0) {
      this.#starts.push({ at: now, lane });
      return Promise.resolve();
    }
    if (startBy !== undefined && now + waitMs > startBy) {
      return Promise.reject(new RateLimitQueueFullError(waitMs, this.limit));
    }
    if (lane === "interactive") this.#onWait?.(waitMs);
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
        this.#reschedule();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener("abort", leave);
          resolve();
        },
      };
      signal?.addEventListener("abort", leave, { once: true });
      queue.push(waiter);
      // An interactive waiter may be due long before the background one the timer was set for.
      this.#reschedule();
    });
  }

  /**
   * What the API answered a request of `lane`: a 429 halves the background lane's share and pauses
   * it for `retryAfterMs` (without one, for one background request's spacing at the full share),
   * whichever lane it came on (the API is pressed; the user comes first). The 429s of requests sent
   * together arrive together: those within a pause count as one and only lengthen it. Any other
   * answer to a background request wins one request of its share back.
   */
  answered(status: number, lane: Lane, retryAfterMs?: number, now = Date.now()): void {
    if (status === 429) {
      if (now >= this.#backgroundPausedUntil) {
        this.#backgroundShare = Math.max(1, Math.floor(this.#backgroundShare / 2));
      }
      const pauseMs = retryAfterMs ?? this.intervalMs / this.backgroundMax;
      this.#backgroundPausedUntil = Math.max(this.#backgroundPausedUntil, now + pauseMs);
    } else if (lane === "background") {
      this.#backgroundShare = Math.min(this.backgroundMax, this.#backgroundShare + 1);
    }
    this.#reschedule();
  }

  #prune(now: number): void {
    while (this.#starts.length > 0 && (this.#starts[0]?.at ?? now) + this.intervalMs <= now)
      this.#starts.shift();
  }

  #reschedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { interactive, background } = this.#queues;
    if (interactive.length > 0) {
      this.#timer = setTimeout(() => this.#drain(), this.waitAt(0, Date.now(), "interactive"));
    } else if (background.length > 0) {
      this.#timer = setTimeout(() => this.#drain(), this.waitAt(0, Date.now(), "background"));
    }
  }

  #drain(): void {
    this.#timer = undefined;
    const now = Date.now();
    for (const lane of ["interactive", "background"] as const) {
      const queue = this.#queues[lane];
      while (queue.length > 0 && this.waitAt(0, now, lane) === 0) {
        this.#starts.push({ at: now, lane });
        queue.shift()?.start();
      }
    }
    this.#reschedule();
  }
}
