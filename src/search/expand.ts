// A query as groups of alternatives: each word or phrase of a topic (topics.ts) is widened to the
// topic's words in all six languages, so "towels" also finds "toallas" and "Handtücher".
//
// Alternatives widen and never narrow: the words as written stay an alternative of their own
// group, and words the model adds that belong to a topic already asked for ("towels toallas",
// "breakfast OR desayuno") join that topic's group instead of forming a new one that a thread
// would also have to match.
import { analyse, type Term } from "../text/analyse.js";
import { LANGUAGES, type Language } from "../text/languages.js";
import { sameWord } from "../text/match.js";
import { isSearchWord } from "./search-words.js";
import { TOPICS } from "./topics.js";

export interface Alternative {
  /** The word or phrase as written in the query or the topic table. */
  text: string;
  /** Its analysed words, stop-words kept and marked, to match as a phrase. */
  terms: readonly Term[];
}

export interface QueryGroup {
  /** What the query said for this group, e.g. "towels" or "late check-in / toallas". */
  written: string;
  /** The topics that widened it, by id; empty for a word of no topic (a name, "jacket"). */
  topics: string[];
  alternatives: Alternative[];
}

interface Entry {
  topic: string;
  alternative: Alternative;
}

/** The table's entries, each analysed in its own language ("malas" as Portuguese only), or unstemmed. */
function analyseEntries(stemmed: boolean): readonly Entry[] {
  return TOPICS.flatMap((topic) =>
    (Object.entries(topic.terms) as [Language, readonly string[]][]).flatMap(([language, texts]) =>
      texts.map((text) => ({
        topic: topic.id,
        alternative: {
          text,
          terms: analyse(text, { languages: stemmed ? [language] : [], keepStopWords: true }),
        },
      })),
    ),
  );
}
// Analysed on first use, not at load: stemming the whole table is work a server's start does not need.
let stemmedEntries: readonly Entry[] | undefined;
let unstemmed: readonly Entry[] | undefined;

export function topicEntries(stemmed = true): readonly Entry[] {
  if (stemmed) {
    stemmedEntries ??= analyseEntries(true);
    return stemmedEntries;
  }
  unstemmed ??= analyseEntries(false);
  return unstemmed;
}

/** How many query words from `start` the entry covers, word for word; 0 when it does not. */
function coverage(query: readonly Term[], start: number, entry: readonly Term[]): number {
  if (entry.length === 0 || entry.every((term) => term.stop)) return 0;
  return entry.every((term, offset) => {
    const word = query[start + offset];
    return word !== undefined && sameWord(word, term);
  })
    ? entry.length
    : 0;
}

// The first of two alternatives with the same words is kept: the query's own, read in all languages.
function key(alternative: Alternative): string {
  return alternative.terms.map((term) => term.word).join(" ");
}

function addAlternatives(group: QueryGroup, alternatives: readonly Alternative[]): void {
  const known = new Set(group.alternatives.map(key));
  for (const alternative of alternatives) {
    const k = key(alternative);
    if (known.has(k)) continue;
    known.add(k);
    group.alternatives.push(alternative);
  }
}

/** The query's words and topic phrases, left to right, before groups of one topic are merged. */
function spans(query: string, languages: readonly Language[]): QueryGroup[] {
  const words = analyse(query, { languages, keepStopWords: true }).map((term) =>
    isSearchWord(term.word) ? { ...term, stems: [term.word], stop: true as const } : term,
  );
  const entries = topicEntries(languages.length > 0);
  const groups: QueryGroup[] = [];
  let index = 0;
  while (index < words.length) {
    const matches = entries.map((entry) => ({
      entry,
      length: coverage(words, index, entry.alternative.terms),
    }));
    const longest = Math.max(0, ...matches.map((match) => match.length));
    const word = words[index];
    if (word === undefined) break;
    if (longest === 0) {
      if (!word.stop)
        groups.push({ written: word.word, topics: [], alternatives: [{ text: word.word, terms: [word] }] });
      index += 1;
      continue;
    }
    const covered = words.slice(index, index + longest);
    const topics = [
      ...new Set(matches.filter((match) => match.length === longest).map((match) => match.entry.topic)),
    ];
    const written = covered.map((term) => term.word).join(" ");
    const group: QueryGroup = { written, topics, alternatives: [] };
    addAlternatives(group, [
      { text: written, terms: covered },
      ...entries.filter((entry) => topics.includes(entry.topic)).map((entry) => entry.alternative),
    ]);
    groups.push(group);
    index += longest;
  }
  return groups;
}

// "dog OR chien OR perro", "dog | chien": the words either side are alternatives of one group, as a
// search engine reads OR. A topic's words need none (they join their topic's group by themselves);
// other words would each be a group of their own, which a thread would also have to match.
const OR = /\s+OR\s+|\s*\|\s*/;

/** The query's spans, the last of each part before an OR joined with the first after it. */
function withAlternatives(query: string, languages: readonly Language[]): QueryGroup[] {
  const groups: QueryGroup[] = [];
  let joinNext = false;
  for (const part of query.split(OR)) {
    const [first, ...rest] = spans(part, languages);
    const last = groups.at(-1);
    if (first && last && joinNext) {
      last.written = `${last.written} / ${first.written}`;
      last.topics = [...new Set([...last.topics, ...first.topics])];
      addAlternatives(last, first.alternatives);
    } else if (first) groups.push(first);
    groups.push(...rest);
    joinNext = true;
  }
  return groups;
}

/**
 * The query as groups of alternatives. A thread matches a group when it holds any one of its
 * alternatives as a phrase; how many groups a thread matches, and how rare they are, is the
 * ranking's business. `languages` reads the query's words (default all six, the query's language
 * being unknown); [] leaves every word unstemmed, the table's too, for comparison.
 */
export function expandQuery(query: string, languages: readonly Language[] = LANGUAGES): QueryGroup[] {
  const merged: QueryGroup[] = [];
  for (const group of withAlternatives(query, languages)) {
    const same = merged.find((other) =>
      group.topics.length > 0
        ? other.topics.some((topic) => group.topics.includes(topic))
        : other.written === group.written,
    );
    if (same === undefined) {
      merged.push(group);
      continue;
    }
    if (group.topics.length > 0 && !same.written.split(" / ").includes(group.written))
      same.written = `${same.written} / ${group.written}`;
    same.topics = [...new Set([...same.topics, ...group.topics])];
    addAlternatives(same, group.alternatives);
  }
  return merged;
}
