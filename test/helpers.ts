// Shared wiring for the integration tests: the sandbox API on loopback and the real MCP server
// behind an in-process SDK Client.
import { once } from "node:events";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect } from "vitest";
import { createClient } from "../src/api/client.js";
import { DEFAULT_TIMEOUT_MS } from "../src/limits.js";
import { createLogger, type LogLevel } from "../src/log/log.js";
import type { NotesSource } from "../src/notes/notes.js";
import { buildDataset } from "../src/sandbox/dataset.js";
import { seedThreads } from "../src/sandbox/seed-threads.js";
import { createServer } from "../src/server/server.js";
import { SANDBOX_ANCHOR, type Sandbox, type SandboxOptions, startSandbox } from "./sandbox/server.js";

export const TEST_API_KEY = "hm_live_TEST_SECRET_abcd1234";

export interface Harness {
  sandbox: Sandbox;
  client: Client;
  /** Everything the server wrote to its log (stderr). */
  log: string[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function startHarness(
  options: SandboxOptions & {
    timeoutMs?: number;
    retryLimit?: number;
    apiUrl?: string;
    notes?: NotesSource;
    /** Off unless a test is about the cache: most tests count the requests each call makes. */
    cacheTtlMs?: number;
    rateLimitPerMinute?: number;
    /** The rate limit's window, shorter than a minute so that a test need not wait one. */
    rateLimitIntervalMs?: number;
    callBudgetMs?: number;
    /** The server's stderr level (HOSTELMATE_LOG_LEVEL); what it writes there lands in `log`. */
    logLevel?: LogLevel;
    /** The property's time zone (HOSTELMATE_TIMEZONE). */
    timeZone?: string;
  } = {},
): Promise<Harness> {
  const sandbox = await startSandbox({ apiKey: TEST_API_KEY, ...options });
  const log: string[] = [];
  const logger = createLogger(options.logLevel ?? "debug", (line) => log.push(line));
  const api = createClient({
    apiUrl: options.apiUrl ?? sandbox.url,
    apiKey: TEST_API_KEY,
    // The server's own 10 s per attempt: a loopback request on a busy 2-core machine took over 2 s,
    // and the retry that followed counted as a request in tests that count them.
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retryLimit: options.retryLimit ?? 2,
    logger,
    cacheTtlMs: options.cacheTtlMs ?? 0,
    ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    ...(options.rateLimitIntervalMs ? { rateLimitIntervalMs: options.rateLimitIntervalMs } : {}),
  });
  // The server's clock is the seed's: relative times in snapshots never move.
  const now = options.anchor ?? SANDBOX_ANCHOR;
  const server = createServer({
    client: api,
    logger,
    clock: () => now,
    ...(options.notes ? { notes: options.notes } : {}),
    ...(options.callBudgetMs ? { callBudgetMs: options.callBudgetMs } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const client = new Client({ name: "test-client", version: "1.0.0" });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  // The SDK client validates structuredContent only for tools it has listed.
  await client.listTools();
  return {
    sandbox,
    client,
    log,
    async call(name, args = {}) {
      return (await client.callTool({ name, arguments: args })) as CallToolResult;
    },
    async close() {
      await client.close();
      await server.close();
      await sandbox.close();
    },
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : `[${part.type}]`)).join("\n");
}

/** Bad arguments: an isError result that says what to change, and nothing sent upstream. */
export async function expectRefused(
  harness: Harness,
  tool: string,
  args: Record<string, unknown>,
  expected: RegExp,
): Promise<void> {
  const result = await harness.call(tool, args);
  expect(result.isError).toBe(true);
  expect(textOf(result)).toMatch(expected);
  expect(harness.sandbox.requests).toHaveLength(0);
}

/** A loopback port that was just closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const closed = createHttpServer();
  closed.listen(0, "127.0.0.1");
  await once(closed, "listening");
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  return port;
}

const SEED_IDS = buildDataset(seedThreads, SANDBOX_ANCHOR).map((thread) => thread.id);

/**
 * A thread id as the answers print it: its shortest prefix of at least 8 characters, never ending
 * on a dash, that no other id of `among` (by default the sandbox seed's threads) starts with.
 * Written apart from src/call/thread-ids.ts, to check it.
 */
export function shortId(id: string, among: readonly string[] = SEED_IDS): string {
  let length = 8;
  for (const other of among) {
    if (other === id) continue;
    let shared = 0;
    while (shared < id.length && id[shared] === other[shared]) shared += 1;
    length = Math.max(length, shared + 1);
  }
  if (id[length - 1] === "-") length += 1;
  return id.slice(0, length);
}
