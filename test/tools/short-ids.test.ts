// Short thread ids through the real server: each printed as its shortest unique prefix of at least
// 8 characters, taken back by every tool, the resource and the prompt, with a sentence for a prefix
// that fits several threads or none; the structured twin keeps full ids.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/api/client.js";
import { createLogger } from "../../src/log/log.js";
import { Mirror } from "../../src/mirror/mirror.js";
import { MirrorStore } from "../../src/mirror/store.js";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { seedThreads } from "../../src/sandbox/seed-threads.js";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { createServer } from "../../src/server/server.js";
import { type Harness, shortId, startHarness, TEST_API_KEY, textOf } from "../helpers.js";
import { openTestDatabase } from "../mirror/open.js";
import { SANDBOX_ANCHOR, type Sandbox, startSandbox } from "../sandbox/server.js";

// Two keys whose thread ids share their first 10 characters ("84782b8f-b"), found by trying keys.
const twin = (key: string, guestName: string, minutesAgo: number): SeedThread => ({
  key,
  channel: "WHATSAPP",
  guestName,
  subject: null,
  status: "OPEN",
  bookingKey: key,
  createdMinutesAgo: minutesAgo + 10,
  messages: [{ direction: "INBOUND", source: "GUEST", content: "Is there a kettle?", minutesAgo }],
});
const NEWER_TWIN = stableUuid("thread", "twin-201898");
const OLDER_TWIN = stableUuid("thread", "twin-360120");
// The newer twin opens the list; the older one is far down it, off the first page.
const seed = [...seedThreads, twin("twin-201898", "Ana Twin", 1), twin("twin-360120", "Ben Twin", 400_000)];
const ALL_IDS = seed.map((thread) => stableUuid("thread", thread.key));

const lineIds = (text: string) =>
  text
    .split("\n")
    .filter((line) => /^[0-9a-f]{8}[0-9a-f-]*\|/.test(line))
    .map((line) => line.split("|")[0]);

function expectOneRefusal(result: CallToolResult, sentence: RegExp | string): string {
  expect(result.isError).toBe(true);
  const text = textOf(result);
  if (typeof sentence === "string") expect(text).toBe(sentence);
  else expect(text).toMatch(sentence);
  return text;
}

it("the twins share 10 characters and nothing longer, as the tests below need", () => {
  expect(NEWER_TWIN.slice(0, 10)).toBe(OLDER_TWIN.slice(0, 10));
  expect(NEWER_TWIN[10]).not.toBe(OLDER_TWIN[10]);
  expect(new Set(ALL_IDS.map((id) => shortId(id, ALL_IDS))).size).toBe(ALL_IDS.length);
});

describe("short thread ids without the mirror", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ seed });
  });
  afterAll(() => harness.close());

  it("answers a prefix it has not listed with what to do, and asks nothing upstream", async () => {
    harness.sandbox.reset();
    const result = await harness.call("get_messages", { thread_id: NEWER_TWIN.slice(0, 8) });
    expectOneRefusal(
      result,
      `No thread I know has an id starting with ${NEWER_TWIN.slice(0, 8)}. I only know ids of threads I've listed; list or search first, or give the full id.`,
    );
    expect(harness.sandbox.requests).toHaveLength(0);
  });

  it("prints each id of a page as its shortest unique prefix; the twin keeps the full ids", async () => {
    const result = await harness.call("list_conversations", { limit: 50 });
    const structured = result.structuredContent as { threads: { id: string }[] };
    const ids = structured.threads.map((thread) => thread.id);
    expect(ids).toHaveLength(50);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const printed = lineIds(textOf(result));
    // Unique among the ids the server knows: without the mirror, those it has listed.
    expect(printed).toEqual(ids.map((id) => shortId(id, ids)));
    expect(printed.every((id) => id?.length === 8)).toBe(true);
    expect(textOf(result)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    // Once it has listed the older twin too, each twin needs 11 characters, on any page.
    const twins = await harness.call("list_conversations", { search: "Twin" });
    expect(lineIds(textOf(twins))).toEqual(
      expect.arrayContaining([NEWER_TWIN.slice(0, 11), OLDER_TWIN.slice(0, 11)]),
    );
    const again = lineIds(textOf(await harness.call("list_conversations", { limit: 50 })));
    expect(again).toEqual(ids.map((id) => shortId(id, ALL_IDS)));
    expect(again[0]).toBe(NEWER_TWIN.slice(0, 11));
  });

  it("lists the candidates of an ambiguous prefix, each by the id that tells it apart", async () => {
    harness.sandbox.reset();
    const prefix = NEWER_TWIN.slice(0, 10);
    const text = expectOneRefusal(
      await harness.call("get_messages", { thread_id: prefix }),
      /^The thread id 84782b8f-b fits 2 conversations; give one of these ids instead: /,
    );
    expect(text).toContain(`${NEWER_TWIN.slice(0, 11)} (Ana Twin, last activity 2026-11-24 17:59)`);
    expect(text).toContain(`${OLDER_TWIN.slice(0, 11)} (Ben Twin, last activity 2026-`);
    expect(harness.sandbox.requests).toHaveLength(0);
  });

  it("reads a thread by its printed prefix in get_messages, as by its full id, and follows the next call", async () => {
    const thread = harness.sandbox.threads.find((candidate) => candidate.messages.length > 60);
    if (!thread) throw new Error("the seed has no long thread");
    const short = shortId(thread.id, ALL_IDS);
    const byFull = await harness.call("get_messages", { thread_id: thread.id });
    harness.sandbox.reset();
    const byPrefix = await harness.call("get_messages", { thread_id: short });
    expect(byPrefix.isError).toBeFalsy();
    expect(textOf(byPrefix)).toBe(textOf(byFull));
    expect(byPrefix.structuredContent).toEqual(byFull.structuredContent);
    expect((byPrefix.structuredContent as { thread: { id: string } }).thread.id).toBe(thread.id);
    expect(harness.sandbox.requests[0]?.path).toBe(`/api/v1/client/conversations/${thread.id}/messages`);
    // The next call the text spells out, with the short id in it, works as written.
    const older = /^older: get_messages thread_id="([^"]+)" offset=(\d+) limit=(\d+)$/m.exec(
      textOf(byPrefix),
    );
    expect(older?.[1]).toBe(short);
    const next = await harness.call("get_messages", {
      thread_id: older?.[1],
      offset: Number(older?.[2]),
      limit: Number(older?.[3]),
    });
    expect(next.isError).toBeFalsy();
    expect(textOf(next).split("\n")[0]).toMatch(new RegExp(`^Thread ${short}\\|`));
  });

  it("takes a prefix in any case, in braces or with spaces, as an id", async () => {
    const result = await harness.call("get_messages", {
      thread_id: ` {${NEWER_TWIN.slice(0, 11).toUpperCase()}} `,
    });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { thread: { id: string } }).thread.id).toBe(NEWER_TWIN);
  });

  it("reads the conversation resource and drafts the prompt by a prefix", async () => {
    const short = NEWER_TWIN.slice(0, 11);
    const byPrefix = await harness.client.readResource({ uri: `hostelmate://conversations/${short}` });
    const byFull = await harness.client.readResource({ uri: `hostelmate://conversations/${NEWER_TWIN}` });
    const text = (read: typeof byFull) => read.contents.map((part) => ("text" in part ? part.text : ""));
    expect(text(byPrefix)).toEqual(text(byFull));
    expect(text(byPrefix)[0]).toMatch(new RegExp(`^Thread ${short}\\|Ana Twin\\|WHATSAPP\\|`));
    const prompt = await harness.client.getPrompt({
      name: "draft_guest_reply",
      arguments: { thread_id: short },
    });
    expect(JSON.stringify(prompt.messages)).toContain(`Thread ${short}|Ana Twin|WHATSAPP|`);
    // An ambiguous prefix is the protocol error a prompt or resource gives, with the candidates.
    await expect(
      harness.client.getPrompt({ name: "draft_guest_reply", arguments: { thread_id: short.slice(0, 10) } }),
    ).rejects.toThrow(/fits 2 conversations; give one of these ids instead: 84782b8f-b/);
    await expect(
      harness.client.readResource({ uri: `hostelmate://conversations/${short.slice(0, 8)}` }),
    ).rejects.toThrow(/fits 2 conversations/);
  });

  it("completes the prompt's and the resource's thread with short ids, and takes a suggestion back", async () => {
    const short = NEWER_TWIN.slice(0, 11);
    const [label] = (
      await harness.client.complete({
        ref: { type: "ref/prompt", name: "draft_guest_reply" },
        argument: { name: "thread_id", value: "Ana Twin" },
      })
    ).completion.values;
    expect(label).toMatch(new RegExp(`^Ana Twin · WHATSAPP · .+ · ${short}$`));
    const prompt = await harness.client.getPrompt({
      name: "draft_guest_reply",
      arguments: { thread_id: label ?? "" },
    });
    expect(JSON.stringify(prompt.messages)).toContain(`Thread ${short}|Ana Twin|WHATSAPP|`);
    const ids = await harness.client.complete({
      ref: { type: "ref/resource", uri: "hostelmate://conversations/{thread_id}" },
      argument: { name: "thread_id", value: NEWER_TWIN.slice(0, 6) },
    });
    expect(ids.completion.values).toEqual([short]);
  });

  it("refuses what is shorter than 8 characters or no id's beginning, saying what it takes", async () => {
    for (const thread_id of ["84782b8", "84782b8fb", "84782b8f--"]) {
      expectOneRefusal(
        await harness.call("get_messages", { thread_id }),
        /thread_id must be a conversation id like a1b2c3d4-e5f6-7890-abcd-ef1234567890, or its first 8 or more characters/,
      );
    }
  });
});

describe("short thread ids with the mirror on", () => {
  let sandbox: Sandbox;
  let mirror: Mirror;
  let mcp: Client;
  const call = async (name: string, args: Record<string, unknown>) =>
    (await mcp.callTool({ name, arguments: args })) as CallToolResult;

  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: TEST_API_KEY, seed });
    const api = createClient({ apiUrl: sandbox.url, apiKey: TEST_API_KEY, timeoutMs: 10_000, cacheTtlMs: 0 });
    mirror = new Mirror({
      client: api,
      store: new MirrorStore(openTestDatabase()),
      now: () => SANDBOX_ANCHOR.getTime(),
    });
    expect(await mirror.sync()).not.toBeNull();
    const server = createServer({
      client: api,
      logger: createLogger("error", () => {}),
      clock: () => SANDBOX_ANCHOR,
      mirror,
    });
    mcp = new Client({ name: "test", version: "1.0.0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(b), mcp.connect(a)]);
    await mcp.listTools();
  });
  afterAll(async () => {
    await mcp.close();
    await mirror.close();
    mirror.store.db.close();
    await sandbox.close();
  });

  it("reads a thread this server never showed by its prefix", async () => {
    const thread = sandbox.threads.find((candidate) => candidate.guest_name === "Ben Twin");
    expect(thread?.id).toBe(OLDER_TWIN);
    sandbox.reset();
    const result = await call("get_messages", { thread_id: OLDER_TWIN.slice(0, 11) });
    expect(result.isError).toBeFalsy();
    expect(textOf(result).split("\n")[0]).toMatch(
      new RegExp(`^Thread ${OLDER_TWIN.slice(0, 11)}\\|Ben Twin\\|`),
    );
    expect(sandbox.requests[0]?.path).toBe(`/api/v1/client/conversations/${OLDER_TWIN}/messages`);
  });

  it("prints an id long enough to tell it from a mirrored thread that is not on the page", async () => {
    const result = await call("list_conversations", { limit: 1 });
    expect(lineIds(textOf(result))).toEqual([NEWER_TWIN.slice(0, 11)]);
  });

  it("lists the candidates from the mirror, and says plainly when no thread has the prefix", async () => {
    expectOneRefusal(
      await call("get_messages", { thread_id: NEWER_TWIN.slice(0, 8) }),
      /^The thread id 84782b8f fits 2 conversations; give one of these ids instead: 84782b8f-b[0-9a-f] \(Ana Twin, last activity 2026-11-24 17:59\); 84782b8f-b[0-9a-f] \(Ben Twin, last activity /,
    );
    const unknown = ALL_IDS.some((id) => id.startsWith("00000000")) ? "ffffffff" : "00000000";
    expectOneRefusal(
      await call("get_messages", { thread_id: unknown }),
      `No conversation has an id starting with ${unknown}. Check the id on the line it came from, or find the thread with list_conversations or search_conversations.`,
    );
  });
});
