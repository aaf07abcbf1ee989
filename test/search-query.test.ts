import { describe, expect, it } from "vitest";
import { parseQuery, singular } from "../src/search/query.js";
import { excerpt, findSnippets } from "../src/search/snippets.js";
import { message } from "./fixtures.js";

describe("parseQuery", () => {
  it("keeps quoted phrases whole and splits the rest into words without stop-words", () => {
    expect(parseQuery('"late check-in" for Müller tonight')).toEqual({
      phrases: ["late check-in"],
      terms: ["müller", "tonight"],
      dropped: ["for"],
    });
  });

  it("drops stop-words and search words in six languages", () => {
    expect(parseQuery("who asked about towels this week?").terms).toEqual(["towel", "week"]);
    expect(parseQuery("¿Quién preguntó por las toallas?").terms).toEqual(["quién", "preguntó", "toalla"]);
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
