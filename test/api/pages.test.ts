// The page reader against the sandbox over real HTTP: where pages start, whether more follows them
// whatever the API claims, and what stops a reading.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AttemptBudget } from "../../src/api/attempt-budget.js";
import { createClient, type HostelMateClient } from "../../src/api/client.js";
import {
  listPages,
  messagePages,
  newestWindow,
  PageCursor,
  pageInfo,
  readPage,
  readPages,
} from "../../src/api/pages.js";
import { DEFAULT_TIMEOUT_MS } from "../../src/limits.js";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { TEST_API_KEY } from "../helpers.js";
import { noFaults } from "../sandbox/faults.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";

const SHORT = 230;
const thread = (key: string, minutesAgo: number, messages: number): SeedThread => ({
  key,
  channel: "AIRBNB",
  guestName: `Guest ${key}`,
  subject: null,
  status: "OPEN",
  bookingKey: `b-${key}`,
  createdMinutesAgo: minutesAgo + 100,
  messages: Array.from({ length: messages }, (_, index) => ({
    direction: "INBOUND" as const,
    source: "GUEST" as const,
    content: `message ${index}`,
    minutesAgo: minutesAgo + messages - index,
  })),
});
const seed = [
  thread("twelve", 1, 12),
  thread("ten", 2, 10),
  ...Array.from({ length: SHORT }, (_, index) => thread(`short-${index}`, 100 + index, 1)),
];
const THREADS = seed.length;

let sandbox: Sandbox;
let client: HostelMateClient;
let listOrder: string[];
const idOf = (key: string) => sandbox.threads.find((t) => t.guest_name === `Guest ${key}`)?.id ?? "";
const asked = () => sandbox.requests.map((request) => `${request.query.offset}+${request.query.limit}`);
const all = () => true;

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: TEST_API_KEY, seed });
  client = createClient({
    apiUrl: sandbox.url,
    apiKey: TEST_API_KEY,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    retryLimit: 0,
  });
  listOrder = [];
  await readPages(listPages(client, {}), { each: (item) => listOrder.push(item.id) > 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe("readPages", () => {
  it("reads the list to its end a page at a time, in order, and reports each page", async () => {
    const ids: string[] = [];
    const progress: number[] = [];
    const reading = await readPages(listPages(client, {}), {
      each: (item, position) => ids.push(`${position}:${item.id}`) > 0,
      onPage: (read) => progress.push(read),
    });
    expect(reading).toEqual({ next: THREADS, read: THREADS, total: THREADS, stop: "end" });
    expect(asked()).toEqual(["0+100", "100+100", "200+100"]);
    expect(progress).toEqual([100, 200, THREADS]);
    expect(ids).toEqual(listOrder.map((id, position) => `${position}:${id}`));
    expect(new Set(listOrder).size).toBe(THREADS);
  });

  it("stops when the request budget is spent, without asking again", async () => {
    const budget = new AttemptBudget(2);
    const reading = await readPages(listPages(client, {}), { pageSize: 50, call: { budget }, each: all });
    expect(reading).toMatchObject({ next: 100, read: 100, stop: "budget" });
    expect(asked()).toEqual(["0+50", "50+50"]);
  });

  it("stops at the most items asked for, the last page shrunk to fit", async () => {
    const reading = await readPages(listPages(client, {}), { start: 10, maxItems: 120, each: all });
    expect(reading).toMatchObject({ next: 130, read: 120, stop: "items" });
    expect(asked()).toEqual(["10+100", "110+20"]);
  });

  it("resumes after the last item a caller took when it has enough mid-page", async () => {
    const reading = await readPages(listPages(client, {}), { each: (_, position) => position < 104 });
    expect(reading).toMatchObject({ next: 105, read: 105, stop: "enough" });
    const cursor = new PageCursor(listPages(client, {}), { start: reading.next, pageSize: 1 });
    expect((await cursor.readNext())?.items.map((item) => item.id)).toEqual([listOrder[105]]);
  });

  it("calls the end of the list the end, even when the caller also had enough there", async () => {
    const reading = await readPages(listPages(client, {}), { each: (_, position) => position < THREADS - 1 });
    expect(reading.stop).toBe("end");
  });

  it("asks nothing, and spends no budget, for a call already cancelled", async () => {
    const budget = new AttemptBudget(5);
    const call = { signal: AbortSignal.abort(), budget };
    await expect(readPages(listPages(client, {}), { call, each: all })).rejects.toThrow();
    expect(sandbox.requests).toHaveLength(0);
    expect(budget.used).toBe(0);
  });
});

describe("whether more follows a page", () => {
  it("without pagination, takes a full page to mean there may be more and a short one to end it", async () => {
    sandbox.faults = { ...noFaults(), omitMessagesPagination: true };
    const twelve = await readPages(messagePages(client, idOf("twelve")), { pageSize: 5, each: all });
    expect(twelve).toEqual({ next: 12, read: 12, total: null, stop: "end" });
    expect(asked()).toEqual(["0+5", "5+5", "10+5"]);
    sandbox.reset();
    sandbox.faults = { ...noFaults(), omitMessagesPagination: true };
    const ten = await readPages(messagePages(client, idOf("ten")), { pageSize: 5, each: all });
    expect(ten).toEqual({ next: 10, read: 10, total: null, stop: "end" });
    expect(asked()).toEqual(["0+5", "5+5", "10+5"]);
  });

  it("cuts a page longer than the limit to it, and the rest is the next page's", async () => {
    sandbox.faults = { ...noFaults(), ignoreLimit: true, hasMore: false };
    const page = await readPage(listPages(client, {}), { offset: 0, limit: 5 });
    expect(page.answer.results.length).toBe(THREADS);
    expect(page.items.map((item) => item.id)).toEqual(listOrder.slice(0, 5));
    expect(pageInfo(page)).toEqual({ total: THREADS, offset: 0, limit: 5, has_more: true, next_offset: 5 });
    // has_more says no, but the API sent more than asked: it goes on, a page at a time.
    const reading = await readPages(listPages(client, {}), { each: all });
    expect(reading).toMatchObject({ read: THREADS, stop: "end" });
    expect(asked().slice(1)).toEqual(["0+100", "100+100", "200+100"]);
  });

  it("believes has_more over a full page that says otherwise", async () => {
    sandbox.faults = { ...noFaults(), hasMore: false };
    const reading = await readPages(listPages(client, {}), { pageSize: 50, each: all });
    expect(reading).toMatchObject({ read: 50, stop: "end" });
    expect(asked()).toEqual(["0+50"]);
  });

  it("reads on when has_more says so at the real end, and the empty page that follows ends it", async () => {
    sandbox.faults = { ...noFaults(), hasMore: true };
    // The budget only keeps a broken rule from reading forever: the list ends first.
    const budget = new AttemptBudget(10);
    const reading = await readPages(listPages(client, {}), { call: { budget }, each: all });
    expect(reading).toMatchObject({ read: THREADS, stop: "end" });
    expect(asked()).toEqual(["0+100", "100+100", "200+100", `${THREADS}+100`]);
  });

  it("finds nothing more after an empty page, whatever has_more says", async () => {
    sandbox.faults = { ...noFaults(), hasMore: true };
    const page = await readPage(listPages(client, {}), { offset: 500, limit: 20 });
    expect(page.items).toEqual([]);
    expect(pageInfo(page)).toEqual({
      total: THREADS,
      offset: 500,
      limit: 20,
      has_more: false,
      next_offset: null,
    });
    const cursor = new PageCursor(listPages(client, {}), { start: 500 });
    await cursor.readNext();
    expect(cursor.more).toBe(false);
  });

  it("finds the page that ends a list by its total", async () => {
    const total = (await readPage(messagePages(client, idOf("twelve")), { offset: 0, limit: 5 })).total ?? 0;
    const newest = await readPage(messagePages(client, idOf("twelve")), newestWindow(total, 5));
    expect(newest.items.map((message) => message.content)).toEqual(
      [7, 8, 9, 10, 11].map((i) => `message ${i}`),
    );
    expect(newest.more).toBe(false);
    expect(newestWindow(3, 5)).toEqual({ offset: 0, limit: 5 });
  });
});
