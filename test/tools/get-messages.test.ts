import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxThread } from "../../src/sandbox/dataset.js";
import { expectRefused, type Harness, shortId, startHarness, TEST_API_KEY, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ retryLimit: 1 });
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

function threadWhere(predicate: (thread: SandboxThread) => boolean): SandboxThread {
  const thread = harness.sandbox.threads.find(predicate);
  if (!thread) throw new Error("the seed has no such thread");
  return thread;
}

describe("get_messages", () => {
  it("shows a whole email thread as a transcript, with the reply signal", async () => {
    const thread = threadWhere(
      (t) => t.channel === "EMAIL" && t.messages.length >= 4 && t.messages.length < 20,
    );
    const result = await harness.call("get_messages", { thread_id: thread.id });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toMatchSnapshot();
    const lines = text.split("\n");
    expect(lines[0]).toContain(`Thread ${shortId(thread.id)}|`);
    expect(lines[1]).toMatch(/^(NEEDS REPLY: the guest has been waiting since|Answered: staff wrote last)/);
    const count = thread.messages.length;
    expect(lines[2]).toMatch(new RegExp(`^Messages 1-${count} of ${count} \\(newest\\) · oldest first`));
    // The messages, and beside them the thread's listing: its status (an archived thread needs no
    // reply), its subject and the booking's other threads.
    expect(harness.sandbox.requests.map((request) => [request.path, request.query])).toEqual([
      [`/api/v1/client/conversations/${thread.id}/messages`, { limit: "50", offset: "0" }],
      ["/api/v1/client/conversations", { booking_id: thread.booking_id, limit: "100", offset: "0" }],
    ]);
    const structured = result.structuredContent as {
      messages: Array<{ id: string }>;
      thread: { id: string };
    };
    expect(structured.thread.id).toBe(thread.id);
    expect(structured.messages.map((message) => message.id)).toEqual(
      thread.messages.map((message) => message.id),
    );
  });

  it("shows the newest messages of a long thread by default, in two requests for messages", async () => {
    const thread = threadWhere((t) => t.messages.length > 100);
    const total = thread.messages.length;
    const result = await harness.call("get_messages", { thread_id: thread.id });
    const lines = textOf(result).split("\n");
    expect(lines[2]).toMatch(new RegExp(`^Messages ${total - 49}-${total} of ${total} \\(newest\\)`));
    expect(lines.at(-1)).toBe(
      `older: get_messages thread_id="${shortId(thread.id)}" offset=${total - 100} limit=50`,
    );
    // The last page and the listing are read side by side: in either order.
    const queries = harness.sandbox.requests.map((request) => request.query);
    expect(queries).toHaveLength(3);
    expect(queries).toEqual(
      expect.arrayContaining([
        { limit: "50", offset: "0" },
        { booking_id: thread.booking_id, limit: "100", offset: "0" },
        { limit: "50", offset: String(total - 50) },
      ]),
    );
    const structured = result.structuredContent as {
      messages: Array<{ id: string }>;
      offset: number;
      older_offset: number;
    };
    expect(structured.messages.map((message) => message.id)).toEqual(
      thread.messages.slice(-50).map((m) => m.id),
    );
    expect(structured).toMatchObject({
      offset: total - 50,
      older_offset: total - 100,
      older_limit: 50,
    });
    // The newest page has no newer one: the key is left out, not null.
    expect(structured).not.toHaveProperty("newer_offset");
  });

  it("gives the same next call in structured content as in the text when messages were left out for size", async () => {
    const thread = threadWhere((t) => t.messages.length > 100);
    const result = await harness.call("get_messages", {
      thread_id: thread.id,
      offset: 0,
      limit: 100,
      full_text: true,
    });
    const text = textOf(result);
    const call =
      /^read them: get_messages thread_id="[0-9a-f]{8}[0-9a-f-]*" offset=(\d+) limit=(\d+) full_text=true$/m.exec(
        text,
      );
    const structured = result.structuredContent as {
      left_out: number;
      older_offset: number | null;
      older_limit: number | null;
      offset: number;
      messages: Array<{ id: string; content: string | null }>;
    };
    expect(structured.left_out).toBeGreaterThan(0);
    expect(call?.slice(1).map(Number)).toEqual([0, structured.left_out]);
    expect(structured).toMatchObject({ older_offset: 0, older_limit: structured.left_out });
    expect(structured.offset).toBe(structured.left_out);
    expect(structured.messages.map((message) => message.id)).toEqual(
      thread.messages.slice(structured.left_out, 100).map((message) => message.id),
    );
  });

  it("clips message content in structured content exactly as the text does", async () => {
    const thread = threadWhere((t) => t.messages.some((m) => m.content.length > 2_000));
    const result = await harness.call("get_messages", { thread_id: thread.id });
    const contents = (
      result.structuredContent as { messages: Array<{ content: string | null }> }
    ).messages.map((message) => message.content ?? "");
    const clipped = contents.filter((content) => content.includes("characters left out; full_text=true"));
    expect(clipped).toHaveLength(1);
    expect(clipped[0]?.length).toBeLessThan(2_200);
    // Every content is in the text, one ">" line per line of it.
    const text = textOf(result);
    for (const content of contents) {
      expect(text).toContain(
        content
          .split("\n")
          .map((line) => `>${line}`)
          .join("\n"),
      );
    }
  });

  it("keeps an explicit offset's plain meaning and offers both directions", async () => {
    const thread = threadWhere((t) => t.messages.length > 100);
    const total = thread.messages.length;
    const middle = textOf(
      await harness.call("get_messages", { thread_id: thread.id, offset: 10, limit: 5 }),
    ).split("\n");
    expect(middle[2]).toMatch(
      new RegExp(`^Messages 11-15 of ${total} \\(an older page; [^)]+\\) · oldest first`),
    );
    expect(middle.slice(-2)).toEqual([
      `older: get_messages thread_id="${shortId(thread.id)}" offset=5 limit=5`,
      `newer: get_messages thread_id="${shortId(thread.id)}" offset=15 limit=5`,
    ]);
    const first = textOf(await harness.call("get_messages", { thread_id: thread.id, offset: 0, limit: 5 }));
    expect(first).not.toContain("older:");
    // Each page, the newest messages for the thread's state, and the listing.
    expect(
      harness.sandbox.requests.filter((request) => request.path.endsWith("/messages")).map((r) => r.query),
    ).toEqual([
      { limit: "5", offset: "10" },
      { limit: "20", offset: String(total - 20) },
      { limit: "5", offset: "0" },
      { limit: "20", offset: String(total - 20) },
    ]);
  });

  it("shows the oldest page and says so when the API sends no pagination", async () => {
    harness.sandbox.faults.omitMessagesPagination = true;
    const thread = threadWhere((t) => t.messages.length > 100);
    const result = await harness.call("get_messages", { thread_id: thread.id, limit: 10 });
    const text = textOf(result);
    expect(text.split("\n")[2]).toMatch(/^Messages 1-10 · oldest first/);
    expect(text).toContain("The API did not say how many messages this thread has; these are its oldest.");
    expect(text.split("\n").at(-1)).toBe(
      `newer: get_messages thread_id="${shortId(thread.id)}" offset=10 limit=10`,
    );
    expect(result.structuredContent).toMatchObject({ newer_offset: 10 });
    expect(result.structuredContent).not.toHaveProperty("total");
  });

  it("clips a long message unless full_text is asked for", async () => {
    const thread = threadWhere((t) => t.messages.some((m) => m.content.length > 2_000));
    const longest = Math.max(...thread.messages.map((m) => m.content.length));
    const clipped = textOf(await harness.call("get_messages", { thread_id: thread.id }));
    // The count is of the text as shown: blank lines between paragraphs are dropped first.
    const count = /\[… ([\d,]+) characters left out; full_text=true shows all …\]/.exec(clipped)?.[1];
    expect(Number(count?.replaceAll(",", ""))).toBeGreaterThan(0);
    expect(Number(count?.replaceAll(",", ""))).toBeLessThanOrEqual(longest - 1_800);
    const whole = textOf(await harness.call("get_messages", { thread_id: thread.id, full_text: true }));
    expect(whole).not.toContain("characters left out");
    expect(whole.length).toBeGreaterThan(clipped.length);
  });

  it("says a thread has no messages yet", async () => {
    const thread = threadWhere((t) => t.messages.length === 0);
    const text = textOf(await harness.call("get_messages", { thread_id: thread.id }));
    expect(text.split("\n").at(-1)).toBe("No messages yet (the thread has 0).");
  });

  it("explains an unknown thread id", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const result = await harness.call("get_messages", { thread_id: missing });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      `There is no conversation with id ${missing} for this property (HTTP 404). Find the right thread id with list_conversations or search_conversations.`,
    );
  });

  it("explains a messaging outage after retrying it", async () => {
    harness.sandbox.faults.failures.push({
      status: 503,
      times: Infinity,
      error: "messaging_unavailable",
      retryAfter: "0",
    });
    const result = await harness.call("get_messages", {
      thread_id: threadWhere((t) => t.messages.length > 0).id,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^The Hostel Mate messaging service is temporarily unavailable \(HTTP 503\)/,
    );
    expect(harness.sandbox.requests).toHaveLength(2);
  });

  it.each([
    [{}, /conversation id like[\s\S]* at thread_id/],
    [{ thread_id: "../../etc/passwd" }, /conversation id like[\s\S]* at thread_id/],
    [{ thread_id: 42 }, /conversation id like[\s\S]* at thread_id/],
    [
      { thread_id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890", limit: 500 },
      /limit must be a whole number from 1 to 100[\s\S]* at limit/,
    ],
  ])("refuses %j without calling the API", (args, expected) =>
    expectRefused(harness, "get_messages", args, expected),
  );

  it("never shows the API key, whatever fails", async () => {
    harness.sandbox.faults.failures.push({ status: 401, times: 1 });
    const result = await harness.call("get_messages", { thread_id: threadWhere(() => true).id });
    expect(textOf(result)).toMatch(/rejected the API key/);
    expect(JSON.stringify(result) + harness.log.join("")).not.toContain(TEST_API_KEY);
  });
});
