// Search quality on the labelled set (test/data/search-queries.json), two ways:
// 1. live: today's search_conversations through the SDK Client against the sandbox; per query
//    whether an expected thread is in the top 5 and first, then recall@5 and the share first;
// 2. pure: whether the query's analysed words (src/text/, widened by src/search/topics.ts) occur
//    among the analysed words of an expected thread, for each way of stemming a word whose
//    language is unknown.
// 3. mirror: the same calls answered from the inbox mirror (src/search/mirror-search.ts), synced
//    first; with --big, among the 5,000 threads of test/sandbox/big-inbox.ts (the seed's threads,
//    which the labels name, among 4,945 generated ones), the live path beside it.
// Run: npx tsx scripts/search-eval.ts [--pure-only] [--big] [--mirror-only]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createClient } from "../src/api/client.js";
import { createLogger } from "../src/log/log.js";
import { Mirror } from "../src/mirror/mirror.js";
import { MirrorStore } from "../src/mirror/store.js";
import { stableUuid } from "../src/sandbox/dataset.js";
import { seedThreads } from "../src/sandbox/seed-threads.js";
import { SANDBOX_ANCHOR, startSandbox } from "../src/sandbox/server.js";
import { expandQuery } from "../src/search/expand.js";
import { createServer } from "../src/server/server.js";
import { withinOneEdit } from "../src/text/fuzzy.js";
import { tokenise } from "../src/text/tokenise.js";
import { openTestDatabase } from "../test/mirror/open.js";
import { generateBigInbox } from "../test/sandbox/big-inbox.js";
import { evaluatePure, type LabelledQuery, loadQueries, type Strategy } from "../test/search-queries.js";

const TOP = 5;
const queries = loadQueries();
const percent = (part: number, whole: number) => `${((part / Math.max(whole, 1)) * 100).toFixed(1)}%`;
const out: string[] = [];

interface LiveResult {
  query: LabelledQuery;
  top: string[];
}

const big = process.argv.includes("--big");
const bigInbox = big ? generateBigInbox() : undefined;
const seed = bigInbox?.threads ?? seedThreads;
const nameOf = new Map(seed.map((thread) => [thread.key, tokenise(thread.guestName ?? "")]));
// The big inbox's topics (test/sandbox/big-inbox-phrases.ts) as the topic table (src/search/topics.ts) names them.
const TABLE_TOPICS: Record<string, string[]> = {
  "late-arrival": ["arrival time"],
  luggage: ["luggage"],
  breakfast: ["breakfast"],
  "airport-transfer": ["directions"],
  cancellation: ["refunds and cancellations"],
  invoice: ["invoices"],
  "lost-item": ["lost items"],
  "towels-lockers": ["towels and sheets", "lockers"],
  noise: ["noise"],
};

/**
 * In the big inbox, a generated thread answers a query too when a guest of that name wrote it (each
 * word of the query one of the name's, or one typo from it), or when the query names a topic the
 * thread's guest asked about. Lenient: a breakfast thread "answers" "gluten free breakfast".
 */
function alsoRelevant(query: LabelledQuery, key: string): boolean {
  const label = bigInbox?.labels.get(key);
  if (!label) return false;
  const groups = expandQuery(query.query);
  const topics = groups.flatMap((group) => group.topics);
  if (topics.length > 0)
    return label.topics.some((name) => (TABLE_TOPICS[name] ?? []).some((topic) => topics.includes(topic)));
  const name = nameOf.get(key) ?? [];
  return groups.every((group) => name.some((word) => withinOneEdit(group.written, word)));
}
const keyById = new Map(seed.map((thread) => [stableUuid("thread", thread.key), thread.key]));

async function live(path: "live" | "mirror"): Promise<LiveResult[]> {
  const apiKey = "hm_eval_key";
  const sandbox = await startSandbox({ apiKey, anchor: SANDBOX_ANCHOR, seed });
  const logger = createLogger("error", () => {});
  const api = createClient({
    apiUrl: sandbox.url,
    apiKey,
    timeoutMs: 10_000,
    retryLimit: 2,
    logger,
    cacheTtlMs: 0,
  });
  const mirror =
    path === "mirror"
      ? new Mirror({ client: api, store: new MirrorStore(openTestDatabase()), logger, now: () => Date.now() })
      : undefined;
  if (mirror) await mirror.sync();
  const server = createServer({ client: api, logger, clock: () => SANDBOX_ANCHOR, mirror });
  const client = new Client({ name: "search-eval", version: "1.0.0" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  await client.listTools();
  const results: LiveResult[] = [];
  try {
    for (const query of queries) {
      const answer = await client.callTool({
        name: "search_conversations",
        arguments: { query: query.query, limit: TOP, snippets: 0 },
      });
      const threads = (answer.structuredContent as { threads?: { id: string }[] } | undefined)?.threads ?? [];
      results.push({
        query,
        top: threads.slice(0, TOP).map((thread) => keyById.get(thread.id) ?? thread.id),
      });
    }
  } finally {
    await client.close();
    await mirror?.close();
    await sandbox.close();
  }
  return results;
}

function liveReport(results: readonly LiveResult[], title: string): void {
  out.push(
    `## ${title}${big ? `, among the ${seed.length.toLocaleString("en-US")} threads of the big inbox` : ""}, top 5`,
    "",
  );
  out.push(
    `| query | kind | in top 5 | first | ${big ? "lenient: in top 5 | lenient: first | " : ""}top 5 |`,
    `| --- | --- | :-: | :-: | ${big ? ":-: | :-: | " : ""}--- |`,
  );
  const byKind = new Map<string, { n: number; top: number; first: number }>();
  let top = 0;
  let first = 0;
  let lenientTop = 0;
  let lenientFirst = 0;
  const misses: string[] = [];
  const lenientMisses: string[] = [];
  for (const { query, top: keys } of results) {
    const inTop = keys.some((key) => query.expected.includes(key));
    const isFirst = keys[0] !== undefined && query.expected.includes(keys[0]);
    const answers = (key: string) => query.expected.includes(key) || alsoRelevant(query, key);
    const lenient = big ? [keys.some(answers), keys[0] !== undefined && answers(keys[0])] : [];
    lenientTop += Number(lenient[0] === true);
    lenientFirst += Number(lenient[1] === true);
    if (!inTop) misses.push(query.query);
    if (big && lenient[0] !== true) lenientMisses.push(query.query);
    top += Number(inTop);
    first += Number(isFirst);
    const kind = byKind.get(query.kind) ?? { n: 0, top: 0, first: 0 };
    byKind.set(query.kind, {
      n: kind.n + 1,
      top: kind.top + Number(inTop),
      first: kind.first + Number(isFirst),
    });
    out.push(
      `| ${query.query} | ${query.kind} | ${inTop ? "yes" : "no"} | ${isFirst ? "yes" : "no"} | ${lenient.map((yes) => (yes ? "yes | " : "no | ")).join("")}${keys.join(", ")} |`,
    );
  }
  out.push("", "| kind | queries | recall@5 | ranked first |", "| --- | ---: | ---: | ---: |");
  for (const [kind, counts] of byKind)
    out.push(
      `| ${kind} | ${counts.n} | ${percent(counts.top, counts.n)} | ${percent(counts.first, counts.n)} |`,
    );
  out.push(
    `| all | ${results.length} | ${percent(top, results.length)} | ${percent(first, results.length)} |`,
    "",
  );
  if (big)
    out.push(
      `Lenient (a generated thread of the guest named or the topic asked about answers too): recall@5 ${percent(lenientTop, results.length)}, ranked first ${percent(lenientFirst, results.length)}; not in the top 5 even so: ${lenientMisses.map((q) => JSON.stringify(q)).join(", ") || "none"}.`,
      "",
    );
  out.push(
    `Not in the top 5: ${misses.length ? misses.map((q) => JSON.stringify(q)).join(", ") : "none"}.`,
    "",
  );
}

function pureReport(): void {
  out.push("## Pure: analysed query words among an expected thread's analysed words", "");
  out.push(
    "| stemming of text words | topic table | typo allowance in names | every group found | some group found | threads matching every group (mean) | of which expected |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: |",
  );
  const strategies: Strategy[] = ["all six", "guessed language", "no stemming"];
  for (const strategy of strategies)
    for (const topics of [true, false]) {
      const results = evaluatePure(queries, strategy, { topics, fuzzyNames: true });
      const matching = results.reduce((sum, result) => sum + result.matchingThreads, 0);
      const expected = results.reduce((sum, result) => sum + result.matchingExpected, 0);
      out.push(
        `| ${strategy} | ${topics ? "yes" : "no"} | yes | ${percent(results.filter((r) => r.covered).length, results.length)} | ${percent(results.filter((r) => r.touched).length, results.length)} | ${(matching / results.length).toFixed(2)} | ${percent(expected, matching)} |`,
      );
    }
  const withoutFuzzy = evaluatePure(queries, "all six", { topics: true, fuzzyNames: false });
  out.push(
    `| all six | yes | no | ${percent(withoutFuzzy.filter((r) => r.covered).length, withoutFuzzy.length)} | ${percent(withoutFuzzy.filter((r) => r.touched).length, withoutFuzzy.length)} | | |`,
    "",
  );
  const chosen = evaluatePure(queries, "all six", { topics: true, fuzzyNames: true });
  for (const result of chosen.filter((r) => !r.covered))
    out.push(
      `not every group found: "${result.query.query}" (${result.groups.map((g) => g.written).join(" & ")})`,
    );
  out.push("");
}

if (!big && !process.argv.includes("--mirror-only")) pureReport();
if (!process.argv.includes("--pure-only")) {
  if (!process.argv.includes("--mirror-only"))
    liveReport(await live("live"), "Live search_conversations (today's path)");
  liveReport(await live("mirror"), "search_conversations from the mirror");
}
process.stdout.write(`${out.join("\n")}\n`);
