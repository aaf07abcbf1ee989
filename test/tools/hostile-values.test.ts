// Every value that comes over the network reaches the model cleaned and clipped, whoever wrote it:
// ids, times, channels and statuses as much as names and messages. The sandbox's `hostile` fault puts
// a quote, a right-to-left override, a line separator, a NUL and 20,000 characters after every string
// it sends, and every tool, the prompt and its completion, and the resources are read through it.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { type Harness, startHarness, textOf } from "../helpers.js";
import { noFaults } from "../sandbox/faults.js";

// Control characters but tab and newline, bidi controls and isolates, line and paragraph
// separators, zero-width characters and the BOM.
const FORBIDDEN = /[^\P{Cc}\n\t]|[\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;
// Longer than anything shown whole: a message is clipped at 2,000 characters, everything else far sooner.
const UNCLIPPED = /x{2001}/;
// Outside message text (a name, a channel, an id): no value runs this long.
const LONG_VALUE = /x{121}/;

const seed: SeedThread[] = [
  {
    key: "hostile",
    channel: "EMAIL",
    guestName: "Ana Costa",
    subject: "locker question",
    guestEmail: "ana@example.com",
    status: "ARCHIVED",
    bookingKey: "hostile",
    createdMinutesAgo: 600,
    messages: [
      { direction: "INBOUND", source: "GUEST", content: "Is there a locker?", minutesAgo: 120 },
      { direction: "OUTBOUND", source: "MANUAL", content: "Yes, by the stairs.", minutesAgo: 60 },
      {
        direction: "INBOUND",
        source: "GUEST",
        content: "Which locker is mine?",
        minutesAgo: 30,
        read: false,
      },
    ],
  },
];

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

/** No forbidden character, nothing unclipped, and on every line of ours the quotes come in pairs. */
function expectClean(what: string, text: string, longest: RegExp = UNCLIPPED): void {
  expect(text, what).not.toMatch(FORBIDDEN);
  expect(text, what).not.toMatch(longest);
  // Message text stands on lines of its own after ">", unquoted: a quote there ends nothing.
  for (const line of text.split("\n").filter((line) => !line.startsWith(">"))) {
    expect((line.match(/"/g) ?? []).length % 2, `${what}: ${line.slice(0, 200)}`).toBe(0);
  }
}

/** `messagesWhole`: full_text was asked for, so message text alone may be long. */
function expectCleanResult(what: string, result: CallToolResult, messagesWhole = false): void {
  expect(result.isError, textOf(result)).toBeFalsy();
  const text = textOf(result);
  expectClean(what, messagesWhole ? text.replace(/^>.*$/gm, ">") : text);
  expect(text, what).not.toMatch(FORBIDDEN);
  const record = result.structuredContent as { messages?: { content?: unknown }[] } | undefined;
  for (const message of record?.messages ?? []) {
    if (messagesWhole) message.content = null;
  }
  for (const value of stringsOf(result.structuredContent)) {
    expect(value, what).not.toMatch(FORBIDDEN);
    expect(value, what).not.toMatch(UNCLIPPED);
  }
}

describe("hostile values from the API", () => {
  let harness: Harness;
  let threadId: string;
  beforeAll(async () => {
    harness = await startHarness({ seed });
    threadId = harness.sandbox.threads[0]?.id ?? "";
    harness.sandbox.faults = { ...noFaults(), hostile: true };
  });
  afterAll(() => harness.close());

  it("are cleaned and clipped in every tool, text and structured", async () => {
    const list = await harness.call("list_conversations", {});
    expectCleanResult("list_conversations", list);
    const threadLine = textOf(list).split("\n")[1] ?? "";
    expect(threadLine).toContain("Ana Costa");
    expect(threadLine).not.toMatch(LONG_VALUE);
    expectCleanResult(
      "list_conversations filtered",
      await harness.call("list_conversations", { status: "ARCHIVED" }),
    );
    expectCleanResult("get_messages", await harness.call("get_messages", { thread_id: threadId }));
    expectCleanResult(
      "get_messages full_text",
      await harness.call("get_messages", { thread_id: threadId, full_text: true }),
      true,
    );
    expectCleanResult(
      "search_conversations",
      await harness.call("search_conversations", { query: "locker" }),
    );
  });

  it("are cleaned and clipped in the prompt and its completion", async () => {
    const completion = await harness.client.complete({
      ref: { type: "ref/prompt", name: "draft_guest_reply" },
      argument: { name: "thread_id", value: "" },
    });
    expect(completion.completion.values.length).toBeGreaterThan(0);
    for (const value of completion.completion.values) expectClean("prompt completion", value, LONG_VALUE);
    const prompt = await harness.client.getPrompt({
      name: "draft_guest_reply",
      arguments: { thread_id: threadId },
    });
    for (const message of prompt.messages) {
      if (message.content.type === "text") expectClean("prompt", message.content.text);
    }
  });

  it("are cleaned and clipped in the resource list, its completion and a read", async () => {
    const { resources } = await harness.client.listResources();
    const threads = resources.filter((resource) => resource.uri.startsWith("hostelmate://conversations/"));
    expect(threads).toHaveLength(1);
    for (const resource of threads) {
      for (const value of stringsOf(resource)) expectClean("resources/list", value, LONG_VALUE);
    }
    const completion = await harness.client.complete({
      ref: { type: "ref/resource", uri: "hostelmate://conversations/{thread_id}" },
      argument: { name: "thread_id", value: "" },
    });
    expect(completion.completion.values.length).toBeGreaterThan(0);
    for (const value of completion.completion.values) expectClean("resource completion", value, LONG_VALUE);
    const read = await harness.client.readResource({ uri: `hostelmate://conversations/${threadId}` });
    for (const content of read.contents) {
      if ("text" in content) expectClean("resources/read", content.text);
    }
  });
});
