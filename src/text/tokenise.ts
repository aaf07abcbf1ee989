// Text into whole words: letters and digits of any script, then folded (fold.ts). A hyphen or any other
// punctuation ends a word ("check-in" is "check" and "in", "Wi-Fi" is "wi" and "fi"), so a phrase
// of the parts finds the hyphenated word; an apostrophe inside a word is handled by its language.
import { fold } from "./fold.js";

// Letters, combining marks and digits, with apostrophes only inside: "l'arrivée", "O'Connor".
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHE = /['’ʼ]/;

// French and Italian elisions: the article or pronoun before the apostrophe is no word of its own
// ("l'arrivée" is "arrivée", "dell'albergo" is "albergo", "qu'il" is "il").
const ELIDED = new Set([
  "l",
  "d",
  "j",
  "m",
  "n",
  "s",
  "t",
  "c",
  "qu",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoiqu",
  "un",
  "dell",
  "all",
  "nell",
  "sull",
  "dall",
  "coll",
  "quell",
  "quest",
  "dov",
  "com",
  "cos",
]);
// English endings after an apostrophe: "Sarah's" is Sarah; "don't", "I'll", "we're" are stop-words
// of their own and become "dont", "ill", "were" below, which the stop list holds too.
const ENGLISH_POSSESSIVE = "s";

/**
 * One word with apostrophes, folded: the elided article dropped, the possessive "'s" dropped, and
 * otherwise the parts joined ("o'connor" → "oconnor", "don't" → "dont").
 */
function withoutApostrophes(word: string): string {
  const parts = word.split(APOSTROPHE);
  const first = fold(parts[0] ?? "");
  const last = parts.at(-1) ?? "";
  if (parts.length === 2 && ELIDED.has(first)) return last;
  if (parts.length === 2 && last === ENGLISH_POSSESSIVE) return first;
  return parts.join("");
}

/**
 * The words of a text in lower case, accents kept, in order: a stemmer reads "habitación" better
 * than "habitacion". Numbers are words too ("room 6", "HW-58213377").
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.normalize("NFC").toLowerCase().matchAll(WORD)) {
    const word = APOSTROPHE.test(match[0]) ? withoutApostrophes(match[0]) : match[0];
    if (word) words.push(word);
  }
  return words;
}

/** The folded words of a text, in order: what staff type and what guests wrote, made one. */
export function tokenise(text: string): string[] {
  return splitWords(text).map(fold);
}
