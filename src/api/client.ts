// The only code that speaks HTTP to Hostel Mate: one ky instance, one method per endpoint, and the
// mapping of every failure (status, timeout, network, unreadable body) onto an ApiError.
import ky, { HTTPError, type KyInstance, NetworkError, TimeoutError } from "ky";
import type { z } from "zod";
import { ApiError, type ApiErrorKind } from "../errors.js";
import { type Logger, silentLogger } from "../log.js";
import { VERSION } from "../version.js";
import { ConversationPage, ErrorBody, MessagePage } from "./schemas.js";

export interface ClientOptions {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  logger?: Logger;
  /** Retries after the first attempt, for 429, 5xx and network errors. */
  retryLimit?: number;
  /** A Retry-After longer than this is not waited for: the caller is told when to try again instead. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
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
}

export interface HostelMateClient {
  listConversations(query: ListConversationsQuery, options?: CallOptions): Promise<ConversationPage>;
  getMessages(threadId: string, query: GetMessagesQuery, options?: CallOptions): Promise<MessagePage>;
}

type Endpoint = "conversations" | "messages";

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
  const logger = options.logger ?? silentLogger;
  const host = new URL(options.apiUrl).host;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;

  const api: KyInstance = ky.create({
    prefix: options.apiUrl,
    timeout: options.timeoutMs,
    headers: {
      "X-API-Key": options.apiKey,
      Accept: "application/json",
      "User-Agent": `hostelmate-mcp/${VERSION}`,
    },
    retry: {
      limit: options.retryLimit ?? 2,
      methods: ["get"],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      jitter: true,
      shouldRetry: ({ error }) => {
        if (error instanceof HTTPError) {
          const wait = parseRetryAfter(error.response.headers.get("retry-after"));
          // Waiting longer than the cap would freeze the assistant; better to say when to come back.
          if (wait !== undefined && wait * 1000 > maxRetryAfterMs) return false;
        }
        return undefined;
      },
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRetry: [
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

  async function get<T extends z.ZodType>(
    endpoint: Endpoint,
    path: string,
    searchParams: Record<string, string | number | undefined>,
    schema: T,
    call: CallOptions,
    threadId?: string,
  ): Promise<z.output<T>> {
    let body: string;
    try {
      const response = await api.get(path, { searchParams, ...(call.signal ? { signal: call.signal } : {}) });
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
    return parsed.data;
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
    // Cancellation by the MCP client is not an upstream fault: let it through unchanged.
    return error;
  }

  return {
    listConversations(query, call = {}) {
      return get("conversations", apiPaths.conversations(), { ...query }, ConversationPage, call);
    },
    getMessages(threadId, query, call = {}) {
      return get("messages", apiPaths.messages(threadId), { ...query }, MessagePage, call, threadId);
    },
  };
}

/** Method and path with query, for logs. The key is in a header, so it never appears here. */
function describeRequest(request: Request): string {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search}`;
}
