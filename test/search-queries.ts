// The labelled searches (test/data/search-queries.json) and the pure evaluation of the text
// analysis on them: do a query's analysed words, widened by the topic table, occur among the
// analysed words of the thread it means? Shared by scripts/search-eval.ts and the tests.
import { readFileSync } from "node:fs";
import { seedThreads } from "../src/sandbox/seed-threads.js";
import { expandQuery, type QueryGroup } from "../src/search/expand.js";
import { type AnalyseOptions, analyse, type Term } from "../src/text/analyse.js";
import { FUZZY_MIN_LENGTH, withinOneEdit } from "../src/text/fuzzy.js";
import { LANGUAGES } from "../src/text/languages.js";
import { containsPhrase, sameWord } from "../src/text/match.js";

export interface LabelledQuery {
  query: string;
  kind: string;
  lang?: string;
  expected: string[];
}

export function loadQueries(): LabelledQuery[] {
  const url = new URL("./data/search-queries.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { queries: LabelledQuery[] }).queries;
}

/** A thread's fields, each analysed on its own so that a phrase never spans two messages. */
interface AnalysedThread {
  key: string;
  name: Term[];
  fields: Term[][];
}

export type Strategy = "all six" | "guessed language" | "no stemming";

function textOptions(strategy: Strategy): AnalyseOptions {
  if (strategy === "no stemming") return { languages: [], keepStopWords: true };
  return { languages: strategy === "all six" ? "all" : "guess", keepStopWords: true };
}

export function analyseSeed(strategy: Strategy): AnalysedThread[] {
  const options = textOptions(strategy);
  return seedThreads.map((thread) => {
    const name = analyse(thread.guestName ?? "", options);
    return {
      key: thread.key,
      name,
      fields: [
        name,
        analyse(thread.subject ?? "", options),
        ...thread.messages.map((m) => analyse(m.content, options)),
      ],
    };
  });
}

/** A group matches a thread when any alternative is a phrase of one of its fields, or a name within one typo. */
function groupMatches(group: QueryGroup, thread: AnalysedThread, fuzzyNames: boolean): boolean {
  const exact = group.alternatives.some((alternative) =>
    thread.fields.some((field) => containsPhrase(field, alternative.terms)),
  );
  if (exact || !fuzzyNames) return exact;
  return group.alternatives.some((alternative) => {
    const [only, ...more] = alternative.terms;
    if (only === undefined || more.length > 0 || only.word.length < FUZZY_MIN_LENGTH) return false;
    return thread.name.some((word) => sameWord(only, word) || withinOneEdit(only.word, word.word));
  });
}

export interface PureResult {
  query: LabelledQuery;
  groups: QueryGroup[];
  /** Every group of the query matches one of the expected threads. */
  covered: boolean;
  /** At least one group does: what a ranking that counts groups matched can start from. */
  touched: boolean;
  /** How many seed threads every group matches: the fewer, the more the words tell threads apart. */
  matchingThreads: number;
  /** Of those, how many are expected ones. */
  matchingExpected: number;
}

export function evaluatePure(
  queries: readonly LabelledQuery[],
  strategy: Strategy,
  options: { topics: boolean; fuzzyNames: boolean },
): PureResult[] {
  const threads = analyseSeed(strategy);
  const languages = strategy === "no stemming" ? [] : LANGUAGES;
  return queries.map((query) => {
    const expanded = expandQuery(query.query, languages);
    // Without the table, each group keeps only the words as written.
    const groups = options.topics
      ? expanded
      : expanded.map((group) => ({ ...group, alternatives: group.alternatives.slice(0, 1) }));
    const matches = (thread: AnalysedThread) =>
      groups.length > 0 && groups.every((group) => groupMatches(group, thread, options.fuzzyNames));
    const expected = threads.filter((thread) => query.expected.includes(thread.key));
    const matching = threads.filter(matches);
    return {
      query,
      groups,
      covered: expected.some(matches),
      touched: expected.some((thread) =>
        groups.some((group) => groupMatches(group, thread, options.fuzzyNames)),
      ),
      matchingThreads: matching.length,
      matchingExpected: matching.filter((thread) => query.expected.includes(thread.key)).length,
    };
  });
}
