// One request of a call, from its first attempt to its parsed answer: an attempt claimed from the
// call's budget, ky's attempts and retries within the call's deadline, any failure as an ApiError,
// the body read by the endpoint's schema.
import type { KyInstance } from "ky";
import type { z } from "zod";
import { type AttemptBudget, AttemptBudgetSpentError } from "./attempt-budget.js";
import { toApiError } from "./failures.js";
import { type Parsed, parseAnswer } from "./parse-answer.js";
import type { Endpoint } from "./paths.js";
import type { Lane } from "./rate-limit.js";
import { retryWithin } from "./retry.js";
import { attemptFetch, type TransportOptions } from "./transport.js";

/** What the client lends each request. */
export interface RequestContext {
  http: KyInstance;
  transport: TransportOptions;
  host: string;
  maxRetryAfterMs: number;
}

export interface RequestSpec<T extends z.ZodType> {
  endpoint: Endpoint;
  path: string;
  searchParams: Record<string, string | number | undefined>;
  schema: T;
  threadId?: string | undefined;
}

/** The call's limits that each request honours. */
export interface RequestLimits {
  budget: AttemptBudget | undefined;
  deadline: number | undefined;
  lane: Lane;
}

export async function fetchAndParse<T extends z.ZodType>(
  { http, transport, host, maxRetryAfterMs }: RequestContext,
  { endpoint, schema, threadId }: RequestSpec<T>,
  pathWithQuery: string,
  signal: AbortSignal,
  { budget, deadline, lane }: RequestLimits,
): Promise<Parsed<z.output<T>>> {
  if (budget && !budget.take()) throw new AttemptBudgetSpentError(budget.max);
  let body: string;
  try {
    const response = await http.get(pathWithQuery, {
      signal,
      fetch: attemptFetch(transport, deadline, lane),
      retry: {
        shouldRetry: retryWithin({ maxRetryAfterMs, timeoutMs: transport.timeoutMs, budget, deadline }),
      },
      ...(budget ? { context: { attemptBudget: budget } } : {}),
    });
    body = await response.text();
  } catch (error) {
    throw toApiError(error, { host, endpoint, threadId, timeoutMs: transport.timeoutMs });
  }
  return parseAnswer(body, schema, endpoint, host);
}
