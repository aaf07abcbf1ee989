// Stemming with the Snowball algorithms of the six languages (@orama/stemmers: Snowball's own ports
// for five, Porter's for English), so "towels" finds "towel", "llegaré" finds "llegada" and
// "Handtücher" finds "Handtuch".
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { fold } from "./fold.js";
import { LANGUAGES, type Language } from "./languages.js";

const STEMMERS: Record<Language, (word: string) => string> = {
  en: english,
  es: spanish,
  fr: french,
  de: german,
  pt: portuguese,
  it: italian,
};
// Only words of Latin letters are stemmed: numbers, codes and other scripts are matched as written.
const STEMMABLE = /^[\p{Script=Latin}]{3,}$/u;

// A guest's vocabulary is small beside the number of times its words recur; the bound keeps a
// long-running server's memory flat on an inbox of any size.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, readonly string[]>();

/**
 * The stems of one lower-case word in the given languages (none: the word folded), each once,
 * folded. Both the word as written and its folded form are stemmed: "habitación" stems to "habit"
 * but "habitacion", as staff type it, to itself, and the two must meet.
 */
export function stems(word: string, languages: readonly Language[] = LANGUAGES): readonly string[] {
  const plain = fold(word);
  if (languages.length === 0 || !STEMMABLE.test(word)) return [plain];
  const key = `${languages.join(",")}:${word}`;
  const known = cache.get(key);
  if (known) return known;
  const found = new Set<string>();
  for (const language of languages) {
    const stem = STEMMERS[language];
    found.add(fold(stem(word)));
    if (plain !== word) found.add(stem(plain));
  }
  const result = [...found];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}
