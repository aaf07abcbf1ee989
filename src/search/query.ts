// A search as a person or a model writes it — "who asked about towels", "the German group about
// the late bus", "\"late check-in\" Müller" — turned into what to ask Hostel Mate for: quoted
// phrases kept whole, the other words without stop-words in six languages.
import { deu, eng, fra, ita, por, porBr, spa } from "stopword";

const STOP_WORDS = new Set(
  [...eng, ...spa, ...deu, ...fra, ...ita, ...por, ...porBr].map((word) => word.toLowerCase()),
);
// Words that describe the search itself rather than what a thread says.
const SEARCH_WORDS = new Set([
  "asked",
  "asking",
  "wrote",
  "written",
  "said",
  "mentioned",
  "message",
  "messages",
  "thread",
  "threads",
  "conversation",
  "conversations",
  "anyone",
  "someone",
  "somebody",
  "find",
  "show",
]);

const PHRASE = /["“„«]([^"“”„«»]+)["”“»]/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export interface SearchQuery {
  /** Quoted phrases, and the whole query when it is a short unquoted phrase. */
  phrases: string[];
  /** Remaining words, without stop-words, plurals trimmed so that "towels" also finds "towel". */
  terms: string[];
  /** Stop-words and search words that were left out, to say so. */
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
  return (word.length >= 3 || /\d{2,}/.test(word)) && !STOP_WORDS.has(word) && !SEARCH_WORDS.has(word);
}

export function parseQuery(query: string): SearchQuery {
  const phrases = [...query.matchAll(PHRASE)].map((match) => normalise(match[1] ?? "")).filter(Boolean);
  const rest = query.replace(PHRASE, " ");
  const words = [...rest.matchAll(WORD)].map((match) => match[0].toLocaleLowerCase().replace(/’/g, "'"));
  const kept = words.filter(meaningful);
  const dropped = [...new Set(words.filter((word) => !meaningful(word)))];
  const terms = [...new Set(kept.map(singular))];
  // A short unquoted query such as "late bus" is also worth trying as it stands.
  if (phrases.length === 0 && kept.length >= 2 && words.length <= 4) phrases.push(normalise(rest));
  if (phrases.length === 0 && terms.length === 0) {
    // Nothing but stop-words ("the", "who"): search for what was written rather than nothing.
    const whole = normalise(query.replace(/["“”„«»]/g, " "));
    return { phrases: whole ? [whole] : [], terms: [], dropped: [] };
  }
  return { phrases: [...new Set(phrases)], terms: terms.filter((term) => !phrases.includes(term)), dropped };
}
