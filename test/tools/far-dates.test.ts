// since/until far in the past or future, through the server: clamped to what Hostel Mate can hold,
// and said in the heading. Before, "99999999 days ago" was an internal error and "10000 years ago"
// was printed as the year 55822.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "../helpers.js";

describe("far dates through the server", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it.each([
    ["list_conversations", {}],
    ["search_conversations", { query: "towel" }],
  ])("%s reads far dates as the earliest and latest it can hold", async (tool, args) => {
    for (const since of ["99999999 days ago", "10000 years ago"]) {
      const result = await harness.call(tool, { ...args, since });
      const text = textOf(result);
      expect(result.isError, text).toBeFalsy();
      expect(text.split("\n")[0]).toContain("2000-01-01 00:00 → now UTC (since: clamped to 2000-01-01)");
      expect(text).not.toMatch(/55822|internal|unexpected/i);
    }
    const future = await harness.call(tool, { ...args, since: "yesterday", until: "in 10000 years" });
    expect(future.isError).toBeFalsy();
    expect(textOf(future).split("\n")[0]).toContain("(until: clamped to 2027-11-24)");
  });
});
