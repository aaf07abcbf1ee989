// Every failure the model can see is turned into text here and nowhere else, so that no upstream
// body, stack trace or API key can slip into a tool result.
import { DEFAULT_API_URL } from "../api/base-url.js";
import { ApiError } from "../api/errors.js";
import { DEFAULT_CALL_BUDGET_MS } from "../limits.js";
import { plural } from "../text/text.js";
import { UserInputError } from "./input.js";

const DEFAULT_API_HOST = new URL(DEFAULT_API_URL).host;

function retryHint(seconds: number | undefined, fallback: string): string {
  if (seconds === undefined) return fallback;
  if (seconds < 90) return `try again in about ${plural(Math.max(1, Math.ceil(seconds)), "second")}`;
  return `try again in about ${plural(Math.ceil(seconds / 60), "minute")}`;
}

export function describeApiError(error: ApiError): string {
  const status = error.status ? ` (HTTP ${error.status})` : "";
  switch (error.kind) {
    case "auth":
      return `Hostel Mate rejected the API key${status}. Check HOSTELMATE_API_KEY in the server's configuration: generating a new key in Hostel Mate invalidates the old one, so copy the newest key.`;
    case "feature_disabled":
      return `The Conversations/Messaging feature is not enabled for this property${status}. Ask Hostel Mate support to enable it, then try again.${error.host === DEFAULT_API_HOST ? "" : ` The API address is set to ${error.host}: if that is not Hostel Mate's own address, check HOSTELMATE_API_URL first, since another address answers 404 here too.`}`;
    case "not_found":
      return `There is no conversation with id ${error.threadId ?? "(unknown)"} for this property${status}. Find the right thread id with list_conversations or search_conversations.`;
    case "rate_limited":
      return `Hostel Mate is rate limiting requests (at most 120 a minute)${status}; ${retryHint(error.retryAfterSeconds, "wait a minute and try again")}.`;
    case "queue_full":
      return `Too many requests to Hostel Mate right now (its rate limit is ${error.limit ?? 120} a minute); ${retryHint(error.retryAfterSeconds, "wait a minute and try again")}.`;
    case "unavailable":
      return error.code === "messaging_unavailable"
        ? `The Hostel Mate messaging service is temporarily unavailable${status}; ${retryHint(error.retryAfterSeconds, "try again in a minute")}.`
        : `Hostel Mate is temporarily unavailable${status}; ${retryHint(error.retryAfterSeconds, "try again in a few minutes")}. If it keeps happening, check status with Hostel Mate support.`;
    case "timeout":
      return `Hostel Mate at ${error.host} did not answer in time. Try again in a minute; if it keeps happening, raise HOSTELMATE_TIMEOUT_MS or check the connection.`;
    case "network":
      return `Could not reach Hostel Mate at ${error.host}. Check the internet connection and HOSTELMATE_API_URL, then try again.`;
    case "bad_response":
      return `Hostel Mate at ${error.host} sent an answer this server could not read${status}. Try again later; if it persists, report it to the hostelmate-mcp maintainers.`;
    case "call_budget":
      return `Hostel Mate did not finish answering within ${plural(Math.round((error.budgetMs ?? DEFAULT_CALL_BUDGET_MS) / 1000), "second")}, retries and waits included. Try again in a minute, or ask for less (a smaller limit or fewer words); HOSTELMATE_CALL_BUDGET_MS sets this limit.`;
    case "rejected":
      return `Hostel Mate refused the request${status}. This is likely a bug in hostelmate-mcp; report it to the maintainers with the tool call you made.`;
  }
}

/** The one sentence the model sees for any failure. Unknown errors get a generic line: their message may hold anything. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return describeApiError(error);
  if (error instanceof UserInputError) return error.message;
  return "hostelmate-mcp hit an internal error while handling this request. Try again; if it happens again, report it to the maintainers (details are in the server log).";
}
