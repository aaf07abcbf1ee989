// The one builder every answer goes through: the cap holds the text and its twin together, the next
// call is written once and agrees with the twin, and an empty page says what its formatter gave.
import { describe, expect, it } from "vitest";
import { type ListView, plainListPage } from "../../src/format/list-pages.js";
import { buildResponse, type Call, type Item, type Page } from "../../src/format/response.js";
import { formatThreadList } from "../../src/format/thread-list.js";
import { conversation, NOW } from "../fixtures.js";

const more = (offset: number): Call => ({ label: "more", tool: "list_things", args: { offset } });

/** Items of `blockChars` text each, whose records are `recordChars` of JSON each. */
function items(count: number, blockChars: number, recordChars: number): Item<string>[] {
  return Array.from({ length: count }, (_, index) => ({
    block: `${index}`.padEnd(blockChars, "."),
    record: "r".repeat(recordChars - 3),
  }));
}

function page(overrides: Partial<Page<string, string[]>>): Page<string, string[]> {
  return {
    items: [],
    empty: "Nothing here.",
    noun: "thing",
    cutFrom: "end",
    head: ({ items: shown }) => [`Things 1-${shown.length}`],
    foot: () => ["a note"],
    next: ({ items: shown, cut }) => (cut > 0 ? more(shown.length) : undefined),
    twin: ({ items: shown }) => shown.map((item) => item.record),
    maxChars: 1_000,
    ...overrides,
  };
}

describe("buildResponse", () => {
  it("cuts the page until the twin fits too, when the text alone would fit whole", () => {
    // 20 blocks of 10 characters fit the text; 20 records of 100 do not fit the twin.
    const answer = buildResponse(page({ items: items(20, 10, 100) }));
    const twin = JSON.stringify(answer.structured);
    expect(twin.length).toBeLessThanOrEqual(1_000);
    expect(answer.text.length).toBeLessThanOrEqual(1_000);
    expect(answer.kept.items).toHaveLength(9);
    expect(answer.structured).toHaveLength(9);
    // One more would not fit: the most that fit, not merely some.
    expect(JSON.stringify([...(answer.structured ?? []), "r".repeat(97)]).length).toBeGreaterThan(1_000);
    expect(answer.text).toContain("11 more things were left out to keep this under 1,000 characters;");
  });

  it("cuts the page until the text fits, and the twin shows the same items", () => {
    const answer = buildResponse(page({ items: items(20, 100, 10) }));
    expect(answer.text.length).toBeLessThanOrEqual(1_000);
    expect(answer.structured).toHaveLength(answer.kept.items.length);
    expect(answer.kept.items.length).toBeLessThan(20);
  });

  it("keeps the newest items when the page is cut from its start, and says how many older ones", () => {
    const answer = buildResponse(page({ items: items(20, 100, 10), cutFrom: "start", next: undefined }));
    expect(answer.kept.first + answer.kept.items.length).toBe(20);
    expect(answer.text).toContain(
      `${answer.kept.first} older things were left out to keep this under 1,000 characters.`,
    );
  });

  it("writes the next call once, as the last line, after the note of what was left out and the foot", () => {
    const answer = buildResponse(page({ items: items(30, 50, 10) }));
    const lines = answer.text.split("\n");
    const shown = answer.kept.items.length;
    expect(lines.at(-1)).toBe(`more: list_things offset=${shown}`);
    expect(lines.at(-2)).toBe("a note");
    expect(lines.at(-3)).toMatch(/^\d+ more things were left out/);
    expect(lines.filter((line) => line.startsWith("more:"))).toHaveLength(1);
  });

  it("gives the thread list's next offset to its more: line and its twin alike", () => {
    const threads = Array.from({ length: 40 }, (_, index) => conversation({ guest_name: `Guest ${index}` }));
    const list = formatThreadList({
      threads,
      records: threads.map(() => "x".repeat(900)),
      now: NOW,
      heading: (shown) => `Conversations 11-${10 + shown}`,
      empty: "unused",
      more: { label: "more", tool: "list_conversations", args: { offset: undefined, limit: 40 } },
      after: 50,
      total: null,
      offset: 10,
      limit: 40,
    });
    expect(list.shown).toBeLessThan(40);
    expect(list.structured).toMatchObject({ has_more: true, next_offset: 10 + list.shown });
    // The offset keeps the place the call gave it, before the limit.
    expect(list.text.split("\n").at(-1)).toBe(`more: list_conversations offset=${10 + list.shown} limit=40`);
    expect(list.text.match(/^more: /gm)).toHaveLength(1);
  });

  it("answers an empty page with its text and the twin of nothing", () => {
    const answer = buildResponse(page({ items: [] }));
    expect(answer.text).toBe("Nothing here.");
    expect(answer.structured).toEqual([]);
    expect(answer.kept).toEqual({ first: 0, items: [], cut: 0 });
  });

  it("writes list_conversations' empty page in format/, with the hint and no next offset", () => {
    const view: ListView = {
      label: "Conversations",
      emptyHint: "Try fewer filters.",
      more: { label: "more", tool: "list_conversations", args: { offset: undefined } },
      same: { label: "", tool: "list_conversations", args: {} },
    };
    const info = { total: 40, offset: 40, limit: 20, has_more: false, next_offset: null };
    const answer = plainListPage({
      view,
      threads: [],
      info,
      offset: 40,
      limit: 20,
      now: NOW,
      timeZone: "UTC",
    });
    expect(answer.text).toBe("Conversations: none at offset 40.\nTry fewer filters.");
    expect(answer.structured).toEqual({
      total: 40,
      offset: 40,
      limit: 20,
      has_more: false,
      next_offset: null,
      threads: [],
    });
  });

  it("shrinks an item left alone and still too long, in the text and the twin", () => {
    const shrinking = (size: number): Item<string> => ({
      block: "b".repeat(size),
      record: "r".repeat(size),
      shrink: size > 100 ? (excess) => shrinking(size - excess) : undefined,
    });
    const answer = buildResponse(page({ items: [shrinking(5_000)], next: undefined }));
    expect(answer.text.length).toBeLessThanOrEqual(1_000);
    expect(JSON.stringify(answer.structured).length).toBeLessThanOrEqual(1_000);
  });
});
