// Whether analysed words meet: the test the search applies between a query's words and a text's,
// whatever does the indexing. Two words meet when they share a stem; stop-words only as written.
import type { Term } from "./analyse.js";

export function sameWord(a: Term, b: Term): boolean {
  if (a.stop || b.stop) return a.word === b.word;
  return a.stems.some((stem) => b.stems.includes(stem));
}

/**
 * Whether `text` holds `phrase` word for word at consecutive positions. The text must be analysed
 * with its stop-words kept when the phrase has any ("check in").
 */
export function containsPhrase(text: readonly Term[], phrase: readonly Term[]): boolean {
  const [first, ...rest] = phrase;
  if (first === undefined) return false;
  const byPosition = new Map(text.map((term) => [term.position, term]));
  return text.some((start) => {
    if (!sameWord(first, start)) return false;
    return rest.every((word, index) => {
      const next = byPosition.get(start.position + index + 1);
      return next !== undefined && sameWord(word, next);
    });
  });
}
