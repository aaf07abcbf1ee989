// Reading Hostel Mate's thread list page by page and keeping what passes the filters, within a
// budget of threads read. It stops as soon as it has enough.
import type { CallOptions, HostelMateClient, ListConversationsQuery } from "../api/client.js";
import type { Conversation } from "../api/schemas.js";
import { SCAN_BUDGET } from "../limits.js";
import { filterThread, type LeftOut, lastActivityAt, type ThreadFilters } from "../triage/filters.js";

const PAGE_SIZE = 100;

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
  let offset = options.startOffset;
  let total: number | null = null;
  let exhausted = false;
  const leftOut: Record<LeftOut, number> = { closing: 0, archived: 0 };
  let newest = Number.NaN;
  while (matches.length < options.want && offset - options.startOffset < budget) {
    const limit = Math.min(PAGE_SIZE, budget - (offset - options.startOffset));
    const page = await client.listConversations({ ...query, limit, offset }, call);
    total = page.pagination?.total ?? total;
    let used = 0;
    for (const thread of page.results) {
      used += 1;
      const at = lastActivityAt(thread);
      if (at > newest || (Number.isNaN(newest) && !Number.isNaN(at))) newest = at;
      const verdict = filterThread(thread, filters);
      if (verdict === true) {
        matches.push(thread);
        positions.push(offset + used - 1);
      } else if (verdict) leftOut[verdict] += 1;
      if (matches.length === options.want) break;
    }
    offset += used;
    options.onPage?.(offset - options.startOffset, budget);
    const more = page.pagination?.has_more ?? page.results.length === limit;
    if (page.results.length === 0 || (used === page.results.length && !more)) {
      exhausted = true;
      break;
    }
  }
  return {
    matches,
    positions,
    startOffset: options.startOffset,
    nextOffset: offset,
    total,
    exhausted,
    budgetCut: !exhausted && matches.length < options.want,
    leftOut,
    newest,
  };
}
