// Where the data ends, for an empty filtered result: "none since yesterday" alone reads as a quiet
// inbox today, when the newest thread may be a week old.
import type { CallOptions, HostelMateClient } from "../api/client.js";
import type { Conversation } from "../api/schemas.js";
import { relativeTime } from "../time/time.js";
import { formatWallTime } from "../time/zoned-time.js";
import { lastActivityAt } from "../triage/filters.js";

/** The newest last activity among these threads, in ms since the epoch; NaN when none is readable. */
export function newestOf(threads: readonly Conversation[]): number {
  let newest = Number.NaN;
  for (const thread of threads) {
    const at = lastActivityAt(thread);
    if (at > newest || (Number.isNaN(newest) && !Number.isNaN(at))) newest = at;
  }
  return newest;
}

/**
 * "The newest activity in the inbox is 2026-11-24 17:54 UTC (3h ago)." `known` is the newest
 * activity among threads already read from the top of the whole inbox, when they were; otherwise
 * one request reads the inbox's first thread. A failed request says nothing rather than spend more.
 */
export async function newestActivityNote(
  client: HostelMateClient,
  known: number | undefined,
  now: Date,
  timeZone: string,
  call: CallOptions = {},
): Promise<string | undefined> {
  let newest = known ?? Number.NaN;
  if (known === undefined) {
    try {
      // The API lists newest first; whatever it sends, the newest of it is taken.
      newest = newestOf((await client.listConversations({ limit: 1, offset: 0 }, call)).results);
    } catch {
      return undefined;
    }
  }
  if (Number.isNaN(newest)) return undefined;
  return newestActivityText(newest, now, timeZone);
}

/** The note for a known newest activity (ms since the epoch). */
export function newestActivityText(newest: number, now: Date, timeZone: string): string {
  const iso = new Date(newest).toISOString();
  const age = relativeTime(iso, now);
  return `The newest activity in the inbox is ${formatWallTime(new Date(newest), timeZone)} ${timeZone}${age ? ` (${age})` : ""}.`;
}
