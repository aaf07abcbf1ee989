// Whether a failed attempt is tried again. ky's own rules (http.ts: which statuses, how many times,
// backoff) decide first; these add what ky cannot know: a Retry-After too long to sit out, the call's
// attempt budget and the call's deadline.
import { HTTPError, type ShouldRetryState } from "ky";
import type { AttemptBudget } from "./attempt-budget.js";
import { parseRetryAfter } from "./retry-after.js";

/** False for a Retry-After over `maxRetryAfterMs`; undefined leaves the decision to ky's rules. */
export function retryUnlessLongWait(
  { error }: ShouldRetryState,
  maxRetryAfterMs: number,
): boolean | undefined {
  if (error instanceof HTTPError) {
    const wait = parseRetryAfter(error.response.headers.get("retry-after"));
    // Waiting longer than the cap would freeze the assistant; better to say when to come back.
    if (wait !== undefined && wait * 1000 > maxRetryAfterMs) return false;
  }
  return undefined;
}

export interface RetryLimits {
  maxRetryAfterMs: number;
  /** One attempt's timeout: a retry needs that much time before the deadline. */
  timeoutMs: number;
  budget: AttemptBudget | undefined;
  deadline: number | undefined;
}

/** The retry decision for one call's request, within its attempt budget and before its deadline. */
export function retryWithin(limits: RetryLimits): (state: ShouldRetryState) => boolean | undefined {
  const { budget, deadline } = limits;
  return (state) => {
    // With an attempt budget, no retry is even waited for once it is spent; the beforeRetry hook
    // claims each one.
    if (budget && budget.remaining <= 0) return false;
    // A retry that cannot finish before the call's deadline would only trade this failure's own
    // sentence (a timeout names the host) for the vaguer one of the exhausted call budget.
    if (deadline !== undefined && deadline - Date.now() < limits.timeoutMs) return false;
    return retryUnlessLongWait(state, limits.maxRetryAfterMs);
  };
}
