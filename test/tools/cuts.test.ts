// Every place a text is cut (names, subjects, previews, long messages, search quotes, notes) must cut
// between characters, not inside one: half an emoji is a lone surrogate, which model APIs refuse
// ("no low surrogate in string"), and one such tool result fails every later turn of the chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedMessage, SeedThread } from "../../src/sandbox/seed-types.js";
import { clip, sliceWhole } from "../../src/text/text.js";
import { type Harness, startHarness, textOf } from "../helpers.js";

const EMOJI = "😀";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("cutting a text", () => {
  it("never splits a surrogate pair", () => {
    expect(sliceWhole(`ab${EMOJI}`, 3)).toBe("ab");
    expect(sliceWhole(`ab${EMOJI}`, 4)).toBe(`ab${EMOJI}`);
    expect(sliceWhole("abcd", 2)).toBe("ab");
    for (let max = 1; max < 12; max++) {
      const clipped = clip(`${"x".repeat(5)}${EMOJI}${EMOJI} tail of it`, max);
      expect(clipped, `max ${max}`).not.toMatch(LONE_SURROGATE);
    }
  });
});

describe("texts cut by the server, with an emoji at each cut", () => {
  const guest = (content: string, minutesAgo: number): SeedMessage => ({
    direction: "INBOUND",
    source: "GUEST",
    content,
    minutesAgo,
  });
  const seed: SeedThread[] = [
    {
      key: "emoji-at-cuts",
      channel: "EMAIL",
      // Each puts an emoji across the limit of what shows: name 60, subject 50, preview 100,
      // message 2,000 characters.
      guestName: `${"a".repeat(59)}${EMOJI}b`,
      subject: `${"s".repeat(49)}${EMOJI}tail`,
      guestEmail: "emoji@example.com",
      status: "OPEN",
      bookingKey: "emoji",
      createdMinutesAgo: 60,
      messages: [
        // The clip keeps the first 1,400 and the last 500 characters: an emoji across each cut.
        guest(`${"m".repeat(1399)}${EMOJI}${"m".repeat(200)}${EMOJI}${"n".repeat(492)} locker`, 30),
        guest(`${"p".repeat(99)}${EMOJI} more about the locker`, 10),
      ],
    },
  ];
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ seed });
  });
  afterAll(() => harness.close());

  const expectWhole = (result: Awaited<ReturnType<Harness["call"]>>) => {
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).not.toMatch(LONE_SURROGATE);
    expect(JSON.stringify(result.structuredContent)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  };

  it("keeps whole characters in the list, the transcript and the search", async () => {
    const list = await harness.call("list_conversations", {});
    expectWhole(list);
    expect(textOf(list)).toContain("a".repeat(20));
    const threadId = (list.structuredContent as { threads: { id: string }[] }).threads[0]?.id;
    const transcript = await harness.call("get_messages", { thread_id: threadId });
    expectWhole(transcript);
    expect(textOf(transcript)).toContain("characters left out; full_text=true shows all");
    expectWhole(await harness.call("search_conversations", { query: "locker" }));
  });
});
