// Case and accent folding for search: "Théo" and "theo", "Müller" and "muller", "Straße" and
// "strasse" become one word, in guests' text and in the words staff type alike.

// Letters that are not a base letter plus a combining mark, so NFKD leaves them whole: spelled the
// way a person without the key types them.
const LETTERS: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ĸ: "k",
  ŋ: "n",
  ſ: "s",
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");
// Only the general-purpose combining accents (U+0300–U+036F) of Latin, Greek and Cyrillic letters:
// the vowel signs of Indic scripts or Hebrew points are part of the word and stay.
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * Lower case without accents, ligatures spelled out, compatibility forms (ﬁ, fullwidth letters)
 * made plain; the letters of other scripts kept.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(SPECIAL, (letter) => LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(ACCENTS, "")
    .normalize("NFC");
}
