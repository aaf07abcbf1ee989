// Reading Hostel Mate's thread list page by page and keeping what passes the filters, within a
// budget of threads read. It stops as soon as it has enough.
import type { CallOptions, HostelMateClient, ListConversationsQuery } from "../api/client.js";
import { listPages, readPages } from "../api/pages.js";
import type { Conversation } from "../api/schemas.js";
import { SCAN_BUDGET } from "../limits.js";
import { filterThread, type LeftOut, lastActivityAt, type ThreadFilters } from "../triage/filters.js";

export interface ScanResult {
  matches: Conversation[];
  /** Each match's position in the API's list. */
  positions: number[];
  /** Where in the API's list the scan began and where a further scan would resume. */
  startOffset: number;
  nextOffset: number;
  /** Threads in the API's list, when it says. */
  total: number | null;
  /** True when the API's list was read to its end. */
  exhausted: boolean;
  /** True when the scan budget ran out before enough matches were found. */
  budgetCut: boolean;
  /** Threads read that needs_reply=true left out although every other filter let them through, by why. */
  leftOut: Record<LeftOut, number>;
  /** The newest last activity among the threads read, in ms since the epoch; NaN when none is readable. */
  newest: number;
}

export async function scanThreads(
  client: HostelMateClient,
  query: Omit<ListConversationsQuery, "limit" | "offset">,
  filters: ThreadFilters,
  options: {
    startOffset: number;
    want: number;
    budget?: number;
    onPage?: (read: number, budget: number) => void;
  },
  call: CallOptions = {},
): Promise<ScanResult> {
  const budget = options.budget ?? SCAN_BUDGET;
  const matches: Conversation[] = [];
  const positions: number[] = [];
  const leftOut: Record<LeftOut, number> = { closing: 0, archived: 0 };
  let newest = Number.NaN;
  const reading = await readPages(listPages(client, query), {
    start: options.startOffset,
    maxItems: budget,
    call,
    onPage: (read) => options.onPage?.(read, budget),
    each(thread, position) {
      const at = lastActivityAt(thread);
      if (at > newest || (Number.isNaN(newest) && !Number.isNaN(at))) newest = at;
      const verdict = filterThread(thread, filters);
      if (verdict === true) {
        matches.push(thread);
        positions.push(position);
      } else if (verdict) leftOut[verdict] += 1;
      return matches.length < options.want;
    },
  });
  const exhausted = reading.stop === "end";
  return {
    matches,
    positions,
    startOffset: options.startOffset,
    nextOffset: reading.next,
    total: reading.total,
    exhausted,
    budgetCut: !exhausted && matches.length < options.want,
    leftOut,
    newest,
  };
}
