// The sandbox's large generated inbox (issue 13): deterministic from its seed, the sizes asked for,
// a hostel's mix, and changes made while the server runs showing in both endpoints; the enforced
// rate limit and the list order by creation.
import { afterEach, describe, expect, it } from "vitest";
import { seedThreads } from "../../src/sandbox/seed-threads.js";
import { generateBigInbox } from "../sandbox/big-inbox.js";
import { type Sandbox, type SandboxOptions, startSandbox } from "../sandbox/server.js";

const DAY = 24 * 60;

interface ListBody {
  pagination: { total: number };
  results: { id: string; status: string; unread_count: number; last_message: { content: string } | null }[];
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions): Promise<Sandbox> {
  sandbox = await startSandbox(options);
  return sandbox;
}

async function get(
  box: Sandbox,
  path: string,
): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(`${box.url}/api/v1/client/conversations${path}`, {
    headers: { "X-API-Key": box.apiKey },
  });
  return {
    status: response.status,
    body: await response.json(),
    retryAfter: response.headers.get("retry-after"),
  };
}

async function list(box: Sandbox, query = "limit=100"): Promise<ListBody> {
  return (await get(box, `?${query}`)).body as ListBody;
}

describe("the big inbox", () => {
  const inbox = generateBigInbox();

  it("has 5,000 threads and 40,000 messages, the seed's 55 among them unchanged", () => {
    expect(inbox.threads).toHaveLength(5_000);
    expect(inbox.threads.reduce((sum, thread) => sum + thread.messages.length, 0)).toBe(40_000);
    for (const seeded of seedThreads) expect(inbox.threads).toContain(seeded);
    expect(new Set(inbox.threads.map((thread) => thread.key)).size).toBe(5_000);
  });

  it("is the same inbox for the same seed, and another for another seed", () => {
    const again = generateBigInbox();
    expect(again.threads).toEqual(inbox.threads);
    const other = generateBigInbox({ seed: 2, threads: 500, messages: 4_000 });
    const sameSized = generateBigInbox({ seed: 1, threads: 500, messages: 4_000 });
    expect(other.threads.map((thread) => thread.messages[0]?.content)).not.toEqual(
      sameSized.threads.map((thread) => thread.messages[0]?.content),
    );
  });

  it("looks like a hostel's two years: five channels, six languages, accents, archived and unread threads", () => {
    const channels = new Set(inbox.threads.map((thread) => thread.channel));
    expect([...channels].sort()).toEqual(["AIRBNB", "BOOKING_COM", "EMAIL", "HOSTELWORLD", "WHATSAPP"]);
    const languages = new Set([...inbox.labels.values()].map((label) => label.language));
    expect([...languages].sort()).toEqual(["de", "en", "es", "fr", "it", "pt"]);
    const accented = inbox.threads.filter((thread) => /[^\p{ASCII}]/u.test(thread.guestName ?? ""));
    expect(accented.length).toBeGreaterThan(500);
    const oldest = Math.max(...inbox.threads.map((thread) => thread.createdMinutesAgo));
    expect(oldest).toBeGreaterThan(600 * DAY);
    const unread = inbox.threads.filter((thread) =>
      thread.messages.some((message) => message.read === false),
    );
    expect(unread.length).toBeGreaterThan(20);
  });

  it("serves archived threads all through the list, not only at its end", async () => {
    const box = await start({ seed: inbox.threads });
    const first = await list(box);
    expect(first.pagination.total).toBe(5_000);
    expect(first.results.some((thread) => thread.status === "ARCHIVED")).toBe(true);
    const last = await list(box, "limit=100&offset=4900");
    expect(last.results.some((thread) => thread.status === "OPEN")).toBe(true);
  });
});

describe("changes while the sandbox runs", () => {
  const small = generateBigInbox({ threads: 300, messages: 2_400 });

  it("a new message moves its thread to the top of the list, unread, and shows in its messages", async () => {
    const box = await start({ seed: small.threads });
    const before = await list(box);
    const old = before.results.at(-1);
    if (!old) throw new Error("empty list");
    box.addMessage(old.id, { content: "Is the rooftop open tonight?" });
    const after = await list(box);
    expect(after.results[0]?.id).toBe(old.id);
    expect(after.results[0]?.last_message?.content).toBe("Is the rooftop open tonight?");
    expect(after.results[0]?.unread_count).toBe(old.unread_count + 1);
    const messages = (await get(box, `/${old.id}/messages?limit=100`)).body as {
      results: { content: string }[];
    };
    expect(messages.results.at(-1)?.content).toBe("Is the rooftop open tonight?");
  });

  it("a new thread is listed first and has its messages; an archived one says so", async () => {
    const box = await start({ seed: small.threads });
    const thread = box.addThread({
      guestName: "Théo Ménard",
      messages: [{ content: "Bonjour, une place ce soir ?" }],
    });
    const after = await list(box);
    expect(after.pagination.total).toBe(301);
    expect(after.results[0]?.id).toBe(thread.id);
    const messages = (await get(box, `/${thread.id}/messages`)).body as { results: { content: string }[] };
    expect(messages.results.map((message) => message.content)).toEqual(["Bonjour, une place ce soir ?"]);

    const open = after.results.find((row) => row.status === "OPEN" && row.id !== thread.id);
    if (!open) throw new Error("no open thread");
    box.archive(open.id);
    const archived = (await list(box)).results.find((row) => row.id === open.id);
    expect(archived?.status).toBe("ARCHIVED");
  });

  it("a deleted thread leaves the list and its messages answer 404", async () => {
    const box = await start({ seed: small.threads });
    const before = await list(box);
    const gone = before.results[3];
    if (!gone) throw new Error("short list");
    box.remove(gone.id);
    const after = await list(box);
    expect(after.pagination.total).toBe(299);
    expect(after.results.map((row) => row.id)).not.toContain(gone.id);
    expect((await get(box, `/${gone.id}/messages`)).status).toBe(404);
  });

  it("orders by creation when asked: a new message does not move an old thread up", async () => {
    const box = await start({ seed: small.threads, order: "created" });
    const before = await list(box);
    const created = box.threads
      .map((thread) => thread.created_at)
      .sort()
      .reverse();
    const firstCreated = box.threads.find((thread) => thread.created_at === created[0]);
    expect(before.results[0]?.id).toBe(firstCreated?.id);
    const old = before.results.at(-1);
    if (!old) throw new Error("empty list");
    box.addMessage(old.id, { content: "Still there?" });
    const after = await list(box);
    expect(after.results.map((row) => row.id)).toEqual(before.results.map((row) => row.id));
    const added = box.addThread();
    expect((await list(box)).results[0]?.id).toBe(added.id);
  });
});

describe("the enforced rate limit", () => {
  it("answers 429 with Retry-After past the limit, and does not count the refused ones", async () => {
    const box = await start({ rateLimit: { requests: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await get(box, "?limit=1")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await get(box, "?limit=1");
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ error: "rate_limited" });
    expect(box.rateLimited).toBe(3);
  });

  it("holds every answer for its latency", async () => {
    const box = await start({ latencyMs: 120 });
    const started = performance.now();
    await get(box, "?limit=1");
    // Only a lower bound: a busy machine makes it longer, never shorter (a timer may fire 1 ms early).
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});
