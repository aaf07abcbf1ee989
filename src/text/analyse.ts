// A text as search sees it: whole words, folded, without stop-words, each with its stems. The
// mirror's index writer calls it on every message, guest name and subject, and the search on every
// query, so the two always meet on the same terms.
import { fold } from "./fold.js";
import { guessLanguage, isStopWord, LANGUAGES, type Language } from "./languages.js";
import { stems } from "./stem.js";
import { splitWords } from "./tokenise.js";

export interface Term {
  /** The word's place among all the text's words, stop-words counted: phrases stay phrases. */
  position: number;
  /** The word folded: "theo" for "Théo". */
  word: string;
  /** Its stems in the languages it was read in, folded, each once. */
  stems: readonly string[];
  /** A stop-word of one of the six languages; only there when asked for with keepStopWords. */
  stop?: true;
}

export interface AnalyseOptions {
  /**
   * Which stemmers read the words: "all" six (the default: a query or a short message rarely says
   * its language), "guess" one by the text's stop-words when they tell, else all six, or a list
   * ([] to match words only as written, folded).
   */
  languages?: "all" | "guess" | readonly Language[];
  /** Keep stop-words too, marked: a phrase such as "check in" is matched with its "in". */
  keepStopWords?: boolean;
}

function languagesFor(words: readonly string[], choice: AnalyseOptions["languages"]): readonly Language[] {
  if (choice === undefined || choice === "all") return LANGUAGES;
  if (choice !== "guess") return choice;
  const guessed = guessLanguage(words);
  return guessed ? [guessed] : LANGUAGES;
}

export function analyse(text: string, options: AnalyseOptions = {}): Term[] {
  const written = splitWords(text);
  const folded = written.map(fold);
  const languages = languagesFor(folded, options.languages);
  const terms: Term[] = [];
  written.forEach((word, position) => {
    const plain = folded[position] ?? word;
    const stop = isStopWord(plain);
    if (stop && !options.keepStopWords) return;
    // A stop-word is matched as written: stemming "in" or "des" would only make it match more.
    if (stop) terms.push({ position, word: plain, stems: [plain], stop });
    else terms.push({ position, word: plain, stems: stems(word, languages) });
  });
  return terms;
}
