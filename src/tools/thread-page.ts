// The shared body of list_conversations: one page from the list endpoint — or, with filters the
// API lacks, the matches of a scan over several pages — as thread lines and structured summaries.
import type { ListConversationsQuery } from "../api/client.js";
import { pageInfo, readListPage } from "../api/pages.js";
import type { CallContext } from "../call/context.js";
import { toThreadSummary } from "../format/structured.js";
import { formatThreadList } from "../format/threads.js";
import { SCAN_BUDGET } from "../limits.js";
import { newestActivityNote } from "../search/newest-activity.js";
import { type ScanResult, scanThreads } from "../search/scan.js";
import { plural } from "../text/text.js";
import { describeFilters, hasFilters, type ThreadFilters, waitingOrder } from "../triage/filters.js";

export interface ThreadPageView {
  label: string;
  emptyHint?: string | undefined;
  /** The exact call for the page at an offset of the API's list (of the sorted list, when ordered). */
  more: (nextOffset: number) => string;
  /** The exact call with these arguments changed, e.g. to show what a filter left out. */
  call: (label: string, changes: Record<string, string | boolean | undefined>) => string;
}

/** "newest": the API's order, newest activity first; "waiting": the guests who have waited longest first. */
export type ThreadOrder = "newest" | "waiting";

export async function threadPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ThreadPageView,
  context: CallContext,
  order: ThreadOrder = "newest",
) {
  if (order === "waiting") return waitingPage(query, filters, view, context);
  return hasFilters(filters) ? filteredPage(query, filters, view, context) : plainPage(query, view, context);
}

/** What needs_reply=true left out, and the calls that show it: the list never hides a thread silently. */
function leftOutNotes(scan: ScanResult, filters: ThreadFilters, view: ThreadPageView): string[] {
  if (filters.needsReply !== true) return [];
  const notes: string[] = [];
  const { closing, archived } = scan.leftOut;
  if (closing > 0) {
    notes.push(
      `Left out ${plural(closing, "thread")} of those read whose guest only closed the conversation (thanks, goodbye, ok; probably no reply needed). See ${closing === 1 ? "it" : "them"}, among the threads nobody is waiting on, with ${view.call("", { needs_reply: false }).slice(2)}`,
    );
  }
  if (archived > 0) {
    notes.push(
      `Left out ${plural(archived, "archived thread")} of those read whose guest wrote last. See ${archived === 1 ? "it" : "them"} with ${view.call("", { needs_reply: true, status: "ARCHIVED" }).slice(2)}`,
    );
  }
  return notes;
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

/** Where in the API's list a scan read: "threads 1-240 of 300". */
function readRange(scan: ScanResult): string {
  const of = scan.total === null ? "" : ` of ${scan.total}`;
  return `threads ${scan.startOffset + 1}-${scan.nextOffset}${of}`;
}

/** "12 of the 240 threads read match (threads 1-240 of 300)". */
function matchCount(scan: ScanResult): string {
  const read = scan.nextOffset - scan.startOffset;
  if (scan.matches.length === read && read > 1) return `all ${read} threads read match (${readRange(scan)})`;
  return `${scan.matches.length} of the ${plural(read, "thread")} read match (${readRange(scan)})`;
}

async function plainPage(
  query: ListConversationsQuery,
  view: ThreadPageView,
  { client, call, clock, timeZone }: CallContext,
) {
  const page = await readListPage(client, query, call);
  const info = pageInfo(page);
  const of = info.total === null ? "" : ` of ${info.total}`;
  const where = query.offset > 0 ? ` at offset ${query.offset}` : "";
  const summaries = page.items.map(toThreadSummary);
  const structuredOf = (shown: number) => ({
    ...info,
    ...(shown < page.items.length ? { has_more: true, next_offset: query.offset + shown } : {}),
    threads: summaries.slice(0, shown),
  });
  const list = formatThreadList({
    threads: page.items,
    now: clock(),
    timeZone,
    heading: (shown) => `${view.label} ${query.offset + 1}-${query.offset + shown}${of}`,
    empty: [`${view.label}: none${where}.`, view.emptyHint].filter(Boolean).join("\n"),
    more: (shown) =>
      info.has_more || shown < page.items.length ? view.more(query.offset + shown) : undefined,
    structuredChars: (shown) => JSON.stringify(structuredOf(shown)).length,
  });
  return { text: list.text, structured: structuredOf(list.shown) };
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
  view: ThreadPageView,
  context: CallContext,
) {
  const { clock, timeZone } = context;
  const { limit, offset } = query;
  const scan = await scanWithProgress(query, filters, offset, limit, context);
  const what = `${view.label} ${describeFilters(filters).join(", ")}`;
  const read = readRange(scan);
  const notes = [...(filters.range?.notes ?? []), ...leftOutNotes(scan, filters, view)];
  if (scan.budgetCut) {
    notes.push(
      `Read ${SCAN_BUDGET} threads (${read}) without filling the page; older threads were not checked yet.`,
    );
  }
  const summaries = scan.matches.map(toThreadSummary);
  const structuredOf = (shown: number) => {
    const nextOffset = !scan.exhausted || shown < scan.matches.length ? resumeAt(shown) : null;
    return {
      total: null,
      offset,
      limit,
      has_more: nextOffset !== null,
      next_offset: nextOffset,
      threads: summaries.slice(0, shown),
    };
  };
  const list = formatThreadList({
    threads: scan.matches,
    now: clock(),
    timeZone,
    heading: (shown) =>
      `${what}: ${matchCount(scan)}${shown < scan.matches.length ? `; showing ${shown}` : ""}`,
    empty: [
      `${what}: none in ${scan.nextOffset > scan.startOffset ? read : "the list"}.`,
      ...notes,
      // A scan cut by its budget did not reach the end: the call that reads on says more.
      scan.matches.length === 0 && !scan.budgetCut ? await whereDataEnds(query, scan, context) : undefined,
      ...(scan.budgetCut ? [view.more(scan.nextOffset)] : [view.emptyHint ?? ""]),
    ]
      .filter(Boolean)
      .join("\n"),
    notes,
    // A scan cut by size resumes after the last match shown; that position is only known for a full scan.
    more: (shown) =>
      !scan.exhausted || shown < scan.matches.length ? view.more(resumeAt(shown)) : undefined,
    structuredChars: (shown) => JSON.stringify(structuredOf(shown)).length,
  });
  function resumeAt(shown: number): number {
    return shown < scan.matches.length ? (scan.positions[shown] ?? scan.nextOffset) : scan.nextOffset;
  }
  return { text: list.text, structured: structuredOf(list.shown) };
}

/**
 * The threads ordered by how long their guest has waited, oldest wait first; threads nobody waits on
 * follow, newest first. Sorting needs every thread, so this reads the list from its start, up to
 * the scan budget, and pages through the sorted matches: `offset` counts in the sorted list.
 */
async function waitingPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ThreadPageView,
  context: CallContext,
) {
  const { clock, timeZone } = context;
  const { limit, offset } = query;
  // Sorting needs every thread the budget allows, from the top of the list.
  const scan = await scanWithProgress(query, filters, 0, Number.POSITIVE_INFINITY, context);
  const sorted = [...scan.matches].sort(waitingOrder(filters.status === "ARCHIVED"));
  const page = sorted.slice(offset, offset + limit);
  const filtered = describeFilters(filters);
  const what = `${view.label}${filtered.length > 0 ? ` ${filtered.join(", ")}` : ""}, longest wait first`;
  const notes = [...(filters.range?.notes ?? []), ...leftOutNotes(scan, filters, view)];
  if (!scan.exhausted) {
    notes.push(
      `Sorted the newest ${SCAN_BUDGET} threads (${readRange(scan)}); older threads were not read, so a guest waiting there is not in this list.`,
    );
  }
  const summaries = page.map(toThreadSummary);
  const structuredOf = (shown: number) => {
    const next = offset + shown < sorted.length ? offset + shown : null;
    return {
      total: sorted.length,
      offset,
      limit,
      has_more: next !== null,
      next_offset: next,
      threads: summaries.slice(0, shown),
    };
  };
  const list = formatThreadList({
    threads: page,
    now: clock(),
    timeZone,
    heading: (shown) => `${what}: ${matchCount(scan)}; showing ${offset + 1}-${offset + shown}`,
    empty: [
      `${what}: ${sorted.length === 0 ? `none of the ${plural(scan.nextOffset, "thread")} read match` : `nothing at offset ${offset} of the ${sorted.length} that match`}.`,
      ...notes,
      sorted.length === 0 && hasFilters(filters) ? await whereDataEnds(query, scan, context) : undefined,
      sorted.length === 0 ? (view.emptyHint ?? "") : "",
    ]
      .filter(Boolean)
      .join("\n"),
    notes,
    more: (shown) => (offset + shown < sorted.length ? view.more(offset + shown) : undefined),
    structuredChars: (shown) => JSON.stringify(structuredOf(shown)).length,
  });
  return { text: list.text, structured: structuredOf(list.shown) };
}
