// The client's rate limiter from its settings: none unless a limit is set, and each wait for a turn
// said in the log.
import type { Logger } from "../log/log.js";
import { RateLimiter } from "./rate-limit.js";

export interface RateLimitSettings {
  /** Requests per minute across all calls; undefined: no client-side limit. */
  rateLimitPerMinute?: number | undefined;
  /** The rate limit's window; a minute unless a test needs a shorter one. */
  rateLimitIntervalMs?: number | undefined;
}

export function rateLimiterFor(settings: RateLimitSettings, logger: Logger): RateLimiter | undefined {
  const requests = settings.rateLimitPerMinute;
  if (requests === undefined) return undefined;
  return new RateLimiter({
    requests,
    ...(settings.rateLimitIntervalMs ? { intervalMs: settings.rateLimitIntervalMs } : {}),
    onWait: (waitMs) =>
      logger.info(`rate limit: more than ${requests} requests this minute, the next one waits ${waitMs} ms`),
  });
}
