// The topic table and the query expansion over it: alternatives widen a search, never narrow it.
import { describe, expect, it } from "vitest";
import { seedThreads } from "../../src/sandbox/seed-threads.js";
import { expandQuery, type QueryGroup } from "../../src/search/expand.js";
import { TOPICS } from "../../src/search/topics.js";
import { analyse } from "../../src/text/analyse.js";
import { LANGUAGES } from "../../src/text/languages.js";
import { containsPhrase } from "../../src/text/match.js";
import { loadQueries } from "../search-queries.js";

/** Whether a text holds any alternative of the group. */
function found(group: QueryGroup | undefined, text: string): boolean {
  const words = analyse(text, { keepStopWords: true });
  return group?.alternatives.some((alternative) => containsPhrase(words, alternative.terms)) ?? false;
}

describe("the topic table", () => {
  it("has every topic the issue names, with words in each of the six languages", () => {
    expect(TOPICS.map((topic) => topic.id)).toEqual(
      expect.arrayContaining([
        "arrival time",
        "check-in/out",
        "luggage",
        "towels and sheets",
        "breakfast",
        "lockers",
      ]),
    );
    expect(TOPICS).toHaveLength(17);
    for (const topic of TOPICS)
      for (const language of LANGUAGES) expect(topic.terms[language].length).toBeGreaterThan(0);
  });

  it("has no entry that is only stop-words, nor a single word shorter than three letters", () => {
    for (const topic of TOPICS)
      for (const entry of LANGUAGES.flatMap((language) => topic.terms[language])) {
        const words = analyse(entry, { keepStopWords: true });
        expect(
          words.some((word) => !word.stop),
          entry,
        ).toBe(true);
        if (words.length === 1) expect(words[0]?.word.length, entry).toBeGreaterThanOrEqual(3);
      }
  });

  it("keeps common words only inside phrases, as written or stemmed", () => {
    // "bedding" was an entry: Porter stems it to "bed", which every dorm thread has.
    const single = TOPICS.flatMap((topic) =>
      LANGUAGES.flatMap((language) =>
        topic.terms[language].map((entry) => ({
          entry,
          words: analyse(entry, { languages: [language], keepStopWords: true }),
        })),
      ),
    ).filter(({ words }) => words.length === 1);
    for (const common of ["late", "early", "room", "check", "bed", "way", "night", "day", "stay"])
      for (const { entry, words } of single) {
        expect(words[0]?.word, entry).not.toBe(common);
        expect(words[0]?.stems, entry).not.toContain(common);
      }
  });
});

describe("expandQuery", () => {
  it("finds a topic across languages", () => {
    const [towels] = expandQuery("towels");
    expect(towels?.topics).toEqual(["towels and sheets"]);
    for (const text of [
      "¿Tenéis toallas?",
      "Gibt es Handtücher?",
      "Des serviettes ?",
      "toalhas",
      "asciugamani",
    ])
      expect(found(towels, text), text).toBe(true);
    const [breakfast] = expandQuery("breakfast");
    for (const text of ["desayuno", "Frühstück", "le petit-déjeuner", "pequeno-almoço", "la colazione"])
      expect(found(breakfast, text), text).toBe(true);
  });

  it("keeps whole words: late pulls in neither plate nor the parking topic", () => {
    const groups = expandQuery("arriving late");
    expect(groups.flatMap((group) => group.topics)).not.toContain("parking");
    const late = expandQuery("late");
    expect(late).toHaveLength(1);
    expect(late[0]?.topics).toEqual([]);
    expect(found(late[0], "The number plate is AB-12-CD")).toBe(false);
    expect(found(late[0], "we arrive late")).toBe(true);
  });

  it("widens and never narrows: a synonym of a topic asked for joins its group", () => {
    const one = expandQuery("towels");
    for (const query of ["towels toallas", "towels OR toallas", "towels, Handtücher, serviettes"]) {
      const more = expandQuery(query);
      expect(more, query).toHaveLength(one.length);
      const texts = new Set(
        more.flatMap((group) => group.alternatives.map((alternative) => alternative.text)),
      );
      for (const alternative of one.flatMap((group) => group.alternatives))
        expect(texts.has(alternative.text)).toBe(true);
    }
  });

  it("keeps every word as written among its group's alternatives", () => {
    for (const { query } of loadQueries())
      for (const group of expandQuery(query))
        expect(group.alternatives[0]?.text, query).toBe(group.written.split(" / ")[0]);
  });

  it("a word of two topics is widened by both", () => {
    const [group] = expandQuery("late check-out");
    expect(group?.topics).toContain("check-in/out");
    const [checkIn] = expandQuery("check-in");
    expect(checkIn?.topics).toEqual(["check-in/out"]);
  });

  it("drops the words about the search itself", () => {
    const groups = expandQuery("the guest who asked about breakfast");
    expect(groups.map((group) => group.written)).toEqual(["breakfast"]);
  });
});

describe("the labelled query set", () => {
  it("names only threads of the seed, and has at least 60 queries of each kind asked for", () => {
    const keys = new Set(seedThreads.map((thread) => thread.key));
    const queries = loadQueries();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const query of queries) {
      expect(query.expected.length, query.query).toBeGreaterThan(0);
      for (const key of query.expected) expect(keys.has(key), `${query.query}: ${key}`).toBe(true);
    }
    const languages = new Set(queries.filter((query) => query.kind === "topic").map((query) => query.lang));
    expect([...languages].sort()).toEqual([...LANGUAGES].sort());
    for (const kind of ["name-without-accents", "first-name", "surname", "typo", "question"])
      expect(
        queries.some((query) => query.kind === kind),
        kind,
      ).toBe(true);
  });
});
