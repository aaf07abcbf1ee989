// Inputs accept what outputs print (issue 11, §5): a channel or status in any case, a channel the
// API sent but refuses as a filter, and a thread id pasted in upper case, with spaces or in braces.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectRefused, type Harness, shortId, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

/** Thread lines of a result: those that start with a thread id. */
function threadLines(text: string): string[] {
  return text.split("\n").filter((line) => /^[0-9a-f]{8}[0-9a-f-]*\|/.test(line));
}

describe("channel and status in any case", () => {
  it("sends channel=email to Hostel Mate as EMAIL", async () => {
    const result = await harness.call("list_conversations", { channel: "email", limit: 5 });
    expect(result.isError).toBeFalsy();
    expect(harness.sandbox.requests.map((request) => request.query.channel)).toEqual(["EMAIL"]);
    expect(threadLines(textOf(result)).every((line) => line.split("|")[2] === "EMAIL")).toBe(true);
    expect(textOf(result)).toMatch(/channel="EMAIL"$/);
  });

  it("filters status=Archived like ARCHIVED", async () => {
    const mixed = textOf(await harness.call("list_conversations", { status: "Archived" }));
    harness.sandbox.reset();
    const upper = textOf(await harness.call("list_conversations", { status: "ARCHIVED" }));
    expect(mixed).toBe(upper);
    expect(threadLines(mixed).length).toBeGreaterThan(0);
  });

  it("takes a channel in any case in search_conversations", async () => {
    const result = await harness.call("search_conversations", { query: "towel", channel: " Booking_Com " });
    expect(result.isError).toBeFalsy();
    expect(harness.sandbox.requests.some((request) => request.query.channel === "BOOKING_COM")).toBe(true);
  });

  it("refuses a channel that is no channel name, saying what one is", async () => {
    await expectRefused(
      harness,
      "list_conversations",
      { channel: "VR BO" },
      /channel must be one of EMAIL.*letters, digits/,
    );
    await expectRefused(
      harness,
      "list_conversations",
      { status: "closed" },
      /status must be one of OPEN, ARCHIVED/,
    );
  });
});

describe("a channel the API sends but does not take as a filter", () => {
  it("lists VRBO threads by filtering here, and says so", async () => {
    harness.sandbox.faults.drift = true;
    const all = textOf(await harness.call("list_conversations", { limit: 100 }));
    const vrbo = threadLines(all).filter((line) => line.split("|")[2] === "VRBO");
    expect(vrbo.length).toBeGreaterThan(0);
    harness.sandbox.requests.length = 0;

    const result = await harness.call("list_conversations", { channel: "vrbo", limit: 100 });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    // Hostel Mate refuses channel=VRBO with 400: it is never sent.
    expect(harness.sandbox.requests.every((request) => request.query.channel === undefined)).toBe(true);
    expect(text.split("\n")[0]).toContain("channel VRBO (filtered by this server");
    expect(threadLines(text)).toEqual(vrbo);
  });

  it("searches within VRBO threads the same way", async () => {
    harness.sandbox.faults.drift = true;
    const result = await harness.call("search_conversations", { query: "the", channel: "VRBO", snippets: 0 });
    expect(result.isError).toBeFalsy();
    expect(harness.sandbox.requests.every((request) => request.query.channel === undefined)).toBe(true);
    for (const line of threadLines(textOf(result))) expect(line.split("|")[2]).toBe("VRBO");
  });
});

describe("a thread id as pasted", () => {
  async function firstThread(): Promise<{ id: string; booking: string }> {
    const thread = harness.sandbox.threads[0];
    if (!thread?.booking_id) throw new Error("the seed has a thread with a booking");
    return { id: thread.id, booking: thread.booking_id };
  }

  it("reads the same thread for an id in upper case, with spaces or in braces", async () => {
    const { id } = await firstThread();
    const plain = textOf(await harness.call("get_messages", { thread_id: id }));
    for (const pasted of [id.toUpperCase(), `  ${id} `, `{${id.toUpperCase()}}`, ` { ${id} } `]) {
      harness.sandbox.reset();
      const result = await harness.call("get_messages", { thread_id: pasted });
      expect(result.isError, pasted).toBeFalsy();
      expect(textOf(result)).toBe(plain);
    }
  });

  it("takes a booking id the same way", async () => {
    const { booking } = await firstThread();
    const result = await harness.call("list_conversations", { booking_id: `{${booking.toUpperCase()}}` });
    expect(result.isError).toBeFalsy();
    expect(harness.sandbox.requests.map((request) => request.query.booking_id)).toEqual([booking]);
  });

  it("reads the resource and drafts the prompt for such an id", async () => {
    const { id } = await firstThread();
    const plain = await harness.client.readResource({ uri: `hostelmate://conversations/${id}` });
    const upper = await harness.client.readResource({
      uri: `hostelmate://conversations/${encodeURIComponent(`{${id.toUpperCase()}}`)}`,
    });
    const texts = (read: typeof plain) => read.contents.map((part) => ("text" in part ? part.text : ""));
    expect(texts(upper)).toEqual(texts(plain));
    const prompt = await harness.client.getPrompt({
      name: "draft_guest_reply",
      arguments: { thread_id: ` {${id.toUpperCase()}} ` },
    });
    expect(JSON.stringify(prompt.messages)).toContain(`Thread ${shortId(id)}|`);
  });

  it("still refuses what is no id, saying what one looks like", async () => {
    await expectRefused(
      harness,
      "get_messages",
      { thread_id: "{not-an-id}" },
      /thread_id must be a conversation id like/,
    );
    await expectRefused(
      harness,
      "get_messages",
      { thread_id: "{{a1b2c3d4-e5f6-7890-abcd-ef1234567890}}" },
      /thread_id must be/,
    );
  });
});
