// One HTTP attempt as ky sees it: wait for a turn under the rate limit, send, and read the whole body
// under a size cap, all before ky gets the response. The per-attempt timeout starts once the request
// is sent, so time in the rate limit's queue never counts as Hostel Mate not answering; and a body
// cut off mid-way fails the attempt as a network error, which ky retries like any other.
import { NetworkError, TimeoutError } from "ky";
import { MAX_BODY_BYTES } from "../limits.js";
import type { Lane, RateLimiter } from "./rate-limit.js";
import { parseRetryAfter } from "./retry-after.js";

export type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** The encodings asked for; fetch would decode others too (br), without any cap of ours. */
export const ACCEPT_ENCODING = "gzip, deflate";
const ACCEPTED_CODINGS = new Set(["gzip", "x-gzip", "deflate", "identity"]);

/** An answer refused for its form (an encoding not asked for, too large) rather than its content. */
export class ResponseRefusedError extends Error {
  override name = "ResponseRefusedError";
}

export interface TransportOptions {
  fetch: Fetch;
  timeoutMs: number;
  limiter?: RateLimiter | undefined;
  maxBodyBytes?: number;
}

/**
 * A fetch for ky that makes one attempt of a call that must end by `deadline` (if it has one), in
 * `lane` of the rate limit, and tells the limiter what the API answered.
 */
export function attemptFetch(
  options: TransportOptions,
  deadline: number | undefined,
  lane: Lane = "interactive",
): Fetch {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    // A turn that leaves less than one attempt's time before the deadline is no use to the call.
    await options.limiter?.acquire(
      request.signal,
      deadline === undefined ? undefined : deadline - options.timeoutMs,
      lane,
    );
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), options.timeoutMs);
    const signal = AbortSignal.any([request.signal, timer.signal]);
    const gaveUp = (error: unknown): unknown => {
      if (timer.signal.aborted) return new TimeoutError(request);
      if (request.signal.aborted) return request.signal.reason;
      return error;
    };
    try {
      let response: Response;
      try {
        response = await options.fetch(request, { signal });
      } catch (error) {
        throw gaveUp(error);
      }
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      options.limiter?.answered(
        response.status,
        lane,
        retryAfter === undefined ? undefined : retryAfter * 1000,
      );
      const coding = response.headers.get("content-encoding");
      const refused = coding
        ?.split(",")
        .map((part) => part.trim().toLowerCase())
        .find((part) => part !== "" && !ACCEPTED_CODINGS.has(part));
      if (refused !== undefined) {
        await response.body?.cancel().catch(() => {});
        throw new ResponseRefusedError(`content-encoding ${refused.slice(0, 20)} was not asked for`);
      }
      let body: Uint8Array;
      try {
        body = await readCapped(response, maxBytes);
      } catch (error) {
        if (error instanceof ResponseRefusedError) throw error;
        const reason = gaveUp(error);
        // Cut off mid-body: a network failure like any other, so ky retries it.
        throw reason === error
          ? new NetworkError(request, error instanceof Error ? { cause: error } : {})
          : reason;
      }
      const headers = new Headers(response.headers);
      headers.delete("content-encoding");
      headers.delete("content-length");
      const empty = [101, 204, 205, 304].includes(response.status);
      return new Response(empty ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    } finally {
      clearTimeout(timeout);
    }
  };
}

/** The decoded body, refused as soon as it grows past `maxBytes`: it is never held whole. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ResponseRefusedError(`body over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
