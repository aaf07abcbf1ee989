// A search as a person or a model writes it — "who asked about towels", "the German group about
// the late bus", "\"late check-in\" Müller" — turned into what to ask Hostel Mate for: quoted
// phrases kept whole, the other words without stop-words in six languages.
import { eng } from "stopword";
import { fold } from "../text/fold.js";
import { isStopWord } from "../text/languages.js";
import { isSearchWord } from "./search-words.js";

const ENGLISH_STOP_WORDS = new Set(eng.map((word) => word.toLowerCase()));
/** Stop-words of the six languages and words about the search, as the mirror's search skips them. */
const skipped = (word: string) => isStopWord(fold(word)) || isSearchWord(fold(word));

// Double quotes, and single quotes that open and close at word edges ('wifi password'), not the
// apostrophe inside "can't".
const PHRASE = /["“„«]([^"“”„«»]+)["”“»]|(?<![\p{L}\p{N}])['‘]([^'‘’"“”]+?)['’](?![\p{L}\p{N}])/gu;
// Letters and digits, with apostrophes and hyphens only inside: "wi-fi", "can't", not "towels'".
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?/gu;
const APOSTROPHES = /['’]/;

export interface SearchQuery {
  /** Quoted phrases, and the whole query when it is a short unquoted phrase. */
  phrases: string[];
  /** Remaining words, without stop-words, plurals trimmed so that "towels" also finds "towel". */
  terms: string[];
  /**
   * Words left out that may have been meant, to say so: numbers and short words ("5" in "room 5"),
   * and stop-words of the other languages. Common English words and words about searching are left
   * out without a mention: every question has them.
   */
  dropped: string[];
}

function normalise(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, " ").trim();
}

/** English plurals to their stem: a substring search for "towel" also finds "towels". */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|zes|ses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

function meaningful(word: string): boolean {
  return (word.length >= 3 || /\d{2,}/.test(word)) && !skipped(word);
}

/**
 * A word as Hostel Mate is asked for it, or undefined when it is not worth a request. Hostel Mate
 * matches text as written, and phones type ’ where keyboards type ': a word with an apostrophe is
 * searched by its longest part without one ("Sarah's" → "sarah", "doesn't" → "doesn"), found in
 * either spelling. A contraction of short or common words ("can't", "won't", "it's") is left to the
 * phrase around it: "can" or "won" alone would match nearly every thread.
 */
function searchable(word: string): string | undefined {
  if (!APOSTROPHES.test(word)) return word;
  const longest = word.split(/['’]/).reduce((best, part) => (part.length > best.length ? part : best), "");
  return longest.length >= 4 && meaningful(longest) ? longest : undefined;
}

/**
 * Plural trimming is for common nouns, but a capitalised word may be a name ("Hans", "Ines"), whose
 * stem finds every "thanks": it is searched as written too, and a thread with both ranks higher.
 */
function stems(word: string, asWritten: string): string[] {
  const stem = singular(word);
  const capitalised = asWritten[0] !== undefined && asWritten[0] !== asWritten[0].toLocaleLowerCase();
  return capitalised && stem !== word ? [word, stem] : [stem];
}

export function parseQuery(query: string): SearchQuery {
  const phrases = [...query.matchAll(PHRASE)]
    .flatMap((match) => {
      if (match[1] !== undefined) return [normalise(match[1])];
      // A single-quoted scrap ("rock 'n' roll") is no phrase: a one-letter search matches everything.
      const single = normalise(match[2] ?? "");
      return single.length >= 3 ? [single] : [];
    })
    .filter(Boolean);
  const rest = query.replace(PHRASE, " ");
  const written = [...rest.matchAll(WORD)].map((match) => match[0]);
  const words = written.map((word) => word.toLocaleLowerCase().replace(/’/g, "'"));
  const kept = words.filter(meaningful);
  const dropped = [
    ...new Set(
      words.filter((word) => !meaningful(word) && !ENGLISH_STOP_WORDS.has(word) && !isSearchWord(fold(word))),
    ),
  ];
  const terms = [
    ...new Set(
      words.flatMap((word, index) => {
        const part = meaningful(word) ? searchable(word) : undefined;
        return part === undefined ? [] : stems(part, written[index] ?? word);
      }),
    ),
  ];
  // A short unquoted query such as "late bus" or "room 5" is also worth trying as it stands.
  if (phrases.length === 0 && kept.length >= 1 && words.length >= 2 && words.length <= 4)
    phrases.push(normalise(rest));
  if (phrases.length === 0 && terms.length === 0) {
    // Nothing but stop-words ("the", "who"): search for what was written rather than nothing.
    const whole = normalise(query.replace(/["“”„«»]/g, " "));
    return { phrases: whole ? [whole] : [], terms: [], dropped: [] };
  }
  // A phrase is matched as written, apostrophes too: it is also asked for with the other one.
  const spelled = phrases.flatMap((phrase) =>
    APOSTROPHES.test(phrase) ? [phrase.replace(/’/g, "'"), phrase.replace(/'/g, "’")] : [phrase],
  );
  return { phrases: [...new Set(spelled)], terms: terms.filter((term) => !spelled.includes(term)), dropped };
}
