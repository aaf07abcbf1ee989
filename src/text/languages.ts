// The six languages of the property's guests, their stop-words, and a cheap guess at which one a
// message is written in: the language whose stop-words it uses most.
import { deu, eng, fra, ita, por, porBr, spa } from "stopword";
import { fold } from "./fold.js";

export const LANGUAGES = ["en", "es", "fr", "de", "pt", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

// Stop-words somewhere that say what a guest's message is about elsewhere or in the same language:
// Portuguese "quarto" is a room, "tarde" late, "noite" night; German "heute" and "morgen" are today
// and tomorrow, "später" and "früher" later and earlier; French "été" is summer; "grupo" is a group
// and "pequeno" the first half of breakfast. A search for them must find them.
const CONTENT_WORDS = new Set(
  [
    "quarto",
    "quartos",
    "noite",
    "noites",
    "tarde",
    "cedo",
    "hora",
    "horas",
    "dia",
    "dias",
    "semana",
    "último",
    "última",
    "heute",
    "morgen",
    "gestern",
    "nacht",
    "été",
    "sera",
    "grupo",
    "grupos",
    "viagem",
    "pequeno",
    "später",
    "früher",
  ].map(fold),
);
// English contractions once the apostrophe is gone (tokenise.ts joins "don't" into "dont").
const CONTRACTIONS = [
  "dont",
  "doesnt",
  "didnt",
  "cant",
  "couldnt",
  "wont",
  "wouldnt",
  "isnt",
  "arent",
  "wasnt",
  "im",
  "ive",
  "youre",
  "theyre",
  "were",
  "weve",
  "youll",
  "well",
];

function folded(list: readonly string[]): Set<string> {
  return new Set(list.map(fold).filter((word) => !CONTENT_WORDS.has(word)));
}

interface StopWords {
  byLanguage: Record<Language, Set<string>>;
  all: Set<string>;
}

// Folded on first use, not at load: a server's start does not need some 2,000 words folded.
let stopWords: StopWords | undefined;

function lists(): StopWords {
  if (stopWords) return stopWords;
  const byLanguage: Record<Language, Set<string>> = {
    en: folded([...eng, ...CONTRACTIONS]),
    es: folded(spa),
    fr: folded(fra),
    de: folded(deu),
    pt: folded([...por, ...porBr]),
    it: folded(ita),
  };
  stopWords = { byLanguage, all: new Set(LANGUAGES.flatMap((language) => [...byLanguage[language]])) };
  return stopWords;
}

/**
 * A folded word that says nothing in any of the six languages ("the", "und", "pour", "che"). The
 * lists are merged: a query's language is not known, and a word skipped in one language but
 * meaningful in another costs less than a thread full of "die" matching "the die was cast".
 */
export function isStopWord(foldedWord: string): boolean {
  return lists().all.has(foldedWord);
}

/**
 * The language a text's folded words are most likely in, by its stop-words, or undefined when it
 * has too few of them to tell (a name, a short query) or two languages tie.
 */
export function guessLanguage(foldedWords: readonly string[]): Language | undefined {
  const { byLanguage } = lists();
  const counts = LANGUAGES.map((language) => ({
    language,
    hits: foldedWords.filter((word) => byLanguage[language].has(word)).length,
  })).sort((a, b) => b.hits - a.hits);
  const [best, second] = counts;
  if (best === undefined || best.hits < 2 || best.hits === second?.hits) return undefined;
  return best.language;
}
