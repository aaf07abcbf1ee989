// The only code that speaks HTTP to Hostel Mate: one ky instance, one method per endpoint, and the
// mapping of every failure (status, timeout, network, unreadable body) onto an ApiError.
import ky, { HTTPError, type KyInstance, NetworkError, type ShouldRetryState, TimeoutError } from "ky";
import { LRUCache } from "lru-cache";
import type { z } from "zod";
import { type Logger, silentLogger } from "../log/log.js";
import { VERSION } from "../version.js";
import { type AttemptBudget, AttemptBudgetSpentError, budgetIn } from "./attempt-budget.js";
import { apiUrlProblems } from "./base-url.js";
import { keepAliveFetch } from "./connections.js";
import { ApiError, type ApiErrorKind } from "./errors.js";
import { RateLimiter, RateLimitQueueFullError } from "./rate-limit.js";
import { ConversationPage, ErrorBody, MessagePage } from "./schemas.js";
import { SharedRequests } from "./shared-requests.js";
import { ACCEPT_ENCODING, attemptFetch, type Fetch, ResponseRefusedError } from "./transport.js";

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

type Endpoint = "conversations" | "messages";

/** A parsed answer and the size of the body it came from. */
interface Parsed<T> {
  value: T;
  bytes: number;
}

// The messages path is not spelled out by the public docs; this is the one place that assumes it.
export const apiPaths = {
  conversations: () => "api/v1/client/conversations",
  messages: (threadId: string) => `api/v1/client/conversations/${pathSegment(threadId)}/messages`,
};

/** Encodes an id as exactly one path segment; refuses ids that would walk the path. */
export function pathSegment(id: string): string {
  const trimmed = id.trim();
  if (trimmed === "" || trimmed === "." || trimmed === "..") {
    throw new ApiError({ kind: "not_found", host: "", threadId: id, detail: "refused path segment" });
  }
  return encodeURIComponent(trimmed);
}

/** Seconds from a Retry-After header: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

function statusKind(status: number, endpoint: Endpoint): ApiErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return endpoint === "conversations" ? "feature_disabled" : "not_found";
  if (status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "unavailable";
  return "rejected";
}

export function createClient(options: ClientOptions): HostelMateClient {
  // The configuration already refuses such a URL; this keeps any other caller from sending the key
  // in the clear. The message names no key, only the rule.
  const [unsafe] = apiUrlProblems(options.apiUrl);
  if (unsafe !== undefined) throw new Error(`refusing to create the Hostel Mate client: ${unsafe}`);
  const logger = options.logger ?? silentLogger;
  const host = new URL(options.apiUrl).host;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const baseFetch: Fetch = options.fetch ?? keepAliveFetch();
  const requests = options.rateLimitPerMinute;
  const limiter =
    requests === undefined
      ? undefined
      : new RateLimiter({
          requests,
          ...(options.rateLimitIntervalMs ? { intervalMs: options.rateLimitIntervalMs } : {}),
          onWait: (waitMs) =>
            logger.info(
              `rate limit: more than ${requests} requests this minute, the next one waits ${waitMs} ms`,
            ),
        });
  const transport = { fetch: baseFetch, timeoutMs: options.timeoutMs, limiter };
  const cacheTtlMs = options.cacheTtlMs ?? 0;
  const cache =
    cacheTtlMs > 0
      ? new LRUCache<string, Parsed<unknown>>({
          max: options.cacheMaxEntries ?? 500,
          // The body's size stands in for the parsed value's, which JavaScript cannot measure.
          maxSize: options.cacheMaxBytes ?? 20_000_000,
          sizeCalculation: (entry) => Math.max(1, entry.bytes),
          ttl: cacheTtlMs,
        })
      : undefined;
  const shared = new SharedRequests<Parsed<unknown>>();

  function retryUnlessLongWait({ error }: ShouldRetryState): boolean | undefined {
    if (error instanceof HTTPError) {
      const wait = parseRetryAfter(error.response.headers.get("retry-after"));
      // Waiting longer than the cap would freeze the assistant; better to say when to come back.
      if (wait !== undefined && wait * 1000 > maxRetryAfterMs) return false;
    }
    return undefined;
  }

  const api: KyInstance = ky.create({
    prefix: options.apiUrl,
    // Each attempt's timeout is kept by attemptFetch, from the moment it is sent: ky's would also
    // count the wait for a turn under the rate limit.
    timeout: false,
    // fetch keeps custom headers such as X-API-Key across a redirect, even to another host or from
    // https to http; the API has no reason to redirect, so a redirect is treated as a failure.
    redirect: "error",
    headers: {
      "X-API-Key": options.apiKey,
      Accept: "application/json",
      "Accept-Encoding": ACCEPT_ENCODING,
      "User-Agent": `hostelmate-mcp/${VERSION}`,
    },
    retry: {
      limit: options.retryLimit ?? 2,
      methods: ["get"],
      statusCodes: [429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      jitter: true,
      retryOnTimeout: true,
      shouldRetry: retryUnlessLongWait,
    },
    fetch: attemptFetch(transport, undefined),
    hooks: {
      beforeRetry: [
        ({ options, error }) => {
          // A retry the call's budget cannot pay for is not made: the error it would retry stands.
          if (budgetIn(options.context)?.take() === false) throw error;
        },
        ({ request, error, retryCount }) => {
          const why = error instanceof HTTPError ? `HTTP ${error.response.status}` : error.name;
          logger.warn(`retrying ${describeRequest(request)} after ${why} (retry ${retryCount})`);
        },
      ],
    },
  });

  function fail(kind: ApiErrorKind, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}): never {
    throw new ApiError({ kind, host, ...extra });
  }

  interface RequestSpec<T extends z.ZodType> {
    endpoint: Endpoint;
    path: string;
    searchParams: Record<string, string | number | undefined>;
    schema: T;
    threadId?: string | undefined;
  }

  async function get<T extends z.ZodType>(spec: RequestSpec<T>, call: CallOptions): Promise<z.output<T>> {
    // The request's path and query, parameters in one order: the same question is the same key.
    const sorted = Object.entries(spec.searchParams).sort(([a], [b]) => a.localeCompare(b));
    const key = withQuery(spec.path, Object.fromEntries(sorted));
    const cached = cache?.get(key);
    if (cached) {
      logger.debug(`cache hit: ${key}`);
      return cached.value as z.output<T>;
    }
    const { deadline } = call;
    const fresh = await shared.run(key, call.signal, async (signal) => {
      const value = await fetchAndParse(spec, key, signal, call.budget, deadline);
      cache?.set(key, value);
      return value;
    });
    return fresh.value as z.output<T>;
  }

  async function fetchAndParse<T extends z.ZodType>(
    { endpoint, schema, threadId }: RequestSpec<T>,
    pathWithQuery: string,
    signal: AbortSignal,
    budget: AttemptBudget | undefined,
    deadline: number | undefined,
  ): Promise<Parsed<z.output<T>>> {
    if (budget && !budget.take()) throw new AttemptBudgetSpentError(budget.max);
    const mayRetry = (state: ShouldRetryState) => {
      // With an attempt budget, no retry is even waited for once it is spent; the beforeRetry hook
      // claims each one.
      if (budget && budget.remaining <= 0) return false;
      // A retry that cannot finish before the call's deadline would only trade this failure's own
      // sentence (a timeout names the host) for the vaguer one of the exhausted call budget.
      if (deadline !== undefined && deadline - Date.now() < options.timeoutMs) return false;
      return retryUnlessLongWait(state);
    };
    let body: string;
    try {
      const response = await api.get(pathWithQuery, {
        signal,
        fetch: attemptFetch(transport, deadline),
        retry: { shouldRetry: mayRetry },
        ...(budget ? { context: { attemptBudget: budget } } : {}),
      });
      body = await response.text();
    } catch (error) {
      throw toApiError(error, endpoint, threadId);
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      fail("bad_response", {
        detail: `${endpoint}: body is not JSON (${body.length} characters)`,
        status: 200,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      fail("bad_response", {
        detail: `${endpoint}: ${parsed.error.issues[0]?.message ?? "schema mismatch"}`,
      });
    }
    return { value: parsed.data, bytes: Buffer.byteLength(body) };
  }

  function toApiError(error: unknown, endpoint: Endpoint, threadId: string | undefined): unknown {
    if (error instanceof HTTPError) {
      const status = error.response.status;
      const body = ErrorBody.safeParse(error.data);
      const code = body.success ? (body.data.error ?? body.data.code ?? undefined) : undefined;
      const retryAfterSeconds = parseRetryAfter(error.response.headers.get("retry-after"));
      return new ApiError({
        kind: statusKind(status, endpoint),
        host,
        status,
        ...(code ? { code } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(threadId ? { threadId } : {}),
        detail: `${describeRequest(error.request)} answered ${status}`,
      });
    }
    if (error instanceof TimeoutError) {
      return new ApiError({ kind: "timeout", host, detail: `timed out after ${options.timeoutMs} ms` });
    }
    if (error instanceof NetworkError) {
      const cause = error.cause instanceof Error ? error.cause : undefined;
      const reason = cause && "code" in cause ? String(cause.code) : (cause?.message ?? error.message);
      return new ApiError({ kind: "network", host, detail: reason });
    }
    if (error instanceof RateLimitQueueFullError) {
      return new ApiError({
        kind: "queue_full",
        host,
        retryAfterSeconds: error.waitMs / 1000,
        limit: error.limit,
        detail: `a request now would wait ${error.waitMs} ms for its turn under the rate limit`,
      });
    }
    if (error instanceof ResponseRefusedError) {
      return new ApiError({ kind: "bad_response", host, detail: `${endpoint}: ${error.message}` });
    }
    // Cancellation by the MCP client is not an upstream fault: let it through unchanged.
    return error;
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

/**
 * The path with its query, encoded and ordered as ky encodes a searchParams object. Given whole, ky
 * builds the request once; given searchParams, it builds it, parses its URL and builds it again.
 */
export function withQuery(path: string, searchParams: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    if (value !== undefined) query.append(name, String(value));
  }
  const encoded = query.toString();
  return encoded === "" ? path : `${path}?${encoded}`;
}

/** Method and path with query, for logs. The key is in a header, so it never appears here. */
function describeRequest(request: Request): string {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search}`;
}
