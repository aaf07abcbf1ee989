// A page far larger than the size cap, or than the `limit` asked for, is cut in a bounded number of
// renders. Cutting one message or thread at a time re-rendered and re-serialised the whole page per
// item dropped: 2,000 messages took 19 s and held up every other request. Counted, never timed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toThreadSummary } from "../../src/format/structured.js";
import { formatThreadList } from "../../src/format/thread-list.js";
import { formatTranscript } from "../../src/format/transcript.js";
import { MAX_RESULT_CHARS } from "../../src/limits.js";
import type { SeedMessage, SeedThread } from "../../src/sandbox/seed-types.js";
import { conversation, message, NOW, THREAD_ID, twinOfSize, window } from "../fixtures.js";
import { type Harness, startHarness, textOf } from "../helpers.js";
import { noFaults } from "../sandbox/faults.js";

// Twice log2 of the page, and a few more for the guesses and the final render.
const boundFor = (items: number) => 2 * Math.ceil(Math.log2(items)) + 6;

describe("cutting a large page for size", () => {
  it("renders a 2,000-message window a logarithmic number of times, text and twin", () => {
    const messages = Array.from({ length: 2_000 }, (_, index) =>
      message({ content: `message ${index} ${"x".repeat(300)}` }),
    );
    let twins = 0;
    const result = formatTranscript(
      { threadId: THREAD_ID, window: window(messages, { total: 2_000 }), limit: 2_000, now: NOW },
      (shown) => {
        twins += 1;
        return twinOfSize(JSON.stringify(shown.contents).length * 2);
      },
    );
    expect(result.text.length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(JSON.stringify(result.contents).length * 2).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(JSON.stringify(result.contents.slice(1).concat("x".repeat(400))).length * 2).toBeGreaterThan(
      MAX_RESULT_CHARS - 800,
    );
    expect(result.messages.at(-1)?.content).toMatch(/^message 1999 /);
    expect(twins).toBeLessThanOrEqual(boundFor(2_000));
  });

  it("leaves out exactly the fewest messages that make text and twin fit", () => {
    const messages = Array.from({ length: 300 }, (_, index) => message({ content: `message ${index}` }));
    const result = formatTranscript(
      {
        threadId: THREAD_ID,
        window: window(messages, { total: 300 }),
        limit: 300,
        now: NOW,
        maxChars: 10_000,
      },
      (shown) => twinOfSize(shown.messages.length * 100),
    );
    expect(result.leftOut).toBe(200);
  });

  it("cuts a 2,000-thread list a logarithmic number of times, text and twin", () => {
    const threads = Array.from({ length: 2_000 }, (_, index) =>
      conversation({ guest_name: `Guest ${index}` }),
    );
    const summaries = threads.map(toThreadSummary);
    // The builder serialises the twin to measure it: each serialisation is one twin built.
    const stringify = vi.spyOn(JSON, "stringify");
    const { text, shown, structured } = formatThreadList({
      threads,
      records: summaries,
      now: NOW,
      heading: (count) => `Conversations 1-${count}`,
      empty: "unused",
      more: { label: "more", tool: "list_conversations", args: {} },
      after: null,
      total: 2_000,
      offset: 0,
      limit: 2_000,
    });
    const twins = stringify.mock.calls.length;
    stringify.mockRestore();
    const structuredChars = (count: number) =>
      JSON.stringify({ ...structured, threads: summaries.slice(0, count) }).length;
    expect(text.length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(structuredChars(shown)).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(structuredChars(shown + 1)).toBeGreaterThan(MAX_RESULT_CHARS);
    expect(twins).toBeLessThanOrEqual(boundFor(2_000) + 2);
  });
});

describe("an API that sends 2,000 results whatever limit asked for", () => {
  const MESSAGES = 2_000;
  const THREADS = 2_000;
  const talk = (index: number): SeedMessage => ({
    direction: index % 2 ? "OUTBOUND" : "INBOUND",
    source: index % 2 ? "MANUAL" : "GUEST",
    content: `message ${index}: ${"about the late check-in and the locker ".repeat(12)}`,
    minutesAgo: MESSAGES - index,
  });
  const seed: SeedThread[] = [
    {
      key: "long-thread",
      channel: "EMAIL",
      guestName: "Long Talker",
      subject: "many questions",
      guestEmail: "long@example.com",
      status: "OPEN",
      bookingKey: "long",
      createdMinutesAgo: MESSAGES + 10,
      messages: Array.from({ length: MESSAGES }, (_, index) => talk(index)),
    },
    ...Array.from(
      { length: THREADS - 1 },
      (_, index): SeedThread => ({
        key: `guest-${index}`,
        channel: "AIRBNB",
        guestName: `Guest ${index}`,
        subject: null,
        status: "OPEN",
        bookingKey: `b-${index}`,
        createdMinutesAgo: 100_000 + index,
        messages: [talk(0)].map((m) => ({ ...m, minutesAgo: 50_000 + index })),
      }),
    ),
  ];
  let harness: Harness;
  let threadId: string;
  beforeAll(async () => {
    harness = await startHarness({ seed });
    threadId = harness.sandbox.threads[0]?.id ?? "";
  });
  afterAll(() => harness.close());

  /** The answer as the fault gives it, and how many times anything was serialised on the way. */
  async function overLimit(tool: string, args: Record<string, unknown>) {
    harness.sandbox.faults = { ...noFaults(), ignoreLimit: true };
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const result = await harness.call(tool, args);
      return { result, serialised: stringify.mock.calls.length };
    } finally {
      stringify.mockRestore();
      harness.sandbox.reset();
    }
  }

  it("get_messages shows the page asked for, capped, as an honest API's page", async () => {
    const args = { thread_id: threadId, offset: 0, limit: 100 };
    const honest = await harness.call("get_messages", args);
    const { result, serialised } = await overLimit("get_messages", args);
    expect(result.isError).toBeFalsy();
    expect(textOf(result).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(JSON.stringify(result.structuredContent).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(textOf(result)).toBe(textOf(honest));
    expect(result.structuredContent).toEqual(honest.structuredContent);
    expect(textOf(result)).toMatch(/newer: get_messages thread_id="[^"]+" offset=100 limit=100$/);
    expect(serialised).toBeLessThanOrEqual(boundFor(MESSAGES) + 4);
  });

  it("list_conversations and search_conversations show at most the page asked for", async () => {
    const honest = await harness.call("list_conversations", { limit: 100 });
    const list = await overLimit("list_conversations", { limit: 100 });
    expect(textOf(list.result)).toBe(textOf(honest));
    expect(list.result.structuredContent).toEqual(honest.structuredContent);
    expect(list.serialised).toBeLessThanOrEqual(boundFor(THREADS) + 4);

    const filtered = await overLimit("list_conversations", { limit: 100, status: "OPEN" });
    expect(filtered.result.isError).toBeFalsy();
    expect(textOf(filtered.result).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(JSON.stringify(filtered.result.structuredContent).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(filtered.serialised).toBeLessThanOrEqual(boundFor(THREADS) + 4);

    const search = await overLimit("search_conversations", { query: "locker", limit: 50 });
    expect(search.result.isError).toBeFalsy();
    expect(search.serialised).toBeLessThanOrEqual(boundFor(THREADS) + 30);
    expect(textOf(search.result).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    expect(JSON.stringify(search.result.structuredContent).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
  });

  it("the prompt, its completion and the resources read no more than they asked for", async () => {
    harness.sandbox.faults = { ...noFaults(), ignoreLimit: true };
    const listed = await harness.client.listResources();
    expect(listed.resources.filter((r) => r.uri.startsWith("hostelmate://conversations/"))).toHaveLength(20);
    const completion = await harness.client.complete({
      ref: { type: "ref/prompt", name: "draft_guest_reply" },
      argument: { name: "thread_id", value: "Guest" },
    });
    expect(completion.completion.values.length).toBeLessThanOrEqual(20);
    const prompt = await harness.client.getPrompt({
      name: "draft_guest_reply",
      arguments: { thread_id: threadId },
    });
    const promptText = prompt.messages.map((m) => (m.content.type === "text" ? m.content.text : "")).join("");
    expect(promptText.match(/^>message \d+/gm)?.length ?? 0).toBeLessThanOrEqual(30);
    harness.sandbox.reset();
  });
});
