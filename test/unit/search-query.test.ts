import { describe, expect, it } from "vitest";
import { excerpt } from "../../src/format/snippets.js";
import { parseQuery, singular } from "../../src/search/query.js";
import { findSnippets } from "../../src/search/snippets.js";
import { message } from "../fixtures.js";

describe("parseQuery", () => {
  it("keeps quoted phrases whole and splits the rest into words without stop-words", () => {
    expect(parseQuery('"late check-in" for Müller tonight')).toEqual({
      phrases: ["late check-in"],
      terms: ["müller", "tonight"],
      dropped: [],
    });
    expect(parseQuery("Wer hat nach den Handtüchern gefragt").dropped).toEqual(["wer", "hat", "nach", "den"]);
  });

  it("drops stop-words and search words in six languages", () => {
    // "guest" says who wrote, not what about: "the guest who asked about breakfast" is about breakfast.
    expect(parseQuery("the guest who asked about breakfast").terms).toEqual(["breakfast"]);
    expect(parseQuery("who asked about towels this week?").terms).toEqual(["towel", "week"]);
    expect(parseQuery("¿Quién preguntó por las toallas?").terms).toEqual(["preguntó", "toalla"]);
    expect(parseQuery("Wer hat nach den Handtüchern gefragt").terms).toEqual(["handtüchern", "gefragt"]);
    expect(parseQuery("la serviette de la chambre").terms).toEqual(["serviette", "chambre"]);
    expect(parseQuery("gli asciugamani della camera").terms).toEqual(["asciugamani", "camera"]);
    expect(parseQuery("as toalhas da cozinha").terms).toEqual(["toalha", "cozinha"]);
  });

  it("also tries a short unquoted query as a phrase", () => {
    expect(parseQuery("late bus")).toEqual({ phrases: ["late bus"], terms: ["late", "bus"], dropped: [] });
    expect(parseQuery("the German group about the late bus").phrases).toEqual([]);
  });

  it("accepts curly and angle quotes and keeps numbers that identify things", () => {
    expect(parseQuery("“broken locker” room 31").phrases).toEqual(["broken locker"]);
    expect(parseQuery("«petit déjeuner»").phrases).toEqual(["petit déjeuner"]);
    expect(parseQuery("HW-58213377").terms).toEqual(["hw-58213377"]);
    expect(parseQuery("room 31").terms).toEqual(["room", "31"]);
  });

  it("reads single quotes around words as a phrase, and never keeps a quote or dash on a word", () => {
    expect(parseQuery("'towels'")).toEqual({ phrases: ["towels"], terms: [], dropped: [] });
    expect(parseQuery("'wifi password'").phrases).toEqual(["wifi password"]);
    expect(parseQuery("‘late bus’").phrases).toEqual(["late bus"]);
    expect(parseQuery("towel-").terms).toEqual(["towel"]);
    expect(parseQuery("rooms' towels").terms).toEqual(["room", "towel"]);
  });

  it("finds words with an apostrophe in either spelling, straight or curly", () => {
    expect(parseQuery("doesn’t").terms).toEqual(["doesn"]);
    expect(parseQuery("doesn't").terms).toEqual(["doesn"]);
    expect(parseQuery("Sarah’s locker").terms).toEqual(["sarah", "locker"]);
    expect(parseQuery("can't check in").phrases).toEqual(["can't check in", "can’t check in"]);
  });

  it("leaves contractions of short or common words to the phrase around them", () => {
    expect(parseQuery("guest can't open locker").terms).toEqual(["open", "locker"]);
    expect(parseQuery("shower won't drain").terms).toEqual(["shower", "drain"]);
    expect(parseQuery("it's cold").terms).toEqual(["cold"]);
    expect(parseQuery("rock 'n' roll").phrases).not.toContain("n");
  });

  it("keeps a capitalised word whole beside its stem, since it may be a name", () => {
    expect(parseQuery("Hans").terms).toEqual(["hans", "han"]);
    expect(parseQuery("Ines Costa").terms).toEqual(["ines", "ine", "costa"]);
    expect(parseQuery("towels").terms).toEqual(["towel"]);
  });

  it("keeps words that are stop-words only in another language, and a number after a word", () => {
    expect(parseQuery("quarto tarde")).toEqual({
      phrases: ["quarto tarde"],
      terms: ["quarto", "tarde"],
      dropped: [],
    });
    expect(parseQuery("heute morgen").terms).toEqual(["heute", "morgen"]);
    expect(parseQuery("room 5")).toEqual({ phrases: ["room 5"], terms: ["room"], dropped: ["5"] });
  });

  it("searches what was written when it is nothing but stop-words", () => {
    expect(parseQuery("The")).toEqual({ phrases: ["the"], terms: [], dropped: [] });
  });

  it("trims English plurals so a substring search finds both forms", () => {
    expect(["towels", "lockers", "buses", "boxes", "class", "bus", "wifi", "3rds"].map(singular)).toEqual([
      "towel",
      "locker",
      "bus",
      "box",
      "class",
      "bus",
      "wifi",
      "3rds",
    ]);
  });
});

describe("snippets", () => {
  it("marks every match and starts near the first one", () => {
    const text = `${"Intro words here. ".repeat(20)}Do you rent a Towel? Two towels please.`;
    const cut = excerpt(text, ["towel"]);
    expect(cut.startsWith("…")).toBe(true);
    expect(cut).toContain("rent a **Towel**? Two **towel**s please.");
  });

  it("keeps guest quotes and bold marks from breaking the excerpt", () => {
    expect(excerpt('He said "**free towel**"', ["towel"])).toBe("He said '*free **towel***'");
  });

  it("picks the messages matching most words, newest first, with one message either side", () => {
    const thread = [
      message({ content: "hello" }),
      message({ content: "the bus is late" }),
      message({ content: "ok" }),
      message({ content: "late again" }),
      message({ content: "bye" }),
      message({ content: "the late bus, again" }),
    ];
    const lines = findSnippets(thread, ["late", "bus"]);
    expect(lines.map((line) => [line.role, line.message.content])).toEqual([
      ["context", "hello"],
      ["match", "the bus is late"],
      ["context", "ok"],
      ["context", "bye"],
      ["match", "the late bus, again"],
    ]);
  });
});
