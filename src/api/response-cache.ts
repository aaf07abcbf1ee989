// Identical GETs answered from memory for a short while, bounded by the number of answers and by the
// bytes of the bodies they came from.
import { LRUCache } from "lru-cache";
import type { Parsed } from "./parse-answer.js";

export interface CacheSettings {
  /** How long identical GETs are answered from memory; 0 turns the cache off. */
  cacheTtlMs?: number | undefined;
  cacheMaxEntries?: number | undefined;
  /** Bound on the cache's memory, counted in UTF-8 bytes of the response bodies it holds. */
  cacheMaxBytes?: number | undefined;
}

export type ResponseCache = LRUCache<string, Parsed<unknown>>;

/** The cache these settings ask for, or undefined when they turn it off. */
export function responseCache(settings: CacheSettings): ResponseCache | undefined {
  const ttl = settings.cacheTtlMs ?? 0;
  return ttl > 0
    ? new LRUCache<string, Parsed<unknown>>({
        max: settings.cacheMaxEntries ?? 500,
        // The body's size stands in for the parsed value's, which JavaScript cannot measure.
        maxSize: settings.cacheMaxBytes ?? 20_000_000,
        sizeCalculation: (entry) => Math.max(1, entry.bytes),
        ttl,
      })
    : undefined;
}
