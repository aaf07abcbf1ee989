// Every handler — tool, prompt or resource — gets one call context from the server, and every
// request it makes upstream carries that call's signal and deadline in its call options.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { type CallOptions, createClient, type HostelMateClient } from "../../src/api/client.js";
import type { CallContext, CallScope } from "../../src/call/context.js";
import { createLogger } from "../../src/log/log.js";
import type { PromptDefinition } from "../../src/prompts/prompt.js";
import type { FixedResource, TemplateResource } from "../../src/resources/resource.js";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { createServer } from "../../src/server/server.js";
import type { Tool } from "../../src/tools/tool.js";
import { TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";

// An unusual budget, so that a deadline made from the default could not pass for this one.
const BUDGET_MS = 47_000;
const THREAD = stableUuid("thread", "class-trip-vogel");

let sandbox: Sandbox;
let client: Client;
let closeServer: () => Promise<void>;
/** The call options of every upstream request, in the order they were made. */
const seen: CallOptions[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
  const api = createClient({ apiUrl: sandbox.url, apiKey: TEST_API_KEY, timeoutMs: 10_000 });
  const recording: HostelMateClient = {
    listConversations(query, call = {}) {
      seen.push(call);
      return api.listConversations(query, call);
    },
    getMessages(threadId, query, call = {}) {
      seen.push(call);
      return api.getMessages(threadId, query, call);
    },
  };
  const server = createServer({
    client: recording,
    logger: createLogger("error", () => {}),
    callBudgetMs: BUDGET_MS,
  });
  client = new Client({ name: "test-client", version: "1.0.0" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  await client.listTools();
  closeServer = () => server.close();
});
afterAll(async () => {
  await client.close();
  await closeServer();
  await sandbox.close();
});
beforeEach(() => {
  seen.length = 0;
  sandbox.reset();
});

/** Runs one handler and checks each request it made carried the call's signal and one deadline. */
async function expectScoped(handler: () => Promise<unknown>): Promise<void> {
  seen.length = 0;
  const before = Date.now();
  await handler();
  const after = Date.now();
  expect(seen.length).toBeGreaterThan(0);
  for (const call of seen) {
    expect(call.signal).toBeInstanceOf(AbortSignal);
    expect(call.deadline).toBeGreaterThanOrEqual(before + BUDGET_MS);
    expect(call.deadline).toBeLessThanOrEqual(after + BUDGET_MS);
  }
  // One call, one deadline: no request made its own.
  expect(new Set(seen.map((call) => call.deadline)).size).toBe(1);
}

describe("the call context", () => {
  it.each([
    ["a page of the list", { name: "list_conversations", arguments: {} }],
    ["a scan of the list", { name: "list_conversations", arguments: { needs_reply: true } }],
    ["the longest waits", { name: "list_conversations", arguments: { order: "waiting" } }],
    ["a thread", { name: "get_messages", arguments: { thread_id: THREAD } }],
    ["a search", { name: "search_conversations", arguments: { query: "wifi password" } }],
  ])("reaches every request of a tool: %s", async (_what, params) => {
    await expectScoped(() => client.callTool(params));
  });

  it("reaches every request of the drafting prompt, the name it resolves included", async () => {
    await expectScoped(() =>
      client.getPrompt({ name: "draft_guest_reply", arguments: { thread_id: THREAD } }),
    );
    await expectScoped(() =>
      client
        .getPrompt({ name: "draft_guest_reply", arguments: { thread_id: "Nobody Of This Name" } })
        .catch(() => undefined),
    );
  });

  it("reaches every request of the conversation resource, listed and read", async () => {
    await expectScoped(() => client.listResources());
    await expectScoped(() => client.readResource({ uri: `hostelmate://conversations/${THREAD}` }));
  });

  it("is the one type every handler takes, and it cannot be made without the signal or the deadline", () => {
    expectTypeOf<Parameters<Tool["handler"]>[1]>().toEqualTypeOf<CallContext>();
    expectTypeOf<Parameters<PromptDefinition["build"]>[1]>().toEqualTypeOf<CallContext>();
    expectTypeOf<Parameters<FixedResource["read"]>[0]>().toEqualTypeOf<CallContext>();
    expectTypeOf<Parameters<TemplateResource["list"]>[0]>().toEqualTypeOf<CallContext>();
    expectTypeOf<Parameters<TemplateResource["read"]>[1]>().toEqualTypeOf<CallContext>();
    // tsc checks these lines (npm run typecheck): an optional deadline or signal would fail it.
    // @ts-expect-error the deadline is required
    const noDeadline: CallScope = { signal: AbortSignal.abort() };
    // @ts-expect-error the signal is required
    const noSignal: CallScope = { deadline: 0 };
    expect([noDeadline, noSignal]).toHaveLength(2);
    // The scope is what the HTTP client takes, handed on whole.
    expectTypeOf<CallScope>().toExtend<CallOptions>();
  });
});
