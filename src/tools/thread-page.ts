// The shared body of list_conversations: one page from the list endpoint — or, with filters the
// API lacks, the matches of a scan over several pages — read here and written by format/list-pages.ts.
import type { ListConversationsQuery } from "../api/client.js";
import { pageInfo, readListPage } from "../api/pages.js";
import type { CallContext } from "../call/context.js";
import { filteredListPage, type ListView, plainListPage, waitingListPage } from "../format/list-pages.js";
import { newestActivityNote } from "../search/newest-activity.js";
import { type ScanResult, scanThreads } from "../search/scan.js";
import { hasFilters, type ThreadFilters, waitingOrder } from "../triage/filters.js";

/** "newest": the API's order, newest activity first; "waiting": the guests who have waited longest first. */
export type ThreadOrder = "newest" | "waiting";

export async function threadPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ListView,
  context: CallContext,
  order: ThreadOrder = "newest",
) {
  const answer =
    order === "waiting"
      ? await waitingPage(query, filters, view, context)
      : hasFilters(filters)
        ? await filteredPage(query, filters, view, context)
        : await plainPage(query, view, context);
  return { text: answer.text, structured: answer.structured };
}

/**
 * For a filtered page with nothing in it: where the inbox's data ends. A scan that read the top of
 * the whole inbox already knows; otherwise one request asks.
 */
function whereDataEnds(
  query: ListConversationsQuery,
  scan: ScanResult,
  { client, call, clock, timeZone }: CallContext,
): Promise<string | undefined> {
  const wholeInbox = !query.channel && !query.booking_id && !query.search;
  const readTop = wholeInbox && scan.startOffset === 0 && scan.nextOffset > 0;
  return newestActivityNote(client, readTop ? scan.newest : undefined, clock(), timeZone, call);
}

async function plainPage(query: ListConversationsQuery, view: ListView, context: CallContext) {
  const { client, call, clock, timeZone } = context;
  const page = await readListPage(client, query, call);
  const threads = page.items;
  const info = pageInfo(page);
  const { offset, limit } = query;
  return plainListPage({ view, threads, info, offset, limit, now: clock(), timeZone });
}

/** Scans the API's list for threads passing `filters`, reporting each page read as progress. */
function scanWithProgress(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  startOffset: number,
  want: number,
  { client, call, progress }: CallContext,
) {
  const { limit: _limit, offset: _offset, ...apiFilters } = query;
  return scanThreads(
    client,
    apiFilters,
    filters,
    { startOffset, want, onPage: (read, budget) => progress(read, budget, `read ${read} threads`) },
    call,
  );
}

async function filteredPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ListView,
  context: CallContext,
) {
  const { limit, offset } = query;
  const scan = await scanWithProgress(query, filters, offset, limit, context);
  // A scan cut by its budget did not reach the end: its next call says more than where data ends.
  const dataEnds =
    scan.matches.length === 0 && !scan.budgetCut ? await whereDataEnds(query, scan, context) : undefined;
  const { clock, timeZone } = context;
  return filteredListPage({ view, scan, filters, dataEnds, offset, limit, now: clock(), timeZone });
}

/**
 * The threads ordered by how long their guest has waited, oldest wait first; threads nobody waits on
 * follow, newest first. Sorting needs every thread, so this reads the list from its start, up to
 * the scan budget, and pages through the sorted matches: `offset` counts in the sorted list.
 */
async function waitingPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ListView,
  context: CallContext,
) {
  const { limit, offset } = query;
  // Sorting needs every thread the budget allows, from the top of the list.
  const scan = await scanWithProgress(query, filters, 0, Number.POSITIVE_INFINITY, context);
  const sorted = [...scan.matches].sort(waitingOrder(filters.status === "ARCHIVED"));
  const dataEnds =
    sorted.length === 0 && hasFilters(filters) ? await whereDataEnds(query, scan, context) : undefined;
  const { clock, timeZone } = context;
  return waitingListPage({ view, scan, filters, sorted, dataEnds, offset, limit, now: clock(), timeZone });
}
