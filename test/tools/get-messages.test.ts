import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxThread } from "../../src/sandbox/dataset.js";
import { expectRefused, type Harness, startHarness, TEST_API_KEY, textOf } from "../helpers.js";

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
  it("shows a whole email thread as a transcript", async () => {
    const thread = threadWhere(
      (t) => t.channel === "EMAIL" && t.messages.length >= 4 && t.messages.length < 20,
    );
    const result = await harness.call("get_messages", { thread_id: thread.id });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toMatchSnapshot();
    expect(text.split("\n")[0]).toContain(`Thread ${thread.id}|`);
    expect(text.split("\n")[1]).toMatch(
      new RegExp(`^Messages 1-${thread.messages.length} of ${thread.messages.length} · oldest first`),
    );
    expect(harness.sandbox.requests[0]?.path).toBe(`/api/v1/client/conversations/${thread.id}/messages`);
    expect(harness.sandbox.requests[0]?.query).toEqual({ limit: "50", offset: "0" });
    const structured = result.structuredContent as {
      messages: Array<{ id: string }>;
      thread: { id: string };
    };
    expect(structured.thread.id).toBe(thread.id);
    expect(structured.messages.map((message) => message.id)).toEqual(
      thread.messages.map((message) => message.id),
    );
  });

  it("pages through a thread of more than 100 messages with the exact next call", async () => {
    const thread = threadWhere((t) => t.messages.length > 100);
    const first = textOf(await harness.call("get_messages", { thread_id: thread.id }));
    expect(first.split("\n")[1]).toMatch(new RegExp(`^Messages 1-50 of ${thread.messages.length}`));
    expect(first.split("\n").at(-1)).toBe(
      `more (newer): get_messages thread_id="${thread.id}" offset=50 limit=50`,
    );
    const last = await harness.call("get_messages", { thread_id: thread.id, offset: 100, limit: 100 });
    expect(textOf(last).split("\n")[1]).toMatch(new RegExp(`^Messages 101-${thread.messages.length} of`));
    expect(last.structuredContent).toMatchObject({ has_more: false, next_offset: null });
  });

  it("guesses that a full page has more when the API sends no pagination", async () => {
    harness.sandbox.faults.omitMessagesPagination = true;
    const thread = threadWhere((t) => t.messages.length > 100);
    const result = await harness.call("get_messages", { thread_id: thread.id, limit: 10 });
    expect(textOf(result).split("\n")[1]).toMatch(/^Messages 1-10 · oldest first/);
    expect(result.structuredContent).toMatchObject({ total: null, has_more: true, next_offset: 10 });
  });

  it("says a thread has no messages yet", async () => {
    const thread = threadWhere((t) => t.messages.length === 0);
    const text = textOf(await harness.call("get_messages", { thread_id: thread.id }));
    expect(text.split("\n").at(-1)).toBe("no messages yet (the thread has 0).");
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
    [{ thread_id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890", limit: 500 }, /between 1 and 100[\s\S]* at limit/],
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
