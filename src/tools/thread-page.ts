// The shared body of list_conversations: one page from the list endpoint — or, with filters the
// API lacks, the matches of a scan over several pages — as thread lines and structured summaries.
import type { ListConversationsQuery } from "../api/client.js";
import { pageInfo } from "../api/paging.js";
import { toThreadSummary } from "../format/structured.js";
import { formatThreadList } from "../format/threads.js";
import { describeFilters, hasFilters, type ThreadFilters } from "../search/filters.js";
import { SCAN_BUDGET, scanThreads } from "../search/scan.js";
import type { ToolContext } from "./tool.js";

export interface ThreadPageView {
  label: string;
  emptyHint?: string | undefined;
  /** The exact call for the page at an offset of the API's list. */
  more: (nextOffset: number) => string;
}

export async function threadPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ThreadPageView,
  context: ToolContext,
) {
  return hasFilters(filters) ? filteredPage(query, filters, view, context) : plainPage(query, view, context);
}

async function plainPage(
  query: ListConversationsQuery,
  view: ThreadPageView,
  { client, signal, clock }: ToolContext,
) {
  const answer = await client.listConversations(query, { signal });
  // The API may send more than the page asked for: the rest is the next page's.
  const page = { ...answer, results: answer.results.slice(0, query.limit) };
  const cut = answer.results.length > page.results.length;
  const pagination = cut && page.pagination ? { ...page.pagination, has_more: true } : page.pagination;
  const info = pageInfo(pagination, page.results.length, query.offset, query.limit);
  const of = info.total === null ? "" : ` of ${info.total}`;
  const where = query.offset > 0 ? ` at offset ${query.offset}` : "";
  const summaries = page.results.map(toThreadSummary);
  const structuredOf = (shown: number) => ({
    ...info,
    ...(shown < page.results.length ? { has_more: true, next_offset: query.offset + shown } : {}),
    threads: summaries.slice(0, shown),
  });
  const list = formatThreadList({
    threads: page.results,
    now: clock(),
    heading: (shown) => `${view.label} ${query.offset + 1}-${query.offset + shown}${of}`,
    empty: [`${view.label}: none${where}.`, view.emptyHint].filter(Boolean).join("\n"),
    more: (shown) =>
      info.has_more || shown < page.results.length ? view.more(query.offset + shown) : undefined,
    structuredChars: (shown) => JSON.stringify(structuredOf(shown)).length,
  });
  return { text: list.text, structured: structuredOf(list.shown) };
}

async function filteredPage(
  query: ListConversationsQuery,
  filters: ThreadFilters,
  view: ThreadPageView,
  { client, signal, clock, progress }: ToolContext,
) {
  const { limit, offset, ...apiFilters } = query;
  const scan = await scanThreads(
    client,
    apiFilters,
    filters,
    {
      startOffset: offset,
      want: limit,
      onPage: (read, budget) => progress(read, budget, `read ${read} threads`),
    },
    { signal },
  );
  const what = `${view.label} ${describeFilters(filters).join(", ")}`;
  const of = scan.total === null ? "" : ` of ${scan.total}`;
  const read = `threads ${scan.startOffset + 1}-${scan.nextOffset}${of}`;
  const notes = [...(filters.range?.notes ?? [])];
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
    heading: (shown) =>
      `${what}: ${shown}${shown < scan.matches.length ? ` of ${scan.matches.length}` : ""} found in ${read}`,
    empty: [
      `${what}: none in ${scan.nextOffset > scan.startOffset ? read : "the list"}.`,
      ...notes,
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
