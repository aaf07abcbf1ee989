// The shared body of list_conversations: one page from the list endpoint — or, with filters the
// API lacks or the waiting order, the matches over the whole mirror once its first sync is done,
// else those of a scan over several pages — read here and written by format/list-pages.ts.
import type { ListConversationsQuery } from "../api/client.js";
import { pageInfo, readListPage } from "../api/pages.js";
import type { Conversation } from "../api/schemas.js";
import type { CallContext } from "../call/context.js";
import { describeFreshness } from "../format/freshness.js";
import {
  filteredListPage,
  type ListView,
  mirrorListPage,
  plainListPage,
  waitingListPage,
} from "../format/list-pages.js";
import { STATE } from "../mirror/store.js";
import { listFromMirror, liveRowSignals } from "../search/mirror-list.js";
import { newestActivityNote, newestActivityText } from "../search/newest-activity.js";
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
  // A plain page stays live: it costs one request either way (the mirror's freshness check is one),
  // and the API's own list is up to the second, where the mirror may lag by the sync interval; only
  // its markers come from the mirror's histories, where they are up to date. A search goes to
  // Hostel Mate's own search.
  const overInbox = order === "waiting" || hasFilters(filters);
  const fromMirror = overInbox && !query.search ? mirrorPage(query, filters, view, context, order) : null;
  const answer =
    fromMirror ??
    (order === "waiting"
      ? await waitingPage(query, filters, view, context)
      : hasFilters(filters)
        ? await filteredPage(query, filters, view, context)
        : await plainPage(query, view, context));
  return { text: answer.text, structured: answer.structured };
}

/**
 * Why a filtered or sorted page was read live although there is a mirror: its first sync has not
 * reached every thread yet, and a partial mirror would miss threads silently.
 */
function liveNote({ mirror, timeZone, clock }: CallContext): string | undefined {
  if (!mirror) return undefined;
  try {
    const stats = mirror.store.stats();
    if (stats.firstSyncDone) return undefined;
    return `Read live, within the scan limit: the inbox mirror is not complete yet (${describeFreshness(stats, timeZone, clock())}).`;
  } catch {
    return undefined;
  }
}

/**
 * The filtered or sorted page over the whole mirror, once its first sync is done (the server
 * brought it up to date before this call); null when there is none yet, or it cannot be read, and
 * the page is read live.
 */
function mirrorPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ListView,
  context: CallContext,
  order: ThreadOrder,
) {
  const { mirror, clock, timeZone, logger } = context;
  if (!mirror) return null;
  try {
    if (mirror.store.state(STATE.firstSyncDone) !== true) return null;
    const list = listFromMirror(mirror.store, { query, filters, order });
    const now = clock();
    const dataEnds =
      list.total === 0 && hasFilters(filters) && !Number.isNaN(list.newest)
        ? newestActivityText(list.newest, now, timeZone)
        : undefined;
    const { offset, limit } = query;
    const freshness = describeFreshness(list.stats, timeZone, now);
    return mirrorListPage({ view, list, filters, order, freshness, dataEnds, offset, limit, now, timeZone });
  } catch (error) {
    // A busy or broken file must not fail the answer: the live list still can.
    logger.warn(`mirror: could not read it (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
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
  const signals = mirrorSignals(threads, context);
  return plainListPage({ view, threads, info, offset, limit, now: clock(), timeZone, signals });
}

/** The page's markers from the mirror's whole histories, where it holds them up to date. */
function mirrorSignals(threads: readonly Conversation[], { mirror, logger }: CallContext) {
  if (!mirror) return undefined;
  try {
    return liveRowSignals(mirror.store, threads);
  } catch (error) {
    logger.warn(`mirror: could not read it (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
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
  const live = liveNote(context);
  return filteredListPage({
    view,
    scan,
    filters,
    dataEnds,
    offset,
    limit,
    now: clock(),
    timeZone,
    liveNote: live,
  });
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
  const live = liveNote(context);
  return waitingListPage({
    view,
    scan,
    filters,
    sorted,
    dataEnds,
    offset,
    limit,
    now: clock(),
    timeZone,
    liveNote: live,
  });
}
