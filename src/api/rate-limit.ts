// A client-side limit on requests per minute, shared by every call: Hostel Mate allows 120 a minute
// per IP. Calls over the limit wait their turn rather than fail; a cancelled call leaves the queue.
import pThrottle from "p-throttle";
import type { Logger } from "../log.js";

export type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

export interface RateLimit {
  requests: number;
  /** The window the limit applies to; a minute unless a test needs a shorter one. */
  intervalMs?: number;
}

export function rateLimitedFetch(
  base: Fetch,
  { requests, intervalMs = 60_000 }: RateLimit,
  logger: Logger,
): Fetch {
  const window = intervalMs === 60_000 ? "this minute" : `within ${intervalMs} ms`;
  const throttle = pThrottle({
    limit: requests,
    interval: intervalMs,
    // The default windowed mode starts a fresh count at each window's edge, so a burst on either
    // side of it gets up to twice the limit into one minute; strict holds for every sliding minute.
    strict: true,
    onDelay: () =>
      logger.info(`rate limit: more than ${requests} requests ${window}, the next one waits its turn`),
  });
  const throttled = throttle((request: Request, init: RequestInit | undefined) =>
    // A call cancelled while it waited must not spend its turn on a request nobody wants.
    request.signal.aborted ? Promise.reject(request.signal.reason) : base(request, init),
  );
  return (input, init) => {
    // ky hands over a Request already: copying it again costs more than the rest of this wrapper.
    const [request, rest] = input instanceof Request ? [input, init] : [new Request(input, init), undefined];
    return abortable(throttled(request, rest), request.signal);
  };
}
