// Behaviour of the MCP layer itself, beyond any one tool.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import {
  type CallToolResult,
  type JSONRPCMessage,
  LoggingMessageNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HostelMateClient } from "../../src/api/client.js";
import { createLogger } from "../../src/log/log.js";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { createServer } from "../../src/server/server.js";
import { type Harness, shortId, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ timeoutMs: 10_000 });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sandbox.reset();
  harness.log.length = 0;
});

// Long enough that no busy machine reaches it: it only stops a test whose condition never comes.
async function waitFor(condition: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the MCP server", () => {
  it("cancels the upstream request when the client cancels the call", async () => {
    harness.sandbox.faults.hang = true;
    const controller = new AbortController();
    const call = harness.client.callTool({ name: "list_conversations", arguments: {} }, undefined, {
      signal: controller.signal,
    });
    await waitFor(() => harness.sandbox.hangingCount === 1);
    controller.abort();
    await expect(call).rejects.toThrow();
    await waitFor(() => harness.sandbox.hangingCount === 0);
    await waitFor(() =>
      harness.log.some((line) => line.includes("list_conversations: cancelled by the client")),
    );
    expect(harness.log.join("")).not.toMatch(/ error: /);
  });

  it("keeps serving after an upstream failure", async () => {
    harness.sandbox.faults.malformed = true;
    expect((await harness.call("list_conversations", {})).isError).toBe(true);
    harness.sandbox.faults.malformed = false;
    expect((await harness.call("list_conversations", { limit: 1 })).isError).toBeFalsy();
  });

  it("logs upstream failures with their cause, for the operator", async () => {
    harness.sandbox.faults.featureDisabled = true;
    await harness.call("list_conversations", {});
    expect(harness.log.join("")).toMatch(
      /warn: list_conversations: feature_disabled HTTP 404 from 127\.0\.0\.1:\d+: GET \/api\/v1\/client\/conversations\?limit=20&offset=0 answered 404/,
    );
  });

  it("keeps every tool result under 25,000 characters, text and structured content alike, at the largest limits", async () => {
    const results: Array<{ what: string; result: CallToolResult }> = [];
    for (const thread of harness.sandbox.threads) {
      for (const args of [
        { limit: 100, full_text: true },
        { limit: 100, offset: 0, full_text: true },
        { limit: 100 },
      ]) {
        const result = await harness.call("get_messages", { thread_id: thread.id, ...args });
        results.push({ what: `get_messages ${thread.id} ${JSON.stringify(args)}`, result });
      }
    }
    results.push({ what: "list", result: await harness.call("list_conversations", { limit: 100 }) });
    results.push({
      what: "search",
      result: await harness.call("search_conversations", { query: "a", limit: 50 }),
    });
    const textSizes = results.map(({ result }) => textOf(result).length);
    const structuredSizes = results.map(({ result }) => JSON.stringify(result.structuredContent).length);
    expect(Math.max(...textSizes)).toBeLessThanOrEqual(25_000);
    expect(Math.max(...structuredSizes)).toBeLessThanOrEqual(25_000);
    // The 118-message thread at limit 100 must have needed the cap, or this test proves nothing.
    expect(Math.max(...structuredSizes)).toBeGreaterThan(20_000);

    // What was left out for size is left out of both, and the text says so.
    const cut = results.filter(({ result }) => (result.structuredContent?.left_out as number) > 0);
    expect(cut.length).toBeGreaterThan(0);
    for (const { what, result } of cut) {
      const text = textOf(result);
      const heads = text.split("\n").filter((line) => /^\d{2}-\d{2} \d{2}:\d{2} /.test(line));
      const structured = result.structuredContent as { left_out: number; messages: unknown[] };
      expect(structured.messages, what).toHaveLength(heads.length);
      expect(text, what).toContain(
        `${structured.left_out} older messages were left out to keep this under 25,000`,
      );
    }
  });

  it("leaves unknown fields out of structured content instead of sending null", async () => {
    const results = [
      await harness.call("list_conversations", { limit: 100 }),
      await harness.call("list_conversations", { limit: 5, needs_reply: true }),
      await harness.call("search_conversations", { query: "towel" }),
      ...(await Promise.all(
        harness.sandbox.threads
          .slice(0, 20)
          .map((thread) => harness.call("get_messages", { thread_id: thread.id })),
      )),
    ];
    for (const result of results) {
      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result.structuredContent)).not.toContain(":null");
    }
  });

  it("cuts a thread list from the tail in text and structured content alike, and says so", async () => {
    // 100 email threads with long names, subjects and messages: the text fits 25,000 characters,
    // the structured twin of all 100 would not.
    const long = (index: number): SeedThread => ({
      key: `long-${index}`,
      channel: "EMAIL",
      guestName: `Guest ${index} ${"Longname ".repeat(20)}`,
      subject: `Question ${index} ${"about the booking ".repeat(20)}`,
      status: "OPEN",
      bookingKey: `long-${index}`,
      guestEmail: `guest${index}@example.com`,
      createdMinutesAgo: 1_000,
      messages: [
        {
          direction: "INBOUND",
          source: "GUEST",
          content: `Hello, ${'a long "question" here '.repeat(40)}`,
          minutesAgo: 500 - index,
          read: false,
        },
      ],
    });
    const big = await startHarness({ seed: Array.from({ length: 100 }, (_, index) => long(index)) });
    try {
      const result = await big.call("list_conversations", { limit: 100 });
      const text = textOf(result);
      const structured = result.structuredContent as {
        threads: Array<{ id: string; subject: string; last_message: { content: string | null } | null }>;
        has_more: boolean;
        next_offset: number | null;
      };
      expect(text.length).toBeLessThanOrEqual(25_000);
      expect(JSON.stringify(structured).length).toBeLessThanOrEqual(25_000);
      const lines = text.split("\n").filter((line) => /^[0-9a-f]{8}[0-9a-f-]*\|/.test(line));
      const shown = structured.threads.length;
      // The text prints each id short, the twin whole.
      const ids = big.sandbox.threads.map((thread) => thread.id);
      expect(structured.threads.map((thread) => shortId(thread.id, ids))).toEqual(
        lines.map((line) => line.split("|")[0]),
      );
      expect(shown).toBeGreaterThan(10);
      expect(shown).toBeLessThan(100);
      expect(text).toContain(
        `${100 - shown} more threads were left out to keep this under 25,000 characters; the next call continues with them.`,
      );
      expect(text.split("\n").at(-1)).toBe(`more: list_conversations offset=${shown} limit=100`);
      expect(structured).toMatchObject({ has_more: true, next_offset: shown });
      // Previews and subjects are the text's: clipped the same way, on one line.
      for (const [index, thread] of structured.threads.entries()) {
        const preview = thread.last_message?.content ?? "";
        expect(preview.length).toBeLessThanOrEqual(101);
        expect(preview.endsWith("…")).toBe(true);
        expect(lines[index]).toContain(`"${preview.replaceAll('"', "'")}"`);
        expect(lines[index]).toContain(`subj "${thread.subject}"`);
      }
    } finally {
      await big.close();
    }
  });
});

// A client for tests in which no call may reach the API.
const unreachable: HostelMateClient = {
  listConversations: async () => {
    throw new Error("no call was expected");
  },
  getMessages: async () => {
    throw new Error("no call was expected");
  },
};

describe("the protocol", () => {
  it("names an error's code once: the SDK's 'MCP error -32602:' is not sent inside the message", async () => {
    const failures = [
      harness.client.getPrompt({ name: "no_such_prompt" }),
      harness.client.readResource({ uri: "hostelmate://property/nothing-here" }),
      harness.client.getPrompt({ name: "draft_guest_reply", arguments: { thread_id: "nobody at all" } }),
    ];
    for (const failure of failures) {
      const error = await failure.then(
        () => new Error("did not fail"),
        (reason: Error) => reason,
      );
      expect(error.message).toMatch(/^MCP error -3260\d: /);
      expect(error.message.match(/MCP error/g), error.message).toHaveLength(1);
    }
  });

  it("refuses every request but initialize and ping before initialize, on any transport", async () => {
    const server = createServer({
      client: unreachable,
      logger: createLogger("error", () => {}),
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const answers: JSONRPCMessage[] = [];
    clientSide.onmessage = (message) => answers.push(message);
    await server.connect(serverSide);
    await clientSide.start();
    await clientSide.send({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "list_conversations" },
    });
    await clientSide.send({ jsonrpc: "2.0", id: 2, method: "ping" });
    await waitFor(() => answers.length === 2);
    expect(answers).toEqual([
      {
        jsonrpc: "2.0",
        id: 1,
        error: {
          code: -32600,
          message:
            "Invalid request: send initialize first; before it this server answers only initialize and ping, not tools/call.",
        },
      },
      { jsonrpc: "2.0", id: 2, result: {} },
    ]);
    await server.close();
  });
});

describe("log notifications", () => {
  it("send MCP clients the first line of a failure; the stack stays on stderr", async () => {
    // A client that fails the way a bug does: not with an ApiError, and with a stack.
    const buggy: HostelMateClient = {
      listConversations: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'results')");
      },
      getMessages: async () => {
        throw new TypeError("unused");
      },
    };
    const stderr: string[] = [];
    const logger = createLogger("debug", (line) => stderr.push(line));
    const server = createServer({ client: buggy, logger });
    const client = new Client({ name: "test-client", version: "1.0.0" });
    const notified: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      notified.push(notification.params.data);
    });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
    try {
      const result = (await client.callTool({ name: "list_conversations", arguments: {} })) as CallToolResult;
      expect(textOf(result)).toMatch(/^hostelmate-mcp hit an internal error/);
      await waitFor(() => notified.length > 0);
      expect(notified).toEqual([
        "list_conversations failed: TypeError: Cannot read properties of undefined (reading 'results')",
      ]);
      // The operator still gets the whole stack.
      expect(stderr.join("")).toMatch(/error: list_conversations failed: TypeError: .*\n\s+at /);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
