// Every way a request can fail (an HTTP status, a timeout, the network, the rate limit's queue, an
// answer refused for its form) as the one ApiError callers see. Cancellation passes through as it is.
import { HTTPError, NetworkError, TimeoutError } from "ky";
import { ApiError, type ApiErrorKind } from "./errors.js";
import type { Endpoint } from "./paths.js";
import { RateLimitQueueFullError } from "./rate-limit.js";
import { parseRetryAfter } from "./retry-after.js";
import { ErrorBody } from "./schemas.js";
import { ResponseRefusedError } from "./transport.js";

/** Where a failure happened, for its ApiError. */
export interface FailureSite {
  host: string;
  endpoint: Endpoint;
  threadId?: string | undefined;
  /** One attempt's timeout, named in a timeout's detail. */
  timeoutMs: number;
}

function statusKind(status: number, endpoint: Endpoint): ApiErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return endpoint === "conversations" ? "feature_disabled" : "not_found";
  if (status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "unavailable";
  return "rejected";
}

export function toApiError(error: unknown, { host, endpoint, threadId, timeoutMs }: FailureSite): unknown {
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
    return new ApiError({ kind: "timeout", host, detail: `timed out after ${timeoutMs} ms` });
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

/** Method and path with query, for logs. The key is in a header, so it never appears here. */
export function describeRequest(request: Request): string {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search}`;
}
