// The one ky instance: the key and the headers every request carries, no redirects, ky's retry rules
// for this API, a retry the call's attempt budget cannot pay for not made, and each retry logged.
import ky, { HTTPError, type KyInstance } from "ky";
import type { Logger } from "../log/log.js";
import { VERSION } from "../version.js";
import { budgetIn } from "./attempt-budget.js";
import { describeRequest } from "./failures.js";
import { retryUnlessLongWait } from "./retry.js";
import { ACCEPT_ENCODING, attemptFetch, type TransportOptions } from "./transport.js";

export interface HttpSettings {
  apiUrl: string;
  apiKey: string;
  /** Retries after the first attempt, for 429, 5xx and network errors. */
  retryLimit?: number | undefined;
  maxRetryAfterMs: number;
  logger: Logger;
  transport: TransportOptions;
}

export function createHttp(settings: HttpSettings): KyInstance {
  const { logger, maxRetryAfterMs } = settings;
  return ky.create({
    prefix: settings.apiUrl,
    // Each attempt's timeout is kept by attemptFetch, from the moment it is sent: ky's would also
    // count the wait for a turn under the rate limit.
    timeout: false,
    // fetch keeps custom headers such as X-API-Key across a redirect, even to another host or from
    // https to http; the API has no reason to redirect, so a redirect is treated as a failure.
    redirect: "error",
    headers: {
      "X-API-Key": settings.apiKey,
      Accept: "application/json",
      "Accept-Encoding": ACCEPT_ENCODING,
      "User-Agent": `hostelmate-mcp/${VERSION}`,
    },
    retry: {
      limit: settings.retryLimit ?? 2,
      methods: ["get"],
      statusCodes: [429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      jitter: true,
      retryOnTimeout: true,
      shouldRetry: (state) => retryUnlessLongWait(state, maxRetryAfterMs),
    },
    fetch: attemptFetch(settings.transport, undefined),
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
}
