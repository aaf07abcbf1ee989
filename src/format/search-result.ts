// The answer of a search: how it searched, the ranked threads with the messages that matched, and
// how to continue or narrow it; the structured twin gives the same threads and quotes.
import { isUuid } from "../api/ids.js";
import { SCAN_BUDGET, SEARCH_REQUEST_BUDGET } from "../limits.js";
import type { SearchOutcome } from "../search/run-search.js";
import { type Call, renderCall } from "./response.js";
import { formatSnippetLine, snippetText } from "./snippets.js";
import { toMessageRecord, toThreadSummary, toThreadSummaryWith } from "./structured.js";
import { formatThreadList } from "./thread-list.js";

export interface SearchView {
  query: string;
  outcome: SearchOutcome;
  offset: number;
  limit: number;
  now: Date;
  /** The property's IANA time zone, in which times are printed (default UTC). */
  timeZone?: string;
  /** The filters in words, e.g. `needing a reply`. */
  filters: string[];
  notes: string[];
  /** The filters not given, that could narrow the search, e.g. `channel`. */
  narrowBy: string[];
  /** For a filtered search that found nothing: where the inbox's data ends. */
  dataEnds?: string | undefined;
  /** The call for the results from an offset on; its offset is filled in. */
  more: Call;
  /** The filters as arguments, which the list_conversations call that reads a word's threads on repeats. */
  filterArgs: Call["args"];
  /** Where the answer comes from when not live alone, e.g. `from the mirror (all 2,914 threads, as of 14:02)`. */
  source?: string | undefined;
}

/** "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? "");
}

function listOf(needles: readonly string[]): string {
  return needles.map((needle) => (needle.includes(" ") ? `"${needle}"` : needle)).join(", ");
}

/** Searches with more threads than were read, and the exact calls that read on. */
function overflowNotes(view: SearchView): string[] {
  const { outcome } = view;
  if (outcome.overflowing.length === 0) return [];
  const calls = outcome.overflowing.map(({ needle, read }) =>
    renderCall({
      label: "continue",
      tool: "list_conversations",
      args: { search: needle, offset: read, ...view.filterArgs },
    }),
  );
  const counts = outcome.overflowing.map(
    ({ needle, read, total }) => `${listOf([needle])} (${read} of ${total ?? "more"})`,
  );
  if (view.filters.length === 0) {
    return [
      `More threads than were read contain ${counts.join(", ")}: only those read were ranked. Hostel Mate's search narrows only by an exact phrase in "quotes", channel or booking_id. To list the rest:`,
      ...calls,
    ];
  }
  // The filters are applied here, to the threads read: they do not make Hostel Mate's search smaller.
  const why = outcome.budgetCut
    ? `the ${SEARCH_REQUEST_BUDGET}-request budget ran out`
    : "enough of them matched for this page";
  return [
    `Filters (${view.filters.join(", ")}) were checked only on the threads read: ${counts.join(", ")}; ${why}. To check the rest, up to ${SCAN_BUDGET} threads a call:`,
    ...calls,
  ];
}

function unquotedNotes({ unquoted }: SearchOutcome): string[] {
  const notes: string[] = [];
  if (unquoted.budget > 0) {
    notes.push(
      `${unquoted.budget} of the top threads ${unquoted.budget === 1 ? "is" : "are"} shown without quotes: the ${SEARCH_REQUEST_BUDGET} requests a search may make were spent, retries after Hostel Mate errors included. Read them with get_messages.`,
    );
  }
  if (unquoted.failed > 0) {
    notes.push(
      `${unquoted.failed} of the top threads ${unquoted.failed === 1 ? "is" : "are"} shown without quotes: Hostel Mate did not give their messages. Read them with get_messages.`,
    );
  }
  return notes;
}

/** A thread id, whole or as the lists print it (its first 8 or more characters). */
function looksLikeThreadId(text: string): boolean {
  return isUuid(text) || /^[0-9a-f]{8}(?:-?[0-9a-f]){0,27}$/i.test(text);
}

export function formatSearchResult(view: SearchView) {
  const { outcome } = view;
  const page = outcome.ranked.slice(view.offset, view.offset + view.limit);
  const how = [...(view.source ? [view.source] : []), `searched: ${listOf(outcome.searched)}`];
  if (outcome.widened?.length) how.push(`in six languages: ${outcome.widened.join(", ")}`);
  // Said, so that a word the model meant ("5" in "room 5") is not silently lost.
  if (outcome.parsed.dropped.length) how.push(`left out as too common: ${listOf(outcome.parsed.dropped)}`);
  if (view.filters.length) how.push(`filters: ${view.filters.join(", ")}`);
  const matched =
    outcome.found === outcome.ranked.length
      ? `${outcome.ranked.length} thread${outcome.ranked.length === 1 ? "" : "s"} matched`
      : `${outcome.found} threads matched, ${outcome.ranked.length} after filters`;

  const notes = [...view.notes];
  if (outcome.skipped.length) {
    notes.push(
      `Not searched, to stay within ${SEARCH_REQUEST_BUDGET} requests: ${listOf(outcome.skipped)}. Put the most important words first.`,
    );
  }
  if (outcome.unsearched.length) {
    notes.push(
      `Not searched: ${listOf(outcome.unsearched)}. Hostel Mate needed retries, and they used up the ${SEARCH_REQUEST_BUDGET} requests a search may make; ask again in a moment.`,
    );
  }
  notes.push(...overflowNotes(view), ...unquotedNotes(outcome));
  const end = Math.min(view.offset + view.limit, outcome.ranked.length);
  if (end < outcome.ranked.length) {
    const by = view.narrowBy.length ? `, or filter by ${orList(view.narrowBy)}` : "";
    notes.push(`narrow: add words${by.length ? ", " : " or "}put an exact phrase in "quotes"${by}.`);
  }
  // The last message quoted under its thread is not previewed again on the thread's line.
  const lastQuoted = page.map((entry) => {
    const last = entry.thread.last_message;
    return (
      last !== null &&
      entry.snippets.some(({ message }) =>
        last.id && message.id
          ? message.id === last.id
          : message.created_at === last.created_at && message.content === last.content,
      )
    );
  });
  // Each quote's text, cut and marked once for the line and the twin.
  const quotes = page.map((entry) => entry.snippets.map(snippetText));
  const records = page.map((entry, index) => ({
    ...(entry.signals ? toThreadSummaryWith(entry.thread, entry.signals) : toThreadSummary(entry.thread)),
    matched: entry.matched,
    snippets: entry.snippets.map((line, quote) => {
      const { content: _shownAsExcerpt, ...record } = toMessageRecord(line.message, null);
      return { ...record, role: line.role, excerpt: quotes[index]?.[quote] ?? "" };
    }),
  }));
  const legend = (shown: number) =>
    page.slice(0, shown).some((entry) => entry.snippets.length > 0)
      ? " · ▸ matching message, · the message before or after"
      : "";

  return formatThreadList({
    threads: page.map((entry) => entry.thread),
    records,
    now: view.now,
    timeZone: view.timeZone,
    heading: (shown) =>
      `Search ${JSON.stringify(view.query)} · ${how.join(" · ")} · ${matched} · showing ${view.offset + 1}-${view.offset + shown}${legend(shown)}`,
    empty: [
      `Search ${JSON.stringify(view.query)}: no threads matched${view.offset > 0 ? ` from offset ${view.offset}` : ""}. ${how.join(" · ")}${outcome.found > 0 ? ` (${outcome.found} matched before filters)` : ""}.`,
      ...notes,
      ...(view.dataEnds ? [view.dataEnds] : []),
      // A thread id, which list_conversations shows first, given here instead of to get_messages.
      looksLikeThreadId(view.query.trim())
        ? `That looks like a thread id: read the thread with get_messages thread_id="${view.query.trim()}".`
        : "Try another word or spelling, the guest's language (e.g. toalla, Handtuch, serviette), fewer filters, or list_conversations to browse.",
    ].join("\n"),
    // A quoted message can be from a year before its thread's last one: the heading's year covers both.
    lastQuotedBelow: lastQuoted,
    signals: page.map((entry) => entry.signals),
    detailTimes: page.flatMap((entry) => entry.snippets.map((line) => line.message.created_at)),
    details: (index, year) => {
      const entry = page[index];
      if (!entry) return [];
      const searchedMany = outcome.searched.length > 1;
      const matched = searchedMany
        ? [`  matched ${entry.matched.length}/${outcome.searched.length}: ${listOf(entry.matched)}`]
        : [];
      return [
        ...matched,
        ...entry.snippets.map((line, quote) =>
          formatSnippetLine(line, quotes[index]?.[quote] ?? "", view.timeZone ?? "UTC", year),
        ),
      ];
    },
    notes,
    more: view.more,
    after: end < outcome.ranked.length ? end : null,
    twinHead: { query: view.query, searched: outcome.searched },
    total: outcome.ranked.length,
    offset: view.offset,
    limit: view.limit,
  });
}
