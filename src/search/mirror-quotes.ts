// The quote under a thread found in the mirror: its message that matches the query best (most groups,
// then a whole phrase, then most matching words, then the newest), with the message before and
// after, and the words that matched, as the guest wrote them, to mark in bold as whole words.
import type { Message } from "../api/schemas.js";
import { analyse, type Term } from "../text/analyse.js";
import { containsPhrase, sameWord } from "../text/match.js";
import { splitWords } from "../text/tokenise.js";
import type { QueryGroup } from "./expand.js";
import type { SnippetLine } from "./snippets.js";

interface MessageMatch {
  groups: number;
  phrase: boolean;
  /** Positions of the message's words that matched. */
  positions: Set<number>;
}

function matchMessage(text: readonly Term[], groups: readonly QueryGroup[]): MessageMatch {
  const positions = new Set<number>();
  let matchedGroups = 0;
  let phrase = false;
  for (const group of groups) {
    let matched = false;
    for (const alternative of group.alternatives) {
      const words = alternative.terms.filter((term) => !term.stop);
      if (words.length === 0) continue;
      const hits = words.map((word) => text.filter((term) => !term.stop && sameWord(word, term)));
      if (hits.some((found) => found.length === 0)) continue;
      matched = true;
      for (const found of hits) for (const term of found) positions.add(term.position);
      if (alternative.terms.length > 1 && containsPhrase(text, alternative.terms)) phrase = true;
    }
    if (matched) matchedGroups += 1;
  }
  return { groups: matchedGroups, phrase, positions };
}

function better(a: MessageMatch, b: MessageMatch): boolean {
  if (a.groups !== b.groups) return a.groups > b.groups;
  if (a.phrase !== b.phrase) return a.phrase;
  return a.positions.size >= b.positions.size; // equal: the later message, the newer one, wins
}

/** The best matching message with one message either side, in thread order; none when no message matches. */
export function quoteFromMirror(messages: readonly Message[], groups: readonly QueryGroup[]): SnippetLine[] {
  let best: { index: number; match: MessageMatch } | undefined;
  messages.forEach((message, index) => {
    const content = message.content ?? "";
    if (!content) return;
    const match = matchMessage(analyse(content, { keepStopWords: true }), groups);
    if (match.groups === 0) return;
    if (!best || better(match, best.match)) best = { index, match };
  });
  if (!best) return [];
  const { index, match } = best;
  const written = splitWords(messages[index]?.content ?? "");
  const needles = [...new Set([...match.positions].flatMap((position) => written[position] ?? []))];
  const lines: SnippetLine[] = [];
  for (const around of [index - 1, index, index + 1]) {
    const message = messages[around];
    if (!message) continue;
    lines.push({ role: around === index ? "match" : "context", message, needles, wholeWords: true });
  }
  return lines;
}
