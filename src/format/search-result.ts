// The text of a search: how it searched, the ranked threads with the messages that matched, and how
// to continue or narrow it.
import { MAX_UPSTREAM_REQUESTS, type SearchOutcome } from "../search/run-search.js";
import { formatSnippetLine } from "../search/snippets.js";
import { formatThreadList, type ThreadList } from "./threads.js";
import { sharedYear } from "./time.js";

export interface SearchView {
  query: string;
  outcome: SearchOutcome;
  offset: number;
  limit: number;
  now: Date;
  /** The filters in words, e.g. `needing a reply`. */
  filters: string[];
  notes: string[];
  /** The exact call for the results from an offset on. */
  more: (nextOffset: number) => string;
}

function listOf(needles: readonly string[]): string {
  return needles.map((needle) => (needle.includes(" ") ? `"${needle}"` : needle)).join(", ");
}

export function formatSearchResult(view: SearchView): ThreadList {
  const { outcome } = view;
  const page = outcome.ranked.slice(view.offset, view.offset + view.limit);
  const how = [`searched: ${listOf(outcome.searched)}`];
  if (view.filters.length) how.push(`filters: ${view.filters.join(", ")}`);
  const matched =
    outcome.found === outcome.ranked.length
      ? `${outcome.ranked.length} thread${outcome.ranked.length === 1 ? "" : "s"} matched`
      : `${outcome.found} threads matched, ${outcome.ranked.length} after filters`;

  const notes = [...view.notes];
  if (outcome.skipped.length) {
    notes.push(
      `Not searched, to stay within ${MAX_UPSTREAM_REQUESTS} requests: ${listOf(outcome.skipped)}. Put the most important words first.`,
    );
  }
  if (outcome.overflowing.length) {
    notes.push(
      `More than 100 threads contain ${listOf(outcome.overflowing)}: only the first 100 for each were ranked. Add words or filters to narrow.`,
    );
  }
  const end = Math.min(view.offset + view.limit, outcome.ranked.length);
  if (end < outcome.ranked.length) {
    notes.push(
      'narrow: add words, put an exact phrase in "quotes", or filter by channel, status, needs_reply or since.',
    );
  }

  const year = sharedYear(page.flatMap((entry) => entry.snippets.map((line) => line.message.created_at)));
  return formatThreadList({
    threads: page.map((entry) => entry.thread),
    now: view.now,
    heading: (shown) =>
      `Search ${JSON.stringify(view.query)} · ${how.join(" · ")} · ${matched} · showing ${view.offset + 1}-${view.offset + shown} · ▸ matching message, · the message before or after`,
    empty: [
      `Search ${JSON.stringify(view.query)}: no threads matched${view.offset > 0 ? ` from offset ${view.offset}` : ""}. ${how.join(" · ")}${outcome.found > 0 ? ` (${outcome.found} matched before filters)` : ""}.`,
      ...notes,
      "Try another word or spelling, the guest's language (e.g. toalla, Handtuch, serviette), fewer filters, or list_conversations to browse.",
    ].join("\n"),
    details: (_thread, index) => {
      const entry = page[index];
      if (!entry) return [];
      const searchedMany = outcome.searched.length > 1;
      const matched = searchedMany
        ? [`  matched ${entry.matched.length}/${outcome.searched.length}: ${listOf(entry.matched)}`]
        : [];
      return [...matched, ...entry.snippets.map((line) => formatSnippetLine(line, year))];
    },
    notes,
    more: (shown) =>
      view.offset + shown < outcome.ranked.length ? view.more(view.offset + shown) : undefined,
  });
}
