// The three pages of list_conversations as the model reads them: one page of the API's list, the
// matches of a scan for filters the API lacks, and the threads sorted by how long their guest has
// waited. Headings, empty-page texts and the notes of what a filter left out are written here.
import type { PageInfo } from "../api/pages.js";
import type { Conversation } from "../api/schemas.js";
import { SCAN_BUDGET } from "../limits.js";
import type { MirrorList } from "../search/mirror-list.js";
import type { ScanResult } from "../search/scan.js";
import { plural } from "../text/text.js";
import { describeFilters, type ThreadFilters } from "../triage/filters.js";
import type { ReplySignals } from "../triage/signals.js";
import { type Call, callAt, renderCall, withArgs } from "./response.js";
import { toThreadSummary, toThreadSummaryWith } from "./structured.js";
import { formatThreadList } from "./thread-list.js";

export interface ListView {
  label: string;
  emptyHint?: string | undefined;
  /** The call for the next page; its offset is filled in (of the sorted list, when ordered). */
  more: Call;
  /** The call with this page's arguments, which a note changes to show what a filter left out. */
  same: Call;
}

interface PageOf {
  view: ListView;
  offset: number;
  limit: number;
  now: Date;
  timeZone: string;
  /** Why a filtered page was read live although the server has a mirror (its first sync is not done). */
  liveNote?: string | undefined;
}

/**
 * What needs_reply=true left out, and the calls that show it: the list never hides a thread silently.
 * `among` says where the threads left out were found: " of those read" in a scan, nothing in the mirror.
 */
function leftOutNotes(
  scan: Pick<ScanResult, "leftOut">,
  filters: ThreadFilters,
  view: ListView,
  among = " of those read",
): string[] {
  if (filters.needsReply !== true) return [];
  const notes: string[] = [];
  const { closing, archived } = scan.leftOut;
  const see = (changes: Call["args"]) => renderCall(withArgs({ ...view.same, label: "" }, changes)).slice(2);
  if (closing > 0) {
    notes.push(
      `Left out ${plural(closing, "thread")}${among} whose guest only closed the conversation (thanks, goodbye, ok; probably no reply needed). See ${closing === 1 ? "it" : "them"}, among the threads nobody is waiting on, with ${see({ needs_reply: false })}`,
    );
  }
  if (archived > 0) {
    notes.push(
      `Left out ${plural(archived, "archived thread")}${among} whose guest wrote last. See ${archived === 1 ? "it" : "them"} with ${see({ needs_reply: true, status: "ARCHIVED" })}`,
    );
  }
  return notes;
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

/**
 * One page of the API's list, as it came (cut to `limit`); `signals`, when given, say who is waiting
 * in each thread from its whole history.
 */
export function plainListPage(
  page: PageOf & {
    threads: readonly Conversation[];
    info: PageInfo;
    signals?: readonly ReplySignals[] | undefined;
  },
) {
  const { view, info, offset, signals } = page;
  const of = info.total === null ? "" : ` of ${info.total}`;
  const where = offset > 0 ? ` at offset ${offset}` : "";
  return formatThreadList({
    threads: page.threads,
    records: signals
      ? page.threads.map((thread, index) => toThreadSummaryWith(thread, signals[index] as ReplySignals))
      : page.threads.map(toThreadSummary),
    ...(signals ? { signals } : {}),
    now: page.now,
    timeZone: page.timeZone,
    heading: (shown) => `${view.label} ${offset + 1}-${offset + shown}${of}`,
    empty: [`${view.label}: none${where}.`, view.emptyHint].filter(Boolean).join("\n"),
    more: view.more,
    after: info.has_more ? offset + page.threads.length : null,
    total: info.total,
    offset,
    limit: page.limit,
  });
}

/** The matches of a scan for filters the API lacks; `dataEnds` says where the inbox's data ends when none matched. */
export function filteredListPage(
  page: PageOf & { scan: ScanResult; filters: ThreadFilters; dataEnds?: string | undefined },
) {
  const { view, scan, filters } = page;
  const what = `${view.label} ${describeFilters(filters).join(", ")}`;
  const read = readRange(scan);
  const notes = [...(filters.range?.notes ?? []), ...leftOutNotes(scan, filters, view)];
  if (page.liveNote) notes.push(page.liveNote);
  if (scan.budgetCut) {
    notes.push(
      `Read ${SCAN_BUDGET} threads (${read}) without filling the page; older threads were not checked yet.`,
    );
  }
  return formatThreadList({
    threads: scan.matches,
    records: scan.matches.map(toThreadSummary),
    now: page.now,
    timeZone: page.timeZone,
    heading: (shown) =>
      `${what}: ${matchCount(scan)}${shown < scan.matches.length ? `; showing ${shown}` : ""}`,
    empty: [
      `${what}: none in ${scan.nextOffset > scan.startOffset ? read : "the list"}.`,
      ...notes,
      page.dataEnds,
      // A scan cut by its budget did not reach the end: the call that reads on says more.
      ...(scan.budgetCut ? [renderCall(callAt(view.more, scan.nextOffset))] : [view.emptyHint ?? ""]),
    ]
      .filter(Boolean)
      .join("\n"),
    notes,
    more: view.more,
    // A scan cut by size resumes after the last match shown; that position is only known for a full scan.
    resumeAt: scan.matches.map((_, index) => scan.positions[index] ?? scan.nextOffset),
    after: scan.exhausted ? null : scan.nextOffset,
    total: null,
    offset: page.offset,
    limit: page.limit,
  });
}

/**
 * The threads of a scan sorted by how long their guest has waited; `offset` counts in the sorted list.
 * `dataEnds`, given when nothing matched the filters, says where the inbox's data ends.
 */
export function waitingListPage(
  page: PageOf & {
    scan: ScanResult;
    filters: ThreadFilters;
    sorted: readonly Conversation[];
    dataEnds?: string | undefined;
  },
) {
  const { view, scan, filters, sorted, offset, limit } = page;
  const threads = sorted.slice(offset, offset + limit);
  const filtered = describeFilters(filters);
  const what = `${view.label}${filtered.length > 0 ? ` ${filtered.join(", ")}` : ""}, longest wait first`;
  const notes = [...(filters.range?.notes ?? []), ...leftOutNotes(scan, filters, view)];
  if (page.liveNote) notes.push(page.liveNote);
  if (!scan.exhausted) {
    notes.push(
      `Sorted the newest ${SCAN_BUDGET} threads (${readRange(scan)}); older threads were not read, so a guest waiting there is not in this list.`,
    );
  }
  return formatThreadList({
    threads,
    records: threads.map(toThreadSummary),
    now: page.now,
    timeZone: page.timeZone,
    heading: (shown) => `${what}: ${matchCount(scan)}; showing ${offset + 1}-${offset + shown}`,
    empty: [
      `${what}: ${sorted.length === 0 ? `none of the ${plural(scan.nextOffset, "thread")} read match` : `nothing at offset ${offset} of the ${sorted.length} that match`}.`,
      ...notes,
      page.dataEnds,
      sorted.length === 0 ? (view.emptyHint ?? "") : "",
    ]
      .filter(Boolean)
      .join("\n"),
    notes,
    more: view.more,
    after: offset + threads.length < sorted.length ? offset + threads.length : null,
    total: sorted.length,
    offset,
    limit,
  });
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * A page of the filtered or sorted list over the whole mirror, with its exact count; `offset`
 * counts in that list. `freshness` says how complete and fresh the mirror is (describeFreshness);
 * `dataEnds`, given when nothing matched the filters, where the inbox's data ends.
 */
export function mirrorListPage(
  page: PageOf & {
    list: MirrorList;
    filters: ThreadFilters;
    order: "newest" | "waiting";
    freshness: string;
    dataEnds?: string | undefined;
  },
) {
  const { view, list, filters, offset, limit } = page;
  const filtered = describeFilters(filters, true);
  const what = `${view.label}${filtered.length > 0 ? ` ${filtered.join(", ")}` : ""}${page.order === "waiting" ? ", longest wait first" : ""}`;
  const found = `${count(list.total)} thread${list.total === 1 ? "" : "s"}${filtered.length > 0 ? (list.total === 1 ? " matches" : " match") : ""}`;
  const notes = [
    `From the inbox mirror: ${page.freshness}.`,
    ...(filters.range?.notes ?? []),
    ...leftOutNotes(list, filters, view, ""),
  ];
  return formatThreadList({
    threads: list.threads,
    records: list.threads.map((thread, index) =>
      toThreadSummaryWith(thread, list.signals[index] as ReplySignals),
    ),
    signals: list.signals,
    now: page.now,
    timeZone: page.timeZone,
    heading: (shown) => `${what}: ${found}; showing ${offset + 1}-${offset + shown}`,
    empty: [
      `${what}: ${list.total === 0 ? `none of the ${count(list.stats.threads)} threads in the mirror` : `nothing at offset ${offset} of the ${found}`}.`,
      ...notes,
      page.dataEnds,
      list.total === 0 ? (view.emptyHint ?? "") : "",
    ]
      .filter(Boolean)
      .join("\n"),
    notes,
    more: view.more,
    after: offset + list.threads.length < list.total ? offset + list.threads.length : null,
    total: list.total,
    offset,
    limit,
  });
}
