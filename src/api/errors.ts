// What went wrong talking to Hostel Mate, as data: the client maps every failure to one of these
// kinds, and src/errors/describe.ts turns it into the sentence the model sees.
export type ApiErrorKind =
  | "auth"
  | "feature_disabled"
  | "not_found"
  | "rate_limited"
  | "queue_full"
  | "unavailable"
  | "timeout"
  | "network"
  | "bad_response"
  | "rejected"
  | "call_budget";

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  /** The API host, never the full URL with its query. */
  host: string;
  status?: number;
  /** The snake_case code from the error body, when there was one. */
  code?: string;
  retryAfterSeconds?: number;
  /** For queue_full: the requests a minute this server allows itself. */
  limit?: number;
  threadId?: string;
  /** For call_budget: the budget that ran out. */
  budgetMs?: number;
  /** For stderr only: what went wrong underneath. Never shown to the model. */
  detail?: string;
}

export class ApiError extends Error {
  override name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly host: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly limit: number | undefined;
  readonly threadId: string | undefined;
  readonly budgetMs: number | undefined;
  readonly detail: string | undefined;

  constructor(details: ApiErrorDetails) {
    super(`Hostel Mate API error: ${details.kind}${details.status ? ` (HTTP ${details.status})` : ""}`);
    this.kind = details.kind;
    this.host = details.host;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.limit = details.limit;
    this.threadId = details.threadId;
    this.budgetMs = details.budgetMs;
    this.detail = details.detail;
  }
}
