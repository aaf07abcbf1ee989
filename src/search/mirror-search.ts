// search_conversations answered from the mirror's index (src/mirror/search-index.ts), with no request:
// the query becomes groups of alternatives (expand.ts: a topic's words in six languages, the
// model's own synonyms joining their group), each group one FTS5 query ranked by BM25 over guest
// name, booking id, subject and messages. A thread ranks by how many groups it matches, then
// whether it holds the query or a topic's phrase whole, then its BM25 score, then as the live path
// breaks ties: needing a reply, then newest. Quotes come from the stored messages.
import type { Conversation } from "../api/schemas.js";
import {
  type IndexMatch,
  type MatchScope,
  matchIndex,
  nameTermsNear,
  threadRecords,
} from "../mirror/search-index.js";
import { type MirrorStats, type MirrorStore, STATE } from "../mirror/store.js";
import { analyse, type Term } from "../text/analyse.js";
import { FUZZY_MIN_LENGTH, withinOneEdit } from "../text/fuzzy.js";
import { filterThread, hasFilters, needsReply, type ThreadFilters } from "../triage/filters.js";
import { expandQuery, type QueryGroup } from "./expand.js";
import { judgeThreads } from "./mirror-list.js";
import { quoteFromMirror } from "./mirror-quotes.js";
import type { RankedThread, SearchInput, SearchOutcome } from "./run-search.js";

/**
 * A search as the live path takes it; `channel` may be any channel, in any case, since the mirror
 * filters every channel itself.
 */
export interface MirrorSearchInput extends Omit<SearchInput, "onProgress"> {
  /** Only threads whose messages are stored: the rest is searched live while the first sync runs. */
  storedOnly?: boolean;
}

const SEARCHED_COLUMNS = "{name booking subject text}";

// FTS5 strings are double-quoted with inner quotes doubled; analysed words hold none, but a
// stored word is data all the same.
function quoted(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/** A query word as the index holds it: its stems, and as written for names; a name one typo away too. */
function wordExpression(term: Term, typos: readonly string[]): string {
  const tokens = [...new Set([term.word, ...term.stems])].map(quoted).join(" OR ");
  const names = typos.length ? ` OR {name} : (${typos.map(quoted).join(" OR ")})` : "";
  return `(${SEARCHED_COLUMNS} : (${tokens})${names})`;
}

interface PlannedGroup {
  group: QueryGroup;
  expression: string;
  /** Alternatives of several words, matched in order in `words` for the phrase bonus. */
  phrases: string[];
}

/** Guest names within one typo of the query's own words of a group with no topic. */
function typosFor(store: MirrorStore, term: Term, ownWord: boolean): string[] {
  if (!ownWord || term.stop || term.word.length < FUZZY_MIN_LENGTH) return [];
  return nameTermsNear(store.db, term.word).filter(
    (name) => name !== term.word && withinOneEdit(term.word, name),
  );
}

// Words of a topic's phrase ("llegar tarde") must stand this close in a thread's analysed text,
// in either order; "llegado" in one message and "tardar" in another are not a late arrival.
const NEAR_DISTANCE = 6;
// Past this many ways to stem a phrase's words, its words are only asked for anywhere in the thread.
const MAX_NEAR_FORMS = 24;

/** Every way to pick one index form for each word of a phrase. */
function forms(words: readonly Term[]): string[][] {
  return words.reduce<string[][]>(
    (sofar, term) =>
      sofar.flatMap((prefix) => [...new Set([term.word, ...term.stems])].map((t) => [...prefix, t])),
    [[]],
  );
}

/** A topic's phrase: its words near one another, in every way they may be stemmed. */
function nearExpression(words: readonly Term[]): string | undefined {
  const all = forms(words);
  if (all.length > MAX_NEAR_FORMS) return undefined;
  const near = all.map((form) => `NEAR(${form.map(quoted).join(" ")}, ${NEAR_DISTANCE})`).join(" OR ");
  return `${SEARCHED_COLUMNS} : (${near})`;
}

function tokensOf(term: Term): string[] {
  return [...new Set([term.word, ...term.stems])];
}

function planGroup(store: MirrorStore, group: QueryGroup): PlannedGroup | undefined {
  const alternatives: string[] = [];
  const phrases: string[] = [];
  // The group's one-word alternatives as one list of index words: a word that several of them
  // stem to counts once, and FTS5 reads each word's threads once.
  const singles = new Set<string>();
  const several: { words: Term[]; all: readonly Term[] }[] = [];
  group.alternatives.forEach((alternative, index) => {
    const words = alternative.terms.filter((term) => !term.stop);
    if (words.length === 0) return;
    // The query's own phrase earns the bonus; a topic's phrases already score as NEAR groups.
    if (index === 0 && alternative.terms.length > 1)
      phrases.push(alternative.terms.map((term) => term.word).join(" "));
    // The first alternative is the query's own words; a topic's words are not names.
    if (index === 0 && group.topics.length === 0) {
      alternatives.push(words.map((term) => wordExpression(term, typosFor(store, term, true))).join(" AND "));
      return;
    }
    const [word] = words;
    if (words.length === 1 && word) for (const token of tokensOf(word)) singles.add(token);
    else several.push({ words, all: alternative.terms });
  });
  if (singles.size > 0) alternatives.push(`${SEARCHED_COLUMNS} : (${[...singles].map(quoted).join(" OR ")})`);
  for (const { words, all } of several) {
    // A phrase with a word the group already finds alone adds no thread, only cost.
    if (words.some((term) => tokensOf(term).some((token) => singles.has(token)))) continue;
    // A phrase whose small words matter ("late check in", not "late check out") is matched word for
    // word where the index keeps them; others near one another in any form.
    if (all.some((term) => term.stop))
      alternatives.push(`{words} : ${quoted(all.map((term) => term.word).join(" "))}`);
    else
      alternatives.push(nearExpression(words) ?? words.map((term) => wordExpression(term, [])).join(" AND "));
  }
  if (alternatives.length === 0) return undefined;
  return { group, expression: alternatives.map((a) => `(${a})`).join(" OR "), phrases };
}

interface Candidate {
  threadId: string;
  groups: Set<number>;
  score: number;
  phrase: boolean;
  lastActivity: string | null;
}

function phraseExpression(phrases: readonly string[]): string | undefined {
  const unique = [...new Set(phrases.filter((phrase) => phrase.includes(" ")))];
  return unique.length ? `{words} : (${unique.map(quoted).join(" OR ")})` : undefined;
}

// A thread's score is its BM25 sum over the groups it matches, times the share of groups matched
// to this power, times PHRASE_BONUS when it holds the query or a topic's phrase whole. Matching
// more of the query counts for more than repeating one word, yet a rare word ("wifi") can still
// beat two common ones ("not working"): a strict "most groups first" lost those.
const COVERAGE_POWER = 3;
const PHRASE_BONUS = 1.5;

function relevance(candidate: Candidate, groups: number): number {
  const coverage = candidate.groups.size / Math.max(groups, 1);
  return candidate.score * coverage ** COVERAGE_POWER * (candidate.phrase ? PHRASE_BONUS : 1);
}

interface Ranked extends Candidate {
  relevance: number;
  /** Read only when needed: for the filters, a tie, or the page shown. */
  thread?: Conversation;
}

function threadOf(store: MirrorStore, entry: Ranked): Conversation {
  entry.thread ??= store.thread(entry.threadId) ?? undefined;
  // Matched in this same synchronous call: the row cannot have gone since.
  if (!entry.thread) throw new Error(`thread ${entry.threadId} matched but is not stored`);
  return entry.thread;
}

/** Reads the records of these entries that have none yet, in one read. */
function readThreads(store: MirrorStore, entries: readonly Ranked[]): void {
  const missing = entries.filter((entry) => entry.thread === undefined);
  if (missing.length === 0) return;
  const records = threadRecords(
    store.db,
    missing.map((entry) => entry.threadId),
  );
  for (const entry of missing) {
    const record = records.get(entry.threadId);
    if (record !== undefined) entry.thread = JSON.parse(record) as Conversation;
  }
}

// Without the record: relevance, then newest.
function byRelevance(a: Ranked, b: Ranked): number {
  return (
    b.relevance - a.relevance ||
    (b.lastActivity ?? "").localeCompare(a.lastActivity ?? "") ||
    a.threadId.localeCompare(b.threadId)
  );
}

/**
 * Ties as the live path breaks them: needing a reply first, then newest. Only the runs of equal
 * relevance that reach into the first `upTo` places are read and reordered: further down, the order
 * of equals is never shown before a later page asks for it, and then this runs again.
 */
function breakTies(store: MirrorStore, entries: Ranked[], upTo: number): void {
  for (let start = 0; start < Math.min(upTo, entries.length); ) {
    const relevance = entries[start]?.relevance;
    let end = start + 1;
    while (end < entries.length && entries[end]?.relevance === relevance) end += 1;
    if (end - start > 1) {
      const run = entries.slice(start, end);
      readThreads(store, run);
      const signalsOf = judgeThreads(
        store,
        run.map((entry) => threadOf(store, entry)),
      );
      const waiting = (entry: Ranked) => Number(needsReply(threadOf(store, entry), false, signalsOf));
      run.sort((a, b) => waiting(b) - waiting(a) || byRelevance(a, b));
      entries.splice(start, run.length, ...run);
    }
    start = end;
  }
}

/** The query's words in order, stop-words kept, for the whole-phrase bonus. */
function wholePhrase(query: string): string | undefined {
  const words = analyse(query, { languages: [], keepStopWords: true }).map((term) => term.word);
  return words.length > 1 ? words.join(" ") : undefined;
}

/** Groups of a query of nothing but stop-words ("the who"): its words as written, as one phrase. */
function fallbackGroups(query: string): QueryGroup[] {
  const terms = analyse(query, { languages: [], keepStopWords: true }).map((term) => ({
    ...term,
    stop: undefined,
  }));
  if (terms.length === 0) return [];
  return [
    { written: terms.map((t) => t.word).join(" "), topics: [], alternatives: [{ text: query, terms }] },
  ];
}

/** The query's groups of alternatives, as the mirror's search reads them. */
export function mirrorQueryGroups(query: string): QueryGroup[] {
  const expanded = expandQuery(query);
  return expanded.length ? expanded : fallbackGroups(query);
}

/** Quotes these threads from their stored messages: no request. */
export function quoteFromStore(
  store: MirrorStore,
  entries: readonly RankedThread[],
  groups: readonly QueryGroup[],
): void {
  for (const entry of entries)
    entry.snippets = quoteFromMirror(store.messages(entry.thread.id) ?? [], groups);
}

export function searchMirror(store: MirrorStore, input: MirrorSearchInput): SearchOutcome {
  const groups = mirrorQueryGroups(input.query);
  const planned = groups.flatMap((group) => planGroup(store, group) ?? []);
  const scope: MatchScope = {
    channel: input.channel,
    bookingId: input.booking_id,
    storedOnly: input.storedOnly,
  };

  const candidates = new Map<string, Candidate>();
  const add = (match: IndexMatch, group: number) => {
    const entry = candidates.get(match.threadId) ?? {
      threadId: match.threadId,
      groups: new Set<number>(),
      score: 0,
      phrase: false,
      lastActivity: match.lastActivity,
    };
    entry.groups.add(group);
    entry.score += match.score;
    candidates.set(match.threadId, entry);
  };
  planned.forEach((plan, index) => {
    for (const match of matchIndex(store.db, plan.expression, scope)) add(match, index);
  });
  const whole = wholePhrase(input.query);
  const phrases = phraseExpression([...(whole ? [whole] : []), ...planned.flatMap((plan) => plan.phrases)]);
  if (phrases !== undefined && candidates.size > 0)
    for (const match of matchIndex(store.db, phrases, scope)) {
      const entry = candidates.get(match.threadId);
      if (entry) entry.phrase = true;
    }

  const ranked = rankCandidates(
    store,
    [...candidates.values()],
    input.filters,
    planned.length,
    input.offset + input.limit,
  ).map((entry) =>
    lazyThread(
      store,
      entry,
      [...entry.groups].sort((a, b) => a - b).flatMap((index) => planned[index]?.group.written ?? []),
    ),
  );
  const page = ranked.slice(input.offset, input.offset + input.limit).slice(0, input.snippets);
  quoteFromStore(store, page, groups);

  const searched = planned.map((plan) => plan.group.written);
  return {
    parsed: { phrases: [], terms: searched, dropped: [] },
    searched,
    skipped: [],
    unsearched: [],
    overflowing: [],
    budgetCut: false,
    unquoted: { budget: 0, failed: 0 },
    found: candidates.size,
    ranked,
    requests: 0,
    widened: [...new Set(planned.flatMap((plan) => plan.group.topics))],
  };
}

/**
 * The candidates that pass the filters, best first. Without filters a thread's record is read only
 * for a tie and for the page shown; with them, every candidate's, in one read.
 */
function rankCandidates(
  store: MirrorStore,
  candidates: readonly Candidate[],
  filters: ThreadFilters,
  groups: number,
  upTo: number,
): Ranked[] {
  let entries: Ranked[] = candidates.map((candidate) => ({
    ...candidate,
    relevance: relevance(candidate, groups),
  }));
  if (hasFilters(filters)) {
    const records = threadRecords(
      store.db,
      entries.map((entry) => entry.threadId),
    );
    const rowFilters = { ...filters, needsReply: undefined };
    entries = entries.filter((entry) => {
      const record = records.get(entry.threadId);
      if (record === undefined) return false;
      entry.thread = JSON.parse(record) as Conversation;
      return filterThread(entry.thread, rowFilters) === true;
    });
    if (filters.needsReply !== undefined) {
      // Who is waiting, from each thread's whole history, as list_conversations judges it.
      const signalsOf = judgeThreads(
        store,
        entries.flatMap((entry) => entry.thread ?? []),
      );
      entries = entries.filter(
        (entry) => entry.thread && filterThread(entry.thread, filters, signalsOf) === true,
      );
    }
  }
  entries.sort(byRelevance);
  breakTies(store, entries, upTo);
  readThreads(store, entries.slice(0, upTo));
  return entries;
}

/** A ranked thread whose record is read when the answer first looks at it. */
function lazyThread(store: MirrorStore, entry: Ranked, matched: string[]): RankedThread {
  return {
    get thread() {
      return threadOf(store, entry);
    },
    matched,
    phraseMatch: entry.phrase,
    snippets: [],
  };
}

/**
 * The mirror's stats as a search answer tells them. Once the first sync is done that is the thread
 * count and the last check, two reads and a count: stats() scans every message, and a search on a
 * large inbox should not wait for it. While the first sync runs, its progress needs them all.
 */
export function searchStats(store: MirrorStore): MirrorStats {
  if (store.state(STATE.firstSyncDone) !== true) return store.stats();
  const threads = store.countThreads();
  const lastCheck = store.state(STATE.lastCheckAt);
  return {
    threads,
    messages: Number.NaN,
    threadsWithMessages: threads,
    firstSyncDone: true,
    lastCheckAt: typeof lastCheck === "number" ? lastCheck : null,
    listTotal: null,
    completeSince: null,
  };
}
