// The search rows of `npm run bench` (`--only=search` runs them alone): search_conversations from the
// mirror beside today's live path, through the SDK Client in this process, on the generated
// 5,000-thread inbox (test/sandbox/big-inbox.ts) behind a sandbox that answers each request after
// 150 ms. The mirror is synced once without latency, then the same inbox is served with it. Measured:
// upstream requests per search and its time in round trips (every fourth labelled query, each after
// the sync interval so that it pays its freshness check), the searches that fit in a minute under
// the API's 120 requests, and the labelled set's quality over the seed (test/data/search-queries.json).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createClient } from "../src/api/client.js";
import { createLogger } from "../src/log/log.js";
import { Mirror } from "../src/mirror/mirror.js";
import { MirrorStore } from "../src/mirror/store.js";
import { stableUuid } from "../src/sandbox/dataset.js";
import { seedThreads } from "../src/sandbox/seed-threads.js";
import { SANDBOX_ANCHOR } from "../src/sandbox/server.js";
import { createServer } from "../src/server/server.js";
import { openTestDatabase } from "../test/mirror/open.js";
import { generateBigInbox } from "../test/sandbox/big-inbox.js";
import { startSandbox } from "../test/sandbox/server.js";
import { loadQueries } from "../test/search-queries.js";

const LATENCY_MS = 150;
const LIMIT_PER_MINUTE = 120;
const STEADY_MS = 10_000;
export const SEARCH_GOALS = { requests: 1, roundTrips: 1.5, perMinute: 100, recall: 0.95 };

export interface SearchMeasures {
  threads: number;
  latencyMs: number;
  limitPerMinute: number;
  timedQueries: number;
  labelledQueries: number;
  /** One request's time to the sandbox (median). */
  roundTripMs: number;
  mirror: { elapsedMs: number[]; requests: number[] };
  live: { elapsedMs: number[]; requests: number[] };
  /** Searches back to back with the 60 s sync interval. */
  steady: { searches: number; requests: number; ms: number };
  quality: { mirror: Quality; live: Quality };
}

interface Quality {
  recall: number;
  first: number;
}

export async function measureSearch(apiKey: string): Promise<SearchMeasures> {
  const logger = createLogger("error", () => {});
  const apiFor = (url: string) =>
    createClient({ apiUrl: url, apiKey, timeoutMs: 10_000, logger, cacheTtlMs: 0 });
  /** An in-process server over `url`, answering from `mirror` or live; `search` gives the top threads' ids. */
  const connect = async (url: string, mirror: Mirror | undefined) => {
    const server = createServer({ client: apiFor(url), logger, clock: () => SANDBOX_ANCHOR, mirror });
    const client = new Client({ name: "hostelmate-bench", version: "1.0.0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(b), client.connect(a)]);
    await client.listTools();
    return {
      async search(query: string, snippets = 5): Promise<string[]> {
        const answer = await client.callTool({
          name: "search_conversations",
          arguments: { query, limit: 5, snippets },
        });
        if (answer.isError)
          throw new Error(`search ${JSON.stringify(query)} failed: ${JSON.stringify(answer.content)}`);
        return ((answer.structuredContent as { threads?: { id: string }[] }).threads ?? []).map((t) => t.id);
      },
      close: () => client.close(),
    };
  };
  const queries = loadQueries();
  // Every fourth labelled query for time and requests: the live path takes a second or more each.
  const timed = queries.filter((_, index) => index % 4 === 0);
  const big = generateBigInbox().threads;

  const store = new MirrorStore(openTestDatabase());
  {
    const quick = await startSandbox({ apiKey, seed: big });
    const mirror = new Mirror({ client: apiFor(quick.url), store, logger });
    await mirror.sync();
    await mirror.close();
    await quick.close();
  }
  const slow = await startSandbox({ apiKey, seed: big, latencyMs: LATENCY_MS });
  const direct = apiFor(slow.url);
  const roundTrips: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const started = performance.now();
    // The request a freshness check makes: the list's first page of 100.
    await direct.listConversations({ limit: 100, offset: 0 });
    roundTrips.push(performance.now() - started);
  }
  const measure = async (search: (query: string) => Promise<string[]>) => {
    const elapsedMs: number[] = [];
    const requests: number[] = [];
    for (const query of timed) {
      const before = slow.requests.length;
      const started = performance.now();
      await search(query.query);
      elapsedMs.push(performance.now() - started);
      requests.push(slow.requests.length - before);
    }
    return { elapsedMs, requests };
  };
  // An interval of 0: every search checks freshness first, the most it ever asks of Hostel Mate.
  const checking = new Mirror({ client: direct, store, logger, intervalMs: 0 });
  const fromMirror = await connect(slow.url, checking);
  const mirror = await measure((query) => fromMirror.search(query));
  await fromMirror.close();
  await checking.close();
  const liveServer = await connect(slow.url, undefined);
  const live = await measure((query) => liveServer.search(query));
  await liveServer.close();

  const everyMinute = new Mirror({ client: direct, store, logger });
  const steadyServer = await connect(slow.url, everyMinute);
  const before = slow.requests.length;
  const started = performance.now();
  let searches = 0;
  while (performance.now() - started < STEADY_MS) {
    await steadyServer.search(queries[searches % queries.length]?.query ?? "towels");
    searches += 1;
  }
  const steady = { searches, requests: slow.requests.length - before, ms: performance.now() - started };
  await steadyServer.close();
  await everyMinute.close();
  store.db.close();
  await slow.close();

  const keyOf = new Map(seedThreads.map((thread) => [stableUuid("thread", thread.key), thread.key]));
  const quality = async (mirrored: boolean): Promise<Quality> => {
    const seed = await startSandbox({ apiKey });
    const seedStore = new MirrorStore(openTestDatabase());
    const seedMirror = mirrored
      ? new Mirror({ client: apiFor(seed.url), store: seedStore, logger })
      : undefined;
    await seedMirror?.sync();
    const server = await connect(seed.url, seedMirror);
    let top = 0;
    let first = 0;
    for (const query of queries) {
      const keys = (await server.search(query.query, 0)).map((id) => keyOf.get(id) ?? id);
      top += Number(keys.some((key) => query.expected.includes(key)));
      first += Number(keys[0] !== undefined && query.expected.includes(keys[0]));
    }
    await server.close();
    await seedMirror?.close();
    seedStore.db.close();
    await seed.close();
    return { recall: top / queries.length, first: first / queries.length };
  };

  return {
    threads: big.length,
    latencyMs: LATENCY_MS,
    limitPerMinute: LIMIT_PER_MINUTE,
    timedQueries: timed.length,
    labelledQueries: queries.length,
    roundTripMs: [...roundTrips].sort((a, b) => a - b)[Math.floor(roundTrips.length / 2)] ?? Number.NaN,
    mirror,
    live,
    steady,
    quality: { mirror: await quality(true), live: await quality(false) },
  };
}
