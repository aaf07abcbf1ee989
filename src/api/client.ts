// The only code that speaks HTTP to Hostel Mate: one method per endpoint over one ky instance. A
// request goes through named steps, each in its own module: the response cache (response-cache.ts),
// identical requests in flight shared (shared-requests.ts), then one request of the call
// (request.ts): its retries (retry.ts), each attempt under the rate limit with its body read under a
// cap (transport.ts, limiter.ts), every failure as an ApiError (failures.ts), the body parsed
// (parse-answer.ts).
import type { z } from "zod";
import { type Logger, silentLogger } from "../log/log.js";
import type { AttemptBudget } from "./attempt-budget.js";
import { apiUrlProblems } from "./base-url.js";
import { keepAliveFetch } from "./connections.js";
import { createHttp } from "./http.js";
import { rateLimiterFor } from "./limiter.js";
import type { Parsed } from "./parse-answer.js";
import { apiPaths, requestKey } from "./paths.js";
import { fetchAndParse, type RequestContext, type RequestSpec } from "./request.js";
import { responseCache } from "./response-cache.js";
import { ConversationPage, MessagePage } from "./schemas.js";
import { SharedRequests } from "./shared-requests.js";
import type { Fetch } from "./transport.js";

export { apiPaths, pathSegment, withQuery } from "./paths.js";
export { parseRetryAfter } from "./retry-after.js";

export interface ClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  logger?: Logger;
  /** Retries after the first attempt, for 429, 5xx and network errors. */
  retryLimit?: number;
  /** A Retry-After longer than this is not waited for: the caller is told when to try again instead. */
  maxRetryAfterMs?: number;
  /**
   * Requests per minute across all calls; further ones wait their turn, or are refused at once when
   * it would come too late for their call. Undefined: no client-side limit.
   */
  rateLimitPerMinute?: number;
  /** The rate limit's window; a minute unless a test needs a shorter one. */
  rateLimitIntervalMs?: number;
  /** How long identical GETs are answered from memory; 0 turns the cache off. */
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  /** Bound on the cache's memory, counted in UTF-8 bytes of the response bodies it holds. */
  cacheMaxBytes?: number;
  fetch?: Fetch;
}

export interface ListConversationsQuery {
  limit: number;
  offset: number;
  booking_id?: string | undefined;
  channel?: string | undefined;
  search?: string | undefined;
}

export interface GetMessagesQuery {
  limit: number;
  offset: number;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /**
   * When the call must be done by (milliseconds, as Date.now()): a retry that could not finish by
   * then is not started, and a turn under the rate limit that would come too late is refused.
   */
  deadline?: number | undefined;
  /** Caps the HTTP attempts, retries included; a request it cannot pay for is not started. */
  budget?: AttemptBudget | undefined;
  /**
   * Who is waiting for the answer: a person's tool call (the default) or the mirror's background
   * sync, which must never hold up the first nor take more than its share of the rate limit.
   */
  lane?: "interactive" | "background" | undefined;
}

export interface HostelMateClient {
  listConversations(query: ListConversationsQuery, options?: CallOptions): Promise<ConversationPage>;
  getMessages(threadId: string, query: GetMessagesQuery, options?: CallOptions): Promise<MessagePage>;
}

export function createClient(options: ClientOptions): HostelMateClient {
  refuseUnsafeUrl(options.apiUrl);
  const logger = options.logger ?? silentLogger;
  const transport = {
    fetch: options.fetch ?? keepAliveFetch(),
    timeoutMs: options.timeoutMs,
    limiter: rateLimiterFor(options, logger),
  };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const request: RequestContext = {
    http: createHttp({ ...options, maxRetryAfterMs, logger, transport }),
    transport,
    host: new URL(options.apiUrl).host,
    maxRetryAfterMs,
  };
  const cache = responseCache(options);
  const shared = new SharedRequests<Parsed<unknown>>();

  /** From memory if the cache holds the answer, else shared with an identical request in flight. */
  async function get<T extends z.ZodType>(spec: RequestSpec<T>, call: CallOptions): Promise<z.output<T>> {
    const key = requestKey(spec.path, spec.searchParams);
    const cached = cache?.get(key);
    if (cached) {
      logger.debug(`cache hit: ${key}`);
      return cached.value as z.output<T>;
    }
    const { deadline, budget } = call;
    const lane = call.lane ?? "interactive";
    // Shared within a lane only: an interactive call must not wait on a background request's turn,
    // nor a background one be refused for an interactive call's deadline.
    const fresh = await shared.run(`${lane} ${key}`, call.signal, async (signal) => {
      const value = await fetchAndParse(request, spec, key, signal, { budget, deadline, lane });
      // The mirror's sync stores what it reads, and no call asks for its pages again: kept here, a
      // first sync's pages filled the cache's 20 MB of bodies (more once parsed) for nothing.
      if (lane === "interactive") cache?.set(key, value);
      return value;
    });
    return fresh.value as z.output<T>;
  }

  return {
    listConversations(query, call = {}) {
      return get(
        {
          endpoint: "conversations",
          path: apiPaths.conversations(),
          searchParams: { ...query },
          schema: ConversationPage,
        },
        call,
      );
    },
    getMessages(threadId, query, call = {}) {
      return get(
        {
          endpoint: "messages",
          path: apiPaths.messages(threadId),
          searchParams: { ...query },
          schema: MessagePage,
          threadId,
        },
        call,
      );
    },
  };
}

// The configuration already refuses such a URL; this keeps any other caller from sending the key in
// the clear. The message names no key, only the rule.
function refuseUnsafeUrl(apiUrl: string): void {
  const [unsafe] = apiUrlProblems(apiUrl);
  if (unsafe !== undefined) throw new Error(`refusing to create the Hostel Mate client: ${unsafe}`);
}
