// Whether a guest's message only closes the conversation ("Thanks!", "Super, vielen Dank!", "👍"), so
// that nobody needs to answer it. Conservative by design: a missed guest costs far more than an extra
// flag, so a message is a closing only when every word of it is a closing phrase (closing-phrases.ts),
// a greeting or a name after a thanks — and never with a question mark, a digit, any other word, or
// more than a short sentence.
import {
  CLOSING_EMOJI,
  CLOSING_PHRASES,
  DATE_WORDS,
  type PhraseKind,
  THINGS_ASKED_FOR,
} from "./closing-phrases.js";

/** What the closing says: a thanks, a goodbye, or an acknowledgement ("ok", "perfect", 👍). */
export type ClosingKind = "thanks" | "goodbye" | "ok";

/** Longer than this is more than a short closing sentence, whatever its words. */
export const CLOSING_MAX_CHARS = 100;
const MAX_WORDS = 16;
const MAX_NAMES = 2;

/** Lower case, no accents, ß as ss: "Grüße" and "grusse" are one word. */
function fold(word: string): string {
  return word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("ß", "ss");
}

/** Words as runs of letters: apostrophes, hyphens and punctuation separate them, on both sides. */
function wordsOf(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

/** "(a|b) c [d|e]" → every phrase it stands for, as word lists folded like messages. */
export function expandPhrase(pattern: string): string[] {
  const groups = pattern.match(/\([^()]*\)|\[[^[\]]*\]|[^()[\]]+/g) ?? [];
  let phrases = [""];
  for (const group of groups) {
    const optional = group.startsWith("[");
    const choices = /^[([]/.test(group) ? group.slice(1, -1).split("|") : [group];
    if (optional) choices.push("");
    phrases = phrases.flatMap((start) => choices.map((choice) => `${start} ${choice}`));
  }
  return [...new Set(phrases.map((phrase) => wordsOf(fold(phrase)).join(" ")).filter(Boolean))];
}

interface PhraseIndex {
  kinds: Map<string, PhraseKind>;
  longest: number;
}

// A phrase in two kinds keeps the one that counts most ("super" is ok, also after a thanks).
const PRIORITY: Record<PhraseKind, number> = { thanks: 4, goodbye: 3, ok: 2, after_thanks: 1, filler: 0 };

function buildIndex(): PhraseIndex {
  const kinds = new Map<string, PhraseKind>();
  for (const table of Object.values(CLOSING_PHRASES)) {
    for (const [kind, patterns] of Object.entries(table) as [PhraseKind, readonly string[]][]) {
      for (const phrase of patterns.flatMap(expandPhrase)) {
        const known = kinds.get(phrase);
        if (!known || PRIORITY[kind] > PRIORITY[known]) kinds.set(phrase, kind);
      }
    }
  }
  const longest = Math.max(...[...kinds.keys()].map((phrase) => phrase.split(" ").length));
  return { kinds, longest };
}

let index: PhraseIndex | undefined;
const neverNames = new Set([...DATE_WORDS, ...THINGS_ASKED_FOR].flatMap(wordsOf).map(fold));

// Closing emoji and smileys; skin tones, emoji variation selectors and joiners only dress them.
const EMOJI = new RegExp(`[${CLOSING_EMOJI}]|[:;]-?[)D]`, "gu");
const EMOJI_DRESSING = /[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu;
// What may stand between the words of a closing: spaces and sentence punctuation, nothing that
// carries meaning of its own (€, @, /, #, a question mark).
const SEPARATORS = /^[\s.,!¡;:…\-–—~'’"“”«»()*]*$/u;
const LAUGHTER = /^(?:(?:ha){2,}h?|(?:ja){2,}|(?:he){2,}|(?:hi){2,}|(?:ah){2,}|k{3,})$/;
const NAME = /^\p{Lu}\p{Ll}{1,11}$/u;

interface Word {
  folded: string;
  original: string;
  /** The text between this word and the one before it. */
  gap: string;
}

function splitWords(text: string): Word[] | null {
  const words: Word[] = [];
  let last = 0;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const gap = text.slice(last, match.index);
    if (!SEPARATORS.test(gap)) return null;
    words.push({ folded: fold(match[0]), original: match[0], gap });
    last = match.index + match[0].length;
  }
  return SEPARATORS.test(text.slice(last)) ? words : null;
}

/**
 * The kind of closing `content` is, or null when it is anything more: a question, a request, a
 * complaint, a number or date, a word the phrase lists do not have, or more than a short sentence.
 */
export function closingOf(content: string | null): ClosingKind | null {
  if (content === null) return null;
  const text = content.trim();
  if (text === "" || text.length > CLOSING_MAX_CHARS) return null;
  if (/[?¿？\p{N}]/u.test(text)) return null;
  const bare = text.replace(EMOJI_DRESSING, "");
  const hadEmoji = (bare.match(EMOJI)?.length ?? 0) > 0;
  const words = splitWords(bare.replace(EMOJI, " "));
  if (words === null || words.length > MAX_WORDS) return null;
  if (words.length === 0) return hadEmoji ? "ok" : null;
  index ??= buildIndex();
  const kinds = cover(words, 0, null, 0, index);
  if (kinds === null) return null;
  if (kinds.has("thanks")) return "thanks";
  if (kinds.has("goodbye")) return "goodbye";
  if (kinds.has("ok") || hadEmoji) return "ok";
  return null;
}

type Previous = PhraseKind | "name" | null;

/**
 * The kinds of the phrases that cover `words` from `at` to the end, or null when some word is left
 * that no phrase, laugh or name accounts for. Tries the longest phrase first and backs off
 * ("that's great news" is "that's great" and then nothing, or "that's" and "great news").
 */
function cover(
  words: readonly Word[],
  at: number,
  previous: Previous,
  names: number,
  { kinds, longest }: PhraseIndex,
): Set<PhraseKind> | null {
  if (at === words.length) return new Set();
  for (let length = Math.min(longest, words.length - at); length > 0; length -= 1) {
    const phrase = words
      .slice(at, at + length)
      .map((word) => word.folded)
      .join(" ");
    const kind = kinds.get(phrase);
    if (!kind || (kind === "after_thanks" && previous !== "thanks" && previous !== "after_thanks")) continue;
    const rest = cover(words, at + length, kind, names, { kinds, longest });
    if (rest) return rest.add(kind);
  }
  const word = words[at] as Word;
  if (LAUGHTER.test(word.folded)) return cover(words, at + 1, previous, names, { kinds, longest });
  if (names < MAX_NAMES && isName(word, previous)) {
    return cover(words, at + 1, "name", names + 1, { kinds, longest });
  }
  return null;
}

/**
 * "Thanks Miguel!", "Hi Rita", "Best regards,\nEmma": a capitalised word right after a thanks, a
 * greeting or a sign-off is a name, unless it is a thing or a day. After a full stop it starts a
 * sentence instead ("Thanks. Waiting"), except under a sign-off, where a signature goes.
 */
function isName(word: Word, previous: Previous): boolean {
  if (!NAME.test(word.original) || neverNames.has(word.folded)) return false;
  if (previous === "goodbye" || previous === "name") return !/[.!…]/.test(word.gap);
  if (previous === "thanks" || previous === "after_thanks" || previous === "filler" || previous === "ok") {
    return /^[\s,]*$/.test(word.gap) && !word.gap.includes("\n");
  }
  return false;
}
