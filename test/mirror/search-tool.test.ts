// search_conversations through the SDK Client with the mirror on: answered from the mirror with at
// most the freshness check upstream, quotes read from the stored messages, and, while the first sync
// is under way, the mirror's threads beside Hostel Mate's live search for the rest, said so.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HostelMateClient } from "../../src/api/client.js";
import { createLogger } from "../../src/log/log.js";
import { Mirror } from "../../src/mirror/mirror.js";
import { fingerprintOfMessages, MirrorStore, STATE } from "../../src/mirror/store.js";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { createServer } from "../../src/server/server.js";
import { textOf } from "../helpers.js";
import { SANDBOX_ANCHOR, type Sandbox } from "../sandbox/server.js";
import { liveInbox, newMessage, requestCounts, startInbox } from "./inbox.js";
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
  const server = createServer({
    client: api,
    logger,
    clock: () => SANDBOX_ANCHOR,
    mirror,
    timeZone: "Europe/Lisbon",
  });
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

interface Found {
  threads: Array<{ id: string; snippets: Array<{ role: string; excerpt: string }> }>;
}

async function search(args: Record<string, unknown>): Promise<{ text: string; found: Found }> {
  const result = (await mcp.callTool({ name: "search_conversations", arguments: args })) as CallToolResult;
  expect(result.isError, textOf(result)).toBeFalsy();
  return { text: textOf(result), found: result.structuredContent as unknown as Found };
}

// The inbox holds the seed four times over, each copy a year older: ~0 is the newest.
const thread = (key: string, copy: number) => stableUuid("thread", `${key}~${copy}`);

describe("search_conversations from the mirror", () => {
  it("answers with the freshness check as its only request, quotes included, and says how fresh it is", async () => {
    await mirror.sync();
    sandbox.reset();
    clock += 61_000;
    const { text, found } = await search({ query: "arriving late", limit: 20, snippets: 5 });
    // The sync's first list page found nothing new: no other request, none for the quotes.
    expect(requestCounts(sandbox)).toEqual({ list: 1, messages: 0, total: 1 });
    expect(text.split("\n")[0]).toMatch(
      /^Search "arriving late" · from the mirror \(all 220 threads, as of \d\d:\d\d\) · searched: "arriving late" · in six languages: arrival time · /,
    );
    // Each thread is there four times, and the copies tie: the newest first.
    expect(found.threads.slice(0, 4).map((t) => t.id)).toEqual(
      [0, 1, 2, 3].map((copy) => thread("late-arrival-bus-lucia", copy)),
    );
    const quotes = found.threads.flatMap((t) => t.snippets.filter((line) => line.role === "match"));
    expect(quotes.length).toBeGreaterThan(0);
    // Whole words in bold, never a part of one (the live path marked "late" inside "plate").
    const bold = quotes.flatMap((quote) =>
      [...quote.excerpt.matchAll(/\*\*([^*]+)\*\*/gu)].map((match) => {
        const at = match.index ?? 0;
        return `${quote.excerpt[at - 1] ?? " "}${match[1]}${quote.excerpt[at + match[0].length] ?? " "}`;
      }),
    );
    expect(bold.length).toBeGreaterThan(0);
    for (const word of bold) expect(word).toMatch(/^[^\p{L}\p{N}].+[^\p{L}\p{N}]$/u);
  });

  it("answers with what the freshness check brought: a guest's new message found, a deleted thread gone", async () => {
    await mirror.sync();
    const written = sandbox.threads.find((t) => t.id === thread("broken-locker-sarah", 0));
    if (!written) throw new Error("seed changed");
    newMessage(written, "Also, can I rent a kayak somewhere nearby?");
    for (let copy = 0; copy < 4; copy++) {
      const at = sandbox.threads.findIndex((t) => t.id === thread("payment-link-daniel", copy));
      sandbox.threads.splice(at, 1);
    }
    expect((await search({ query: "Okafor", snippets: 0 })).found.threads).toHaveLength(4);
    clock += 61_000;
    // Searched while the check was on the wire, and again once it had changed the mirror.
    const { found, text } = await search({ query: "kayak" });
    expect(found.threads.map((t) => t.id)).toEqual([written.id]);
    expect(text).toMatch(/\*\*kayak\*\*/);
    expect((await search({ query: "Okafor", snippets: 0 })).found.threads).toEqual([]);
  });

  it("makes no request at all within the sync interval", async () => {
    await mirror.sync();
    sandbox.reset();
    const { found } = await search({ query: "Whitakar" });
    expect(requestCounts(sandbox).total).toBe(0);
    expect(found.threads[0]?.id).toBe(thread("late-arrival-tom", 0));
  });

  it("filters over the whole mirror: archived threads about refunds in every copy of the seed", async () => {
    await mirror.sync();
    const { found } = await search({ query: "refund", status: "ARCHIVED", limit: 50, snippets: 0 });
    const keys = found.threads.map((t) => t.id);
    for (let copy = 0; copy < 4; copy++) expect(keys).toContain(thread("free-cancellation-jose", copy));
  });

  it("searches live and says so while the mirror holds nothing yet", async () => {
    const { text, found } = await search({ query: "broken locker", snippets: 0 });
    expect(text).toContain("Searched live in Hostel Mate: the mirror's first sync has just started");
    expect(text.split("\n")[0]).toMatch(
      /^Search "broken locker" · searched: "broken locker", broken, locker · /,
    );
    expect(found.threads.map((t) => t.id)).toContain(thread("broken-locker-sarah", 0));
  });

  it("while the first sync is under way, searches what the mirror holds and Hostel Mate live for the rest, and says so", async () => {
    const { threads, messages } = await liveInbox(api);
    const store = mirror.store;
    store.writeListRows(threads, clock);
    // The first sync reads newest first: it holds the newest copy of the seed so far.
    const newest = threads.slice(0, 55);
    for (const t of newest) {
      const read = messages.get(t.id) ?? [];
      store.writeMessages(t.id, read, fingerprintOfMessages(read));
    }
    // Checked a moment ago, so no sync starts during the call.
    store.setState(STATE.lastCheckAt, clock);
    sandbox.reset();
    const { text, found } = await search({ query: "towels", limit: 20, snippets: 5 });
    expect(text.split("\n")[0]).toMatch(
      /^Search "towels" · from the mirror \(first sync 25 % done: threads since [^)]+\) and live from Hostel Mate for older threads · /,
    );
    expect(text).toMatch(
      /The mirror's first sync is still under way .*searched in it, the others live in Hostel Mate/,
    );
    const ids = found.threads.map((t) => t.id);
    const fromMirror = ids.indexOf(thread("towels-and-bags-lena", 0));
    const live = ids.indexOf(thread("towels-and-bags-lena", 1));
    expect(fromMirror).toBeGreaterThanOrEqual(0);
    expect(live).toBeGreaterThan(fromMirror);
    // Hostel Mate was searched (the live path's requests), and the mirror's quotes cost none.
    expect(requestCounts(sandbox).list).toBeGreaterThan(0);
    expect(requestCounts(sandbox).messages).toBe(0);
  });
});
