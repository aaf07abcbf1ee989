// A sandbox inbox larger than one list page (the seed four times over, each copy older than the last),
// the live API's view of it, and changes as a guest or the staff would make them.
import type { HostelMateClient } from "../../src/api/client.js";
import { createClient } from "../../src/api/client.js";
import type { Conversation, Message } from "../../src/api/schemas.js";
import { DEFAULT_TIMEOUT_MS } from "../../src/limits.js";
import type { SandboxThread } from "../../src/sandbox/dataset.js";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { seedThreads } from "../../src/sandbox/seed-threads.js";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { SANDBOX_ANCHOR, type Sandbox, startSandbox } from "../sandbox/server.js";

export const KEY = "hm_live_MIRROR_SECRET_9f8e7d";
const COPIES = 4;
/** Minutes between one copy's threads and the next copy's: a year, so copies never interleave. */
const COPY_SPAN = 366 * 24 * 60;

export const bigSeed: SeedThread[] = Array.from({ length: COPIES }, (_, copy) =>
  seedThreads.map((thread) => ({
    ...thread,
    key: `${thread.key}~${copy}`,
    createdMinutesAgo: thread.createdMinutesAgo + copy * COPY_SPAN,
    messages: thread.messages.map((message) => ({
      ...message,
      minutesAgo: message.minutesAgo + copy * COPY_SPAN,
    })),
  })),
).flat();

export async function startInbox(): Promise<{ sandbox: Sandbox; client: HostelMateClient }> {
  const sandbox = await startSandbox({ apiKey: KEY, seed: bigSeed });
  const client = createClient({
    apiUrl: sandbox.url,
    apiKey: KEY,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    cacheTtlMs: 0,
  });
  return { sandbox, client };
}

/** Every thread and its messages as the live API gives them. */
export async function liveInbox(
  client: HostelMateClient,
): Promise<{ threads: Conversation[]; messages: Map<string, Message[]> }> {
  const threads: Conversation[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await client.listConversations({ limit: 100, offset });
    threads.push(...page.results);
    if (!page.pagination?.has_more) break;
  }
  const messages = new Map<string, Message[]>();
  for (const thread of threads) {
    const all: Message[] = [];
    for (;;) {
      const page = await client.getMessages(thread.id, { limit: 100, offset: all.length });
      all.push(...page.results);
      if (!page.pagination?.has_more) break;
    }
    messages.set(thread.id, all);
  }
  return { threads, messages };
}

let added = 0;

/** A guest writes again in this thread, a minute after the last change made here. */
export function newMessage(thread: SandboxThread, content = "Is there still a bed tonight?"): void {
  added += 1;
  thread.messages.push({
    id: stableUuid("message", `added#${added}`),
    content: `${content} (${added})`,
    direction: "INBOUND",
    source: "GUEST",
    sender: "guest",
    is_read: false,
    created_at: new Date(SANDBOX_ANCHOR.getTime() + added * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  });
}

/** A thread that did not exist before, with one message. */
export function newThread(sandbox: Sandbox, guestName: string): SandboxThread {
  added += 1;
  const thread: SandboxThread = {
    id: stableUuid("thread", `added#${added}`),
    booking_id: stableUuid("booking", `added#${added}`),
    channel: "WHATSAPP",
    guest_name: guestName,
    subject: null,
    status: "OPEN",
    created_at: new Date(SANDBOX_ANCHOR.getTime() + added * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    messages: [],
  };
  newMessage(thread, "Hello, do you have parking?");
  sandbox.threads.push(thread);
  return thread;
}

/** Requests the sandbox received, by endpoint. */
export function requestCounts(sandbox: Sandbox): { list: number; messages: number; total: number } {
  const list = sandbox.requests.filter((request) => request.path.endsWith("/conversations")).length;
  const total = sandbox.requests.length;
  return { list, messages: total - list, total };
}

/** Message requests a whole read of these threads takes: one per 100 messages, at least one. */
export function messagePages(threads: readonly { messages: readonly unknown[] }[]): number {
  return threads.reduce((sum, thread) => sum + Math.max(1, Math.ceil(thread.messages.length / 100)), 0);
}
