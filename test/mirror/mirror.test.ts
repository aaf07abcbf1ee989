// The mirror in a running server: synced before a search or list answer once the last check is
// older than the interval, and written through by get_messages.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HostelMateClient } from "../../src/api/client.js";
import { createLogger } from "../../src/log/log.js";
import { Mirror } from "../../src/mirror/mirror.js";
import { MirrorStore } from "../../src/mirror/store.js";
import { createServer } from "../../src/server/server.js";
import { SANDBOX_ANCHOR, type Sandbox } from "../sandbox/server.js";
import { newMessage, requestCounts, startInbox } from "./inbox.js";
import { openTestDatabase } from "./open.js";

let sandbox: Sandbox;
let api: HostelMateClient;
let mirror: Mirror;
let mcp: Client;
let clock: number;

beforeEach(async () => {
  ({ sandbox, client: api } = await startInbox());
  clock = SANDBOX_ANCHOR.getTime();
  mirror = new Mirror({
    client: api,
    store: new MirrorStore(openTestDatabase()),
    intervalMs: 60_000,
    now: () => clock,
  });
  const logger = createLogger("error", () => {});
  const server = createServer({ client: api, logger, clock: () => SANDBOX_ANCHOR, mirror });
  mcp = new Client({ name: "test", version: "1.0.0" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), mcp.connect(a)]);
  await mcp.listTools();
});

afterEach(async () => {
  await mcp.close();
  await mirror.close();
  mirror.store.db.close();
  await sandbox.close();
});

describe("mirror in the server", () => {
  it("syncs before a list answer when the last check is older than the interval, and not before", async () => {
    await mirror.sync();
    const thread = sandbox.threads[150];
    if (!thread) throw new Error("seed too small");
    newMessage(thread);
    sandbox.reset();
    clock += 30_000;
    await mcp.callTool({ name: "list_conversations", arguments: { limit: 5 } });
    // Fresh enough: only the tool's own request.
    expect(requestCounts(sandbox).total).toBe(1);
    expect(mirror.store.messages(thread.id)?.length).toBe(thread.messages.length - 1);

    sandbox.reset();
    clock += 31_000;
    await mcp.callTool({ name: "list_conversations", arguments: { limit: 5 } });
    expect(mirror.store.messages(thread.id)?.length).toBe(thread.messages.length);
    // The sync's two list pages and one thread, then the tool's own request.
    expect(requestCounts(sandbox)).toEqual({ list: 3, messages: 1, total: 4 });
  });

  it("does not wait for a sync while the first one is under way, nor retry a failed one within the interval", async () => {
    sandbox.faults.failures.push({ status: 401, times: 1, endpoint: "messages" });
    expect(await mirror.sync()).toBeNull();
    sandbox.reset();
    // Failed a moment ago: the answer does not wait on the API a second time.
    await mcp.callTool({ name: "list_conversations", arguments: { limit: 5 } });
    expect(requestCounts(sandbox).total).toBe(1);
    clock += 61_000;
    sandbox.reset();
    // The first sync starts again in the background; the answer does not wait for it.
    const result = await mcp.callTool({ name: "list_conversations", arguments: { limit: 5 } });
    expect(result.isError).toBeFalsy();
    await mirror.sync();
    expect(mirror.store.stats().firstSyncDone).toBe(true);
  });

  it("stores what get_messages read, so the next sync need not read that thread", async () => {
    await mirror.sync();
    const thread = sandbox.threads.find((candidate) => candidate.messages.length < 40);
    if (!thread) throw new Error("no short thread");
    newMessage(thread);
    await mcp.callTool({ name: "get_messages", arguments: { thread_id: thread.id } });
    expect(mirror.store.messages(thread.id)?.at(-1)?.content).toBe(thread.messages.at(-1)?.content);
    sandbox.reset();
    clock += 61_000;
    const report = await mirror.sync();
    expect(report).toMatchObject({ kind: "incremental", changed: 1, messageRequests: 0 });
  });

  it("logs at debug when another server holds the lease, and skips the sync without a request", async () => {
    const lines: string[] = [];
    const skipping = new Mirror({
      client: api,
      store: mirror.store,
      now: () => clock,
      holder: "this-server",
      logger: createLogger("debug", (line) => lines.push(line)),
    });
    mirror.store.acquireLease("other-host:4242:abc", 60_000, clock);
    sandbox.reset();
    expect(await skipping.sync()).toMatchObject({ kind: "skipped", requests: 0 });
    expect(sandbox.requests).toHaveLength(0);
    expect(lines).toEqual([
      "hostelmate-mcp debug: mirror: sync skipped: another server holds the sync lease (other-host:4242:abc); this one answers from what that one writes\n",
    ]);
  });
});
