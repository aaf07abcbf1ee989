// Behaviour of the MCP layer itself, beyond any one tool.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HostelMateClient } from "../src/api/client.js";
import { createLogger } from "../src/log.js";
import { createServer } from "../src/server.js";
import { type Harness, startHarness, textOf } from "./helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ timeoutMs: 10_000 });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sandbox.reset();
  harness.log.length = 0;
});

async function waitFor(condition: () => boolean, ms = 2_000): Promise<void> {
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

  it("keeps every tool result under 25,000 characters, even at the largest limits", async () => {
    const sizes: number[] = [];
    for (const thread of harness.sandbox.threads) {
      for (const args of [
        { limit: 100, full_text: true },
        { limit: 100, offset: 0, full_text: true },
      ]) {
        sizes.push(textOf(await harness.call("get_messages", { thread_id: thread.id, ...args })).length);
      }
    }
    sizes.push(textOf(await harness.call("list_conversations", { limit: 100 })).length);
    sizes.push(textOf(await harness.call("search_conversations", { query: "a", limit: 50 })).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25_000);
    // The 118-message thread at limit 100 must have needed the cap, or this test proves nothing.
    expect(Math.max(...sizes)).toBeGreaterThan(20_000);
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
