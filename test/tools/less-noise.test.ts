// Less noise (issue 11, §6): a search says each thing once, an empty filtered result says where the
// data ends, and the structured twin repeats nothing and stays under twice the text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const LEGEND = "▸ matching message";

function lineOf(text: string, guest: string): string {
  const line = text.split("\n").find((row) => row.split("|")[1] === guest);
  if (!line) throw new Error(`no line for ${guest} in:\n${text}`);
  return line;
}

describe("search says each thing once", () => {
  it("leaves the last message off a thread's line when the quote below shows it", async () => {
    const text = textOf(await harness.call("search_conversations", { query: "towel" }));
    // Margaret Hale's last message is quoted as context under her line.
    const margaret = lineOf(text, "Margaret Hale");
    expect(margaret).toMatch(/NEEDS REPLY 11-24 14:40 \(\d+h ago\)$/);
    expect(text.match(/Dear Rita, I appreciate the reply/g)).toHaveLength(1);
    // Katrin Vogel's last message is not among the quotes: her line still previews it.
    expect(lineOf(text, "Katrin Vogel")).toContain('"Hello Katrin, No problem');
    expect(text.split("\n")[0]).toContain(LEGEND);
  });

  it("gives no legend for quotes when none are shown", async () => {
    const text = textOf(await harness.call("search_conversations", { query: "towel", snippets: 0 }));
    expect(text).not.toContain(LEGEND);
    expect(lineOf(text, "Margaret Hale")).toContain('"Dear Rita, I appreciate the reply');
  });

  it("does not advise narrowing by channel when channel is set", async () => {
    const unset = textOf(
      await harness.call("search_conversations", { query: "towel", limit: 1, snippets: 0 }),
    );
    expect(unset).toContain("or filter by channel, status, needs_reply or since.");
    const set = textOf(
      await harness.call("search_conversations", { query: "towel", channel: "EMAIL", limit: 1, snippets: 0 }),
    );
    expect(set).toContain(
      'narrow: add words, put an exact phrase in "quotes", or filter by status, needs_reply or since.',
    );
  });
});

describe("an empty filtered result says where the data ends", () => {
  const NEWEST = "The newest activity in the inbox is 2026-11-24 17:54 UTC";

  it("in a dated list, from the threads it read, with no request more", async () => {
    const text = textOf(await harness.call("list_conversations", { since: "2026-12-01" }));
    expect(text).toContain(NEWEST);
    expect(harness.sandbox.requests).toHaveLength(1);
  });

  it("in a list narrowed by channel, with one request for the inbox's newest thread", async () => {
    const text = textOf(await harness.call("list_conversations", { channel: "EMAIL", since: "2026-12-01" }));
    expect(text).toContain(NEWEST);
    expect(harness.sandbox.requests.map((request) => request.query)).toEqual([
      { channel: "EMAIL", limit: "100", offset: "0" },
      { limit: "1", offset: "0" },
    ]);
  });

  it("in a dated search", async () => {
    const text = textOf(await harness.call("search_conversations", { query: "towel", since: "2026-12-01" }));
    expect(text).toContain(NEWEST);
  });

  it("is not said under an unfiltered page, which has no filter to blame", async () => {
    const plain = textOf(await harness.call("list_conversations", { offset: 10_000 }));
    expect(plain).not.toContain("newest activity");
  });
});

describe("structuredContent", () => {
  function nulls(value: unknown, path = ""): string[] {
    if (value === null) return [path];
    if (typeof value !== "object") return [];
    return Object.entries(value as object).flatMap(([key, field]) => nulls(field, `${path}.${key}`));
  }

  it("carries no nulls and no field that another one gives", async () => {
    for (const [tool, args] of [
      ["list_conversations", { limit: 50 }],
      ["search_conversations", { query: "towel" }],
    ] as const) {
      const structured = (await harness.call(tool, args)).structuredContent as {
        threads: Record<string, unknown>[];
      };
      expect(nulls(structured)).toEqual([]);
      for (const thread of structured.threads) {
        expect(thread).not.toHaveProperty("needs_reply");
        if (thread.unread_count !== undefined) expect(thread).not.toHaveProperty("is_read");
        const last = thread.last_message as Record<string, unknown> | undefined;
        if (last) expect(thread).not.toHaveProperty("created_at");
        if (last && thread.last_from) {
          expect(last).not.toHaveProperty("direction");
          expect(last).not.toHaveProperty("source");
        }
        expect(thread.id).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });

  // Two and a half times: the twin keeps each id whole (36 characters) where the text prints 8.
  it("is under two and a half times the text for a 20-thread page", async () => {
    const result = await harness.call("list_conversations", { limit: 20 });
    expect(JSON.stringify(result.structuredContent).length / textOf(result).length).toBeLessThan(2.5);
  });
});
