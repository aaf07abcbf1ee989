// Folding, tokenising and stemming in the six languages: each example fails a naive
// `text.toLowerCase().split(/\W+/)`, which splits "Théo" at the é and keeps "Müller" unlike "Muller".
import { describe, expect, it } from "vitest";
import { analyse } from "../../src/text/analyse.js";
import { fold } from "../../src/text/fold.js";
import { withinOneEdit } from "../../src/text/fuzzy.js";
import { guessLanguage, isStopWord } from "../../src/text/languages.js";
import { containsPhrase, sameWord } from "../../src/text/match.js";
import { stems } from "../../src/text/stem.js";
import { tokenise } from "../../src/text/tokenise.js";

const naive = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);

/** Whether two words meet after analysis, as the search will test them. */
function meet(a: string, b: string): boolean {
  const [x] = analyse(a);
  const [y] = analyse(b);
  return x !== undefined && y !== undefined && sameWord(x, y);
}

describe("fold", () => {
  it.each([
    ["Théo", "theo"],
    ["Müller", "muller"],
    ["Straße", "strasse"],
    ["Øresund", "oresund"],
    ["Ærø", "aero"],
    ["Œuvre", "oeuvre"],
    ["ÉLODIE", "elodie"],
    ["José Ángel", "jose angel"],
    ["ﬁle", "file"],
  ])("%s → %s", (written, folded) => {
    expect(fold(written)).toBe(folded);
  });

  it("keeps the letters of other scripts", () => {
    expect(fold("נועה לוי")).toBe("נועה לוי");
    expect(fold("Ελένη")).toBe("ελενη");
  });
});

describe("tokenise", () => {
  it.each([
    ["L'arrivée de Théo", ["arrivee", "de", "theo"]],
    ["J’ai oublié mon chargeur", ["ai", "oublie", "mon", "chargeur"]],
    ["un'altra cosa dell'albergo", ["altra", "cosa", "albergo"]],
    ["Sarah's locker", ["sarah", "locker"]],
    ["Liam O'Connor", ["liam", "oconnor"]],
    ["¿Habéis encontrado las gafas?", ["habeis", "encontrado", "las", "gafas"]],
    ["Schließfächer für Zoë", ["schliessfacher", "fur", "zoe"]],
    ["Check-in 15:00, Zoë, HW-58213377", ["check", "in", "15", "00", "zoe", "hw", "58213377"]],
  ])("%s", (text, words) => {
    expect(tokenise(text)).toEqual(words);
    expect(naive(text)).not.toEqual(words);
  });
});

describe("stop-words", () => {
  it("drops those of all six languages but keeps what a guest writes about", () => {
    const kept = analyse("Die Gruppe und the group, le groupe et il gruppo, o quarto à tarde").map(
      (t) => t.word,
    );
    expect(kept).toEqual(["gruppe", "group", "groupe", "gruppo", "quarto", "tarde"]);
    expect(isStopWord("heute")).toBe(false);
  });

  it("keeps them, marked, when asked, so a phrase keeps its place", () => {
    const terms = analyse("late check-in", { keepStopWords: true });
    expect(terms.map((t) => [t.word, t.stop ?? false])).toEqual([
      ["late", false],
      ["check", false],
      ["in", true],
    ]);
  });
});

describe("stemming", () => {
  it.each([
    // Each pair differs as written and meets after stemming.
    ["en", "towels", "towel"],
    ["en", "arriving", "arrival"],
    ["es", "llegaré", "llegada"],
    ["es", "habitación", "habitacion"],
    ["es", "toallas", "toalla"],
    ["fr", "remboursée", "remboursement"],
    ["fr", "annulation", "annuler"],
    ["de", "Handtücher", "Handtuch"],
    ["de", "Schließfächer", "Schliessfach"],
    ["pt", "toalhas", "toalha"],
    ["pt", "cancelamento", "cancelar"],
    ["it", "asciugamani", "asciugamano"],
    ["it", "cancellazione", "cancellare"],
  ])("%s: %s meets %s", (_language, a, b) => {
    expect(naive(a)).not.toEqual(naive(b));
    expect(meet(a, b)).toBe(true);
  });

  it("matches whole words only: late is not plate, nor later a stem of plate", () => {
    expect(meet("late", "plate")).toBe(false);
    expect(meet("plates", "late")).toBe(false);
    expect(meet("pass", "password")).toBe(false);
  });

  it("leaves numbers, codes and other scripts as written", () => {
    expect(stems("58213377")).toEqual(["58213377"]);
    expect(stems("נועה")).toEqual(["נועה"]);
  });

  it("reads a message in its guessed language when asked", () => {
    expect(
      guessLanguage(tokenise("Hola, ¿el precio incluye el desayuno? En la reserva no queda claro.")),
    ).toBe("es");
    expect(guessLanguage(tokenise("Hallo, ist ein später Check-out am Sonntag möglich?"))).toBe("de");
    expect(guessLanguage(tokenise("Zoë Müller"))).toBeUndefined();
    const [desayuno] = analyse("desayuno", { languages: ["es"] });
    expect(desayuno?.stems).toEqual(["desayun"]);
  });
});

describe("phrases and typos", () => {
  it("finds a phrase at consecutive positions only", () => {
    const text = analyse("I will be arriving late, after the check-in desk closes", { keepStopWords: true });
    expect(containsPhrase(text, analyse("arriving late", { keepStopWords: true }))).toBe(true);
    expect(containsPhrase(text, analyse("late check-in", { keepStopWords: true }))).toBe(false);
    expect(containsPhrase(text, analyse("check in", { keepStopWords: true }))).toBe(true);
  });

  it("allows one edit in a name of five letters or more", () => {
    expect(withinOneEdit("whitakar", "whitaker")).toBe(true);
    expect(withinOneEdit("hofmann", "hoffmann")).toBe(true);
    expect(withinOneEdit("guilia", "giulia")).toBe(true);
    expect(withinOneEdit("lindquist", "lindqvist")).toBe(true);
    expect(withinOneEdit("whitker", "whitaker")).toBe(true);
    expect(withinOneEdit("whitakre", "whitaker")).toBe(true);
    expect(withinOneEdit("hofman", "hoffmann")).toBe(false);
    expect(withinOneEdit("ryan", "ryad")).toBe(false);
    expect(withinOneEdit("lena", "lina")).toBe(false);
  });
});
