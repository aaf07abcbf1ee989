// `npm run bench`: one table, measured in one run on the sandbox's seeded data —
//   output economy: the tools' text against the raw API JSON for the same requests (characters and
//     o200k tokens), and the token cost of the tools/list definitions;
//   overhead: a tool call over real stdio against the same call through a minimal SDK server and a
//     direct HTTP request to the same sandbox URL, in alternation;
//   cold start: spawn → initialize answered, in rounds with reference servers started the same way;
//   memory: 10,000 mixed calls with the heap capped at 48 MB, and the server's RSS before and after;
//   connections: a call after a 10 s pause against one right after another, with a handshake delay;
//   mirror: the first and an incremental sync of a 5,000-thread inbox, its file and RSS (bench-mirror.ts);
//   search: search_conversations from the mirror beside the live path on that inbox (bench-search.ts).
// Every server runs with HOSTELMATE_MIRROR=off but the mirror's: a background sync would add requests
// and connections to what the other rows measure. `--only=mirror,connections` runs those sections.
// It exits non-zero when a budget is broken. `npm run bench -- --update-readme` also writes the table
// into README.md. It runs the built server (dist/index.js): `npm run bench` builds it first.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem, type } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { type Sandbox, startSandbox } from "../test/sandbox/server.js";
import { initialize, initializeParams, type Running, runCommand } from "../test/stdio-process.js";
import { type MirrorMeasures, measureMirror, REAL_LIMIT_PER_MINUTE } from "./bench-mirror.js";
import { measureSearch, SEARCH_GOALS, type SearchMeasures } from "./bench-search.js";

const API_KEY = "hm_live_BENCH_SECRET_abcd1234";

const ENTRY = "dist/index.js";
const BUDGETS = {
  pageRatio: 0.35,
  /** A 20-thread page's text in tokens against the raw JSON's, its thread ids printed short (issue 14). */
  pageTokenRatio: 0.3,
  transcriptRatio: 0.55,
  /** structuredContent against the text of the same page: the twin repeats the page, not more than once over. */
  // 2.5, not 2: the twin keeps each thread id whole (36 characters) where the text prints 8.
  structuredRatio: 2.5,
  /** A tool call's time against the same call through the minimal SDK server, measured alongside. */
  overheadRatio: 2,
  coldStartMs: 100,
  memoryHeapMb: 48,
};
// Times are budgeted as ratios to reference servers measured in the same run, in alternation with
// ours: machines differ by more than any fixed budget allows (server-everything has taken 150 to
// 600 ms here), and a shared machine's load changes from one second to the next, which failed a
// fixed or once-scaled budget one run in two. The cold-start budget of 100 ms was set on machines
// where server-everything starts in about 165 ms and a minimal SDK server bundled into one file in
// about 90 ms: each round, 100 ms is scaled by the mean of the two references' slowdowns against
// those (each is noisy; neither is the better guess), and the median over the rounds of ours against
// that must be at most 1.
const SET_ON = { everythingMs: 165, minimalBundledMs: 90 };
const COLD_START_ROUNDS = 21;
const OVERHEAD_WARMUP = 50;
const OVERHEAD_ROUNDS = 21;
const OVERHEAD_CALLS_PER_ROUND = 25;
const OVERHEAD_CALLS = OVERHEAD_ROUNDS * OVERHEAD_CALLS_PER_ROUND;
const MEMORY_CALLS = 10_000;
const MEMORY_CONCURRENCY = 8;

/** The sections `--only=` names, in the table's order. */
const SECTIONS = ["economy", "overhead", "cold-start", "memory", "connections", "mirror", "search"] as const;
type Section = (typeof SECTIONS)[number];

/** The sections asked for with `--only=a,b` (all without it). */
function selectedSections(argv: readonly string[]): Set<Section> {
  const only = argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
  if (only === undefined) return new Set(SECTIONS);
  const names = only.split(",").filter((name) => name !== "");
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--only takes one or more of ${SECTIONS.join(", ")} (got ${only || "nothing"})`);
  return new Set(names as Section[]);
}
const selected = selectedSections(process.argv);
// A section's rows in the README are told by their first words only where they all begin with its
// name ("mirror: …"); the others are rewritten by a whole run.
const NAMED_ROWS: readonly Section[] = ["mirror", "search"];
if (
  process.argv.includes("--update-readme") &&
  selected.size < SECTIONS.length &&
  ![...selected].every((section) => NAMED_ROWS.includes(section))
)
  throw new Error(
    `--update-readme with --only works for ${NAMED_ROWS.join(", ")}; run the whole bench for the rest`,
  );
const runs = (section: Section) => selected.has(section);

interface Row {
  /** The table shows economy, overhead, cold start, memory, connections, mirror, in this order, whatever ran first. */
  section: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  measure: string;
  ours: string;
  reference: string;
  result: string;
  budget: string;
}
const rows: Row[] = [];
const broken: string[] = [];

function budgetCell(ok: boolean, text: string, what: string): string {
  if (!ok) broken.push(what);
  return `${text} ${ok ? "✓" : "✗"}`;
}
const n = (value: number) => value.toLocaleString("en-US");
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const median = (values: number[]) => percentile(values, 0.5);
const times = (value: number) => `${value.toFixed(2)}×`;
/** The median over rounds of ours ÷ the reference in the same round: a slow moment slows both. */
const medianRatio = (ours: number[], reference: number[]) =>
  median(ours.map((value, index) => value / (reference[index] ?? Number.NaN)));
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

// ── A minimal JSON-RPC client over a child's stdio: nothing kept but the pending answers ──────────

// The tests' stdio client: a server as an MCP client runs it, JSON-RPC over its stdin and stdout.
type Child = Running;
const CLIENT_NAME = "hostelmate-bench";

function spawnServer(command: string, args: string[], env: Record<string, string> = {}): Child {
  return runCommand(command, args, { PATH: process.env.PATH ?? "", ...env }, undefined, { keepLines: false });
}

async function initialized(child: Child): Promise<void> {
  await initialize(child, CLIENT_NAME);
}

async function stop(child: Child): Promise<number | null> {
  child.child.stdin.end();
  const timer = setTimeout(() => child.child.kill("SIGKILL"), 5_000);
  const code = await child.exit;
  clearTimeout(timer);
  return code;
}

/** Resident memory of a child in MB, from /proc (Linux); undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
  } catch {
    return undefined;
  }
}

const liveEnv = (sandbox: Pick<Sandbox, "url">, extra: Record<string, string> = {}) => ({
  HOSTELMATE_API_KEY: API_KEY,
  HOSTELMATE_API_URL: sandbox.url,
  HOSTELMATE_LOG_LEVEL: "warn",
  HOSTELMATE_MIRROR: "off",
  ...extra,
});

interface RemoteSandbox {
  url: string;
  process: ChildProcess;
  /** "count": requests the sandbox has seen since the last "reset". */
  ask(question: "count" | "reset"): Promise<number>;
}

/** The sandbox in a process of its own (scripts/sandbox-process.ts), asked over the IPC channel. */
async function startRemoteSandbox(): Promise<RemoteSandbox> {
  const child = fork("scripts/sandbox-process.ts", [API_KEY], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [url] = (await once(child, "message")) as [string];
  return {
    url,
    process: child,
    async ask(question) {
      child.send(question);
      const [answer] = (await once(child, "message")) as [number];
      return answer;
    },
  };
}

if (!existsSync(ENTRY))
  throw new Error(`${ENTRY} is missing: npm run bench builds it, or run npm run build.`);

const sandbox = await startSandbox({ apiKey: API_KEY });

// ── Cold start: spawn → initialize answered ────────────────────────────────────────────────────────

if (runs("cold-start")) {
  const everythingDir = "node_modules/@modelcontextprotocol/server-everything";
  const everythingPackage = JSON.parse(readFileSync(join(everythingDir, "package.json"), "utf8")) as {
    version: string;
    bin: Record<string, string>;
  };
  const everythingEntry = join(everythingDir, Object.values(everythingPackage.bin)[0] ?? "dist/index.js");
  // What node itself costs: a script that answers the first line it reads.
  const bareNode = `process.stdin.once("data", () => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: 1, result: {} }) + "\\n"))`;
  // The server turns on Node's compile cache: a fresh one here, filled by the warm-up run as a user's
  // first start fills theirs. Starts without it (the first after an install) are measured too.
  const compileCache = await mkdtemp(join(tmpdir(), "hostelmate-bench-cache-"));
  // The second reference: the least an SDK server does (scripts/reference-server.ts), bundled into one
  // file as the budgets' "minimal SDK server bundled" was.
  const minimalBundled = join(compileCache, "minimal-sdk-server.mjs");
  await build({
    entryPoints: ["scripts/reference-server.ts"],
    outfile: minimalBundled,
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  const candidates = {
    ours: () =>
      spawnServer(process.execPath, [ENTRY], liveEnv(sandbox, { NODE_COMPILE_CACHE: compileCache })),
    uncached: () =>
      spawnServer(process.execPath, [ENTRY], liveEnv(sandbox, { NODE_DISABLE_COMPILE_CACHE: "1" })),
    everything: () => spawnServer(process.execPath, [everythingEntry, "stdio"]),
    minimal: () => spawnServer(process.execPath, [minimalBundled]),
    node: () => spawnServer(process.execPath, ["-e", bareNode]),
  };
  const coldTimes: Record<keyof typeof candidates, number[]> = {
    ours: [],
    uncached: [],
    everything: [],
    minimal: [],
    node: [],
  };
  const timeToInitialize = async (start: () => Child) => {
    const started = performance.now();
    const child = start();
    await child.request("initialize", initializeParams(CLIENT_NAME));
    const elapsed = performance.now() - started;
    child.child.kill("SIGKILL");
    await child.exit;
    return elapsed;
  };
  // One round to warm the file cache, then the measured rounds. Within a round ours starts next to
  // each reference, first in one round and last in the next, so no one always follows the same.
  const names = Object.keys(candidates) as Array<keyof typeof candidates>;
  for (let round = 0; round <= COLD_START_ROUNDS; round += 1) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const elapsed = await timeToInitialize(candidates[name]);
      if (round > 0) coldTimes[name].push(elapsed);
    }
  }
  const ours = median(coldTimes.ours);
  const everything = median(coldTimes.everything);
  const minimal = median(coldTimes.minimal);
  // Each round's 100 ms on this machine at that moment, and ours against it.
  const budgetsThere = coldTimes.everything.map(
    (everythingMs, round) =>
      (BUDGETS.coldStartMs *
        (everythingMs / SET_ON.everythingMs +
          (coldTimes.minimal[round] ?? Number.NaN) / SET_ON.minimalBundledMs)) /
      2,
  );
  const againstBudget = medianRatio(coldTimes.ours, budgetsThere);
  rows.push({
    section: 3,
    measure: `cold start: spawn → initialize answered (median of ${COLD_START_ROUNDS} rounds, each with the reference servers)`,
    ours: ms(ours),
    reference: `server-everything ${everythingPackage.version} ${ms(everything)}; minimal SDK server bundled ${ms(minimal)}; node alone ${ms(median(coldTimes.node))}`,
    result: `${times(medianRatio(coldTimes.ours, coldTimes.everything))} · ${times(medianRatio(coldTimes.ours, coldTimes.minimal))}`,
    budget: budgetCell(
      againstBudget <= 1,
      `≤ the mean of ${(BUDGETS.coldStartMs / SET_ON.everythingMs).toFixed(2)}× and ${(BUDGETS.coldStartMs / SET_ON.minimalBundledMs).toFixed(2)}× (${BUDGETS.coldStartMs} ms where they take ${SET_ON.everythingMs} and ${SET_ON.minimalBundledMs} ms): ${times(againstBudget)} of it`,
      "cold start",
    ),
  });
  rows.push({
    section: 3,
    measure: "the same without Node's compile cache (a first start after installing)",
    ours: ms(median(coldTimes.uncached)),
    reference: "—",
    result: `${times(medianRatio(coldTimes.uncached, coldTimes.everything))} · ${times(medianRatio(coldTimes.uncached, coldTimes.minimal))}`,
    budget: "—",
  });
  rows.push({
    section: 3,
    measure: `this machine against the budget's machines: the reference servers' cold starts (there: server-everything ${SET_ON.everythingMs} ms, minimal SDK server bundled ${SET_ON.minimalBundledMs} ms)`,
    ours: "—",
    reference: `server-everything ${ms(everything)}; minimal SDK server bundled ${ms(minimal)}`,
    result: `${times(everything / SET_ON.everythingMs)} · ${times(minimal / SET_ON.minimalBundledMs)}`,
    budget: `the ${BUDGETS.coldStartMs} ms budget is ${ms(median(budgetsThere))} here (median of the rounds)`,
  });
  await rm(compileCache, { recursive: true, force: true });
}

// ── Output economy ─────────────────────────────────────────────────────────────────────────────────

if (runs("economy")) {
  // Loaded only now: the tokenizer's tables and the test harness make this process large, and a
  // large process forks more slowly, which the cold start above would have counted.
  const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
  const { startHarness, textOf } = await import("../test/helpers.js");
  const harness = await startHarness();
  const raw = async (path: string) =>
    (
      await fetch(`${harness.sandbox.url}/api/v1/client/${path}`, {
        headers: { "X-API-Key": harness.sandbox.apiKey },
      })
    ).text();
  /**
   * The tool's text against raw JSON: the API's answers for `rawPath` (a path, or a choice among the
   * paths the tool asked for), or, without one, every answer the tool asked for (a search reads a
   * list page and the threads it quotes from).
   */
  const economy = async (
    what: string,
    tool: string,
    args: Record<string, unknown>,
    rawPath?: string | ((requested: string[]) => string[]),
    budget?: number,
    tokenBudget?: number,
  ) => {
    harness.sandbox.reset();
    const text = textOf(await harness.call(tool, args));
    const requested = harness.sandbox.requests.map(
      (request) => `${request.path.replace("/api/v1/client/", "")}?${new URLSearchParams(request.query)}`,
    );
    const paths = typeof rawPath === "string" ? [rawPath] : rawPath ? rawPath(requested) : requested;
    const json = (await Promise.all(paths.map(raw))).join("");
    const ratio = text.length / json.length;
    const tokenRatio = countTokens(text) / countTokens(json);
    const budgets = [
      budget === undefined ? undefined : budgetCell(ratio <= budget, `chars ≤ ${budget}`, what),
      tokenBudget === undefined
        ? undefined
        : budgetCell(tokenRatio <= tokenBudget, `tokens ≤ ${tokenBudget}`, `${what} in tokens`),
    ].filter((cell) => cell !== undefined);
    const responses = paths.length === 1 ? "" : ` (${paths.length} responses)`;
    rows.push({
      section: 1,
      measure: what,
      ours: `${n(text.length)} chars · ${n(countTokens(text))} tokens`,
      reference: `raw JSON${responses} ${n(json.length)} chars · ${n(countTokens(json))} tokens`,
      result: `${ratio.toFixed(3)} · ${tokenRatio.toFixed(3)}`,
      budget: budgets.length === 0 ? "—" : budgets.join(", "),
    });
  };

  const threads = harness.sandbox.threads;
  const longest = [...threads].sort((a, b) => b.messages.length - a.messages.length)[0];
  const typical = threads.find(
    (thread) => thread.channel === "EMAIL" && thread.messages.length >= 4 && thread.messages.length <= 20,
  );
  if (!longest || longest.messages.length < 50 || !typical)
    throw new Error("the seed lacks the threads this benchmark reads");

  for (const offset of [0, 20]) {
    await economy(
      `20-thread page (offset ${offset})`,
      "list_conversations",
      { limit: 20, offset },
      `conversations?limit=20&offset=${offset}`,
      BUDGETS.pageRatio,
      BUDGETS.pageTokenRatio,
    );
  }
  {
    harness.sandbox.reset();
    const page = await harness.call("list_conversations", { limit: 20 });
    const text = textOf(page);
    const twin = JSON.stringify(page.structuredContent);
    const ratio = twin.length / text.length;
    rows.push({
      section: 1,
      measure: "20-thread page: structuredContent against its text",
      ours: `structured JSON ${n(twin.length)} chars · ${n(countTokens(twin))} tokens`,
      reference: `text ${n(text.length)} chars · ${n(countTokens(text))} tokens`,
      result: `${ratio.toFixed(3)} · ${(countTokens(twin) / countTokens(text)).toFixed(3)}`,
      budget: budgetCell(
        ratio < BUDGETS.structuredRatio,
        `chars < ${BUDGETS.structuredRatio}`,
        "structured twin of a 20-thread page",
      ),
    });
  }
  await economy(
    "50-message transcript (long emails), with its listing",
    "get_messages",
    { thread_id: longest.id, limit: 50 },
    // Without an offset the tool shows the newest 50: compare with the API's page of those, and with
    // the thread's listing, which the header's subject, status and same-booking threads come from.
    (requested) => [
      `conversations/${longest.id}/messages?limit=50&offset=${longest.messages.length - 50}`,
      ...requested.filter((path) => path.startsWith("conversations?")),
    ],
    BUDGETS.transcriptRatio,
  );
  await economy(
    `${typical.messages.length}-message email transcript`,
    "get_messages",
    { thread_id: typical.id },
    `conversations/${typical.id}/messages?limit=50&offset=0`,
  );
  await economy('search "locker", with quoted matches', "search_conversations", { query: "locker" });
  const definitions = JSON.stringify((await harness.client.listTools()).tools);
  rows.push({
    section: 1,
    measure: "tools/list definitions",
    ours: `${n(definitions.length)} chars · ${n(countTokens(definitions))} tokens`,
    reference: "—",
    result: "—",
    budget: "—",
  });
  await harness.close();
}

// ── Overhead: the same request as a tool call over stdio and as a direct HTTP request ──────────────

if (runs("overhead")) {
  // The sandbox runs in a process of its own here, as the real API is elsewhere: with the sandbox in
  // this process a direct request would never leave it, while the server's request crosses to
  // another process and back, and that crossing would be billed to the server.
  const remote = await startRemoteSandbox();
  // Cache off, so that every call reaches the sandbox; the rate limit far away, so nothing waits.
  const server = spawnServer(process.execPath, [ENTRY], {
    ...liveEnv(remote, { HOSTELMATE_CACHE_TTL_MS: "0", HOSTELMATE_RATE_LIMIT: "10000" }),
  });
  // The same request through the least an SDK server can do (scripts/reference-server.ts): what is
  // left between it and a direct request is the SDK's and the process boundary's, not ours.
  const reference = spawnServer(process.execPath, [...process.execArgv, "scripts/reference-server.ts"], {
    ...liveEnv(remote),
  });
  await Promise.all([initialized(server), initialized(reference)]);
  const url = `${remote.url}/api/v1/client/conversations?limit=20&offset=0`;
  const callTimes: number[] = [];
  const referenceTimes: number[] = [];
  const directTimes: number[] = [];
  const toolCall = async (through: Child = server) => {
    const started = performance.now();
    const answer = await through.request("tools/call", {
      name: "list_conversations",
      arguments: { limit: 20 },
    });
    const elapsed = performance.now() - started;
    if (!answer.result || (answer.result as { isError?: boolean }).isError === true)
      throw new Error(`the overhead call failed: ${JSON.stringify(answer).slice(0, 300)}`);
    return elapsed;
  };
  const direct = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { "X-API-Key": API_KEY, Accept: "application/json" } });
    JSON.parse(await response.text());
    return performance.now() - started;
  };
  for (let index = 0; index < OVERHEAD_WARMUP; index += 1) {
    await toolCall();
    await toolCall(reference);
    await direct();
  }
  await remote.ask("reset");
  // Interleaved, so that all three see the same machine; the budget compares each round's medians,
  // so that a busy second slows ours and the reference alike.
  const roundRatios: number[] = [];
  for (let round = 0; round < OVERHEAD_ROUNDS; round += 1) {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let index = 0; index < OVERHEAD_CALLS_PER_ROUND; index += 1) {
      ours.push(await toolCall());
      theirs.push(await toolCall(reference));
      directTimes.push(await direct());
    }
    callTimes.push(...ours);
    referenceTimes.push(...theirs);
    roundRatios.push(median(ours) / median(theirs));
  }
  const againstReference = median(roundRatios);
  const upstream = await remote.ask("count");
  if (upstream !== OVERHEAD_CALLS * 3)
    throw new Error(
      `expected one upstream request per call, the sandbox saw ${upstream - 2 * OVERHEAD_CALLS}`,
    );
  await Promise.all([stop(server), stop(reference)]);
  remote.process.kill();

  const medianOverhead = median(callTimes) - median(directTimes);
  rows.push({
    section: 2,
    measure: `tool call over stdio, list_conversations limit 20 (median of ${OVERHEAD_CALLS}, in ${OVERHEAD_ROUNDS} rounds with the minimal SDK server below)`,
    ours: ms(median(callTimes)),
    reference: `direct HTTP ${ms(median(directTimes))}`,
    result: `+${ms(medianOverhead)}; ${times(againstReference)} the minimal SDK server`,
    budget: budgetCell(
      againstReference <= BUDGETS.overheadRatio,
      `≤ ${times(BUDGETS.overheadRatio)} the minimal SDK server (median of the rounds)`,
      "overhead",
    ),
  });
  rows.push({
    section: 2,
    measure:
      "the same request through a minimal SDK server (fetch, body as text: scripts/reference-server.ts)",
    ours: ms(median(referenceTimes)),
    reference: `direct HTTP ${ms(median(directTimes))}`,
    result: `+${ms(median(referenceTimes) - median(directTimes))}`,
    budget: "—",
  });
  rows.push({
    section: 2,
    measure: "the same, p95",
    ours: ms(percentile(callTimes, 0.95)),
    reference: `direct HTTP ${ms(percentile(directTimes, 0.95))}`,
    result: `+${ms(percentile(callTimes, 0.95) - percentile(directTimes, 0.95))}`,
    budget: "—",
  });
}

// ── Memory: 10,000 mixed calls with the heap capped ────────────────────────────────────────────────

if (runs("memory")) {
  const threads = sandbox.threads.filter((thread) => thread.messages.length > 0);
  const words = ["locker", "towel", "breakfast", "refund", "airport", "laundry", "parking", "wifi", "bus"];
  type Call = { method: string; params: Record<string, unknown>; fails?: boolean };
  const tool = (name: string, args: Record<string, unknown>, fails = false): Call => ({
    method: "tools/call",
    params: { name, arguments: args },
    fails,
  });
  const mix: Call[] = [
    ...Array.from({ length: 10 }, (_, index) =>
      tool("list_conversations", { limit: 5 + index, offset: index }),
    ),
    tool("list_conversations", { needs_reply: true }),
    tool("list_conversations", { unread_only: true, limit: 50 }),
    tool("list_conversations", { channel: "WHATSAPP" }),
    tool("list_conversations", { since: "3 days ago" }),
    ...threads.slice(0, 20).map((thread) => tool("get_messages", { thread_id: thread.id })),
    ...threads
      .slice(20, 30)
      .map((thread) => tool("get_messages", { thread_id: thread.id, offset: 0, limit: 5 })),
    tool("get_messages", { thread_id: threads[0]?.id, full_text: true }),
    ...words.map((query) => tool("search_conversations", { query })),
    tool("search_conversations", { query: '"late check-in"', needs_reply: true }),
    // A thread that does not exist: an isError result, the error path.
    tool("get_messages", { thread_id: "00000000-0000-4000-8000-000000000000" }, true),
    {
      method: "prompts/get",
      params: { name: "draft_guest_reply", arguments: { thread_id: threads[1]?.id } },
    },
    { method: "resources/read", params: { uri: "hostelmate://property/notes" } },
    { method: "resources/read", params: { uri: `hostelmate://conversations/${threads[2]?.id}` } },
    { method: "resources/list", params: {} },
  ];
  const server = spawnServer(process.execPath, [`--max-old-space-size=${BUDGETS.memoryHeapMb}`, ENTRY], {
    ...liveEnv(sandbox, { HOSTELMATE_RATE_LIMIT: "10000" }),
  });
  await initialized(server);
  const rssBefore = rssMb(server.child.pid);
  const failures: string[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < MEMORY_CALLS) {
      const call = mix[next % mix.length] as Call;
      next += 1;
      try {
        const answer = await server.request(call.method, call.params);
        const isError = (answer.result as { isError?: boolean } | undefined)?.isError === true;
        if (!answer.result || isError !== (call.fails === true))
          failures.push(
            `${call.method} ${JSON.stringify(call.params)}: ${JSON.stringify(answer).slice(0, 200)}`,
          );
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: MEMORY_CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const rssAfter = rssMb(server.child.pid);
  const code = await stop(server);
  if (code !== 0) failures.push(`exit code ${code}: ${server.stderr().slice(-500)}`);
  if (failures.length > 0)
    process.stderr.write(`memory run failures (first 3):\n${failures.slice(0, 3).join("\n")}\n`);
  const rss = rssBefore === undefined ? "RSS n/a" : `RSS ${rssBefore} → ${rssAfter} MB`;
  rows.push({
    section: 4,
    measure: `memory: ${n(MEMORY_CALLS)} mixed calls (${mix.length} kinds, ${MEMORY_CONCURRENCY} at a time) under --max-old-space-size=${BUDGETS.memoryHeapMb}`,
    ours: rss,
    reference: "—",
    result: `${failures.length} failures in ${seconds.toFixed(1)} s`,
    budget: budgetCell(failures.length === 0, "no failure", "memory"),
  });
}

// ── Connections: a call after an idle pause against one right after another ─────────────────────

if (runs("connections")) {
  // A new connection's first answer waits 300 ms, as a TLS handshake over a long link would; the
  // sandbox keeps idle connections and announces no limit, as many servers behind a load balancer do.
  const handshakeMs = 300;
  const pauseMs = 10_000;
  const rounds = 3;
  const slow = await startSandbox({
    apiKey: API_KEY,
    newConnectionDelayMs: handshakeMs,
    keepAliveTimeoutMs: 0,
  });
  const server = spawnServer(process.execPath, [ENTRY], {
    ...liveEnv(slow, { HOSTELMATE_CACHE_TTL_MS: "0" }),
  });
  await initialized(server);
  const call = async (limit: number) => {
    const started = performance.now();
    const answer = await server.request("tools/call", { name: "list_conversations", arguments: { limit } });
    if (!answer.result || (answer.result as { isError?: boolean }).isError === true)
      throw new Error(`the connection call failed: ${JSON.stringify(answer).slice(0, 300)}`);
    return performance.now() - started;
  };
  await call(1);
  const right: number[] = [];
  const paused: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    right.push(await call(2 + round));
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    paused.push(await call(10 + round));
  }
  await stop(server);
  const connections = slow.connections;
  await slow.close();
  const extra = median(paused) - median(right);
  rows.push({
    section: 5,
    measure: `a call after a ${pauseMs / 1000} s pause, new connections delayed ${handshakeMs} ms as by a TLS handshake (median of ${rounds}; ${connections} connection${connections === 1 ? "" : "s"} opened in all)`,
    ours: ms(median(paused)),
    reference: `right after another ${ms(median(right))}`,
    result: `× ${(median(paused) / median(right)).toFixed(2)}`,
    budget: budgetCell(
      extra < handshakeMs / 2,
      `< +${handshakeMs / 2} ms (half the handshake)`,
      "connections",
    ),
  });
}

// ── The mirror: first and incremental sync of a 5,000-thread inbox ───────────────────────────────

if (runs("mirror")) rows.push(...mirrorRows(await measureMirror(ENTRY, API_KEY)));

// ── Search from the mirror beside the live path, on the same 5,000-thread inbox ──────────────────

if (runs("search")) rows.push(...searchRows(await measureSearch(API_KEY)));

await sandbox.close();

// ── The table ──────────────────────────────────────────────────────────────────────────────────────

const table = [
  "| measure | hostelmate-mcp | reference | result | budget |",
  "| --- | ---: | ---: | ---: | --- |",
  ...rows
    .sort((a, b) => a.section - b.section)
    .map((row) => `| ${row.measure} | ${row.ours} | ${row.reference} | ${row.result} | ${row.budget} |`),
].join("\n");
const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
const machine = `Node ${process.version} on ${type()}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB; tokens: o200k_base; ratios: characters · tokens.`;

process.stdout.write(`${table}\n\n${machine}\n`);

if (process.argv.includes("--update-readme")) {
  const readme = await readFile("README.md", "utf8");
  const updated = readme.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${selected.size === SECTIONS.length ? table : mergedTable(readme)}\n\n${machine}\n<!-- bench:end -->`,
  );
  await writeFile("README.md", updated);
}
if (broken.length > 0) {
  process.stderr.write(`budget broken: ${broken.join(", ")}\n`);
  process.exit(1);
}

/**
 * The mirror's rows. Its first sync ran with the limit raised; at a real property the sync gets half
 * of Hostel Mate's 120 a minute, which for this many requests takes the time computed here.
 */
function mirrorRows(measured: MirrorMeasures): Row[] {
  const { first, incremental } = measured;
  const perMinute = REAL_LIMIT_PER_MINUTE / 2;
  const realMinutes = first.requests / perMinute;
  const goal = incremental.newMessages + 2;
  const minutes = (seconds: number) =>
    seconds < 600 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(0)} min`;
  return [
    {
      section: 6,
      measure: `mirror: first sync of the generated inbox, ${n(measured.threads)} threads and ${n(measured.messages)} messages, ${measured.latencyMs} ms per request, limit raised to ${n(measured.raisedLimitPerMinute)} a minute (the sandbox's too: ${first.rateLimited} refused)`,
      ours: `${minutes(first.seconds)}, ${n(first.requests)} requests`,
      reference: `at half of ${REAL_LIMIT_PER_MINUTE} a minute, as at a real property: ${minutes(realMinutes * 60)} (computed)`,
      result: `${(first.requests / measured.threads).toFixed(2)} requests a thread; the sandbox saw ${n(first.sandboxRequests)}`,
      budget: "—",
    },
    {
      section: 6,
      measure: `mirror: incremental sync after ${incremental.newMessages} new messages in ${incremental.newMessages} threads spread over the list`,
      ours: `${n(incremental.requests)} requests in ${incremental.seconds.toFixed(1)} s`,
      reference: `goal: ceil(changed threads) + 2 = ${goal}`,
      result: `${incremental.changed} threads changed; the sandbox saw ${n(incremental.sandboxRequests)}`,
      budget: budgetCell(incremental.requests <= goal, `≤ ${goal} requests`, "mirror incremental sync"),
    },
    {
      section: 6,
      measure: "mirror: database size on disk after both syncs (the file, -wal and -shm)",
      ours: `${(measured.databaseBytes / 2 ** 20).toFixed(1)} MB`,
      reference: "—",
      result: `${(measured.databaseBytes / measured.messages / 1024).toFixed(2)} KB a message`,
      budget: "—",
    },
    {
      section: 6,
      measure:
        "mirror: the server's RSS during the first sync (median of one-second samples) and its peak (VmHWM)",
      ours: `${measured.rss.duringMedianMb} MB, peak ${measured.rss.peakMb} MB`,
      reference: `before ${measured.rss.beforeMb} MB, after both syncs ${measured.rss.afterMb} MB`,
      result: "—",
      budget: "—",
    },
  ];
}

/** The search rows: requests and time per search, searches a minute, quality; the live path beside each. */
function searchRows(measured: SearchMeasures): Row[] {
  const { mirror, live, quality, steady } = measured;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const roundTrip = measured.roundTripMs;
  const ratio = median(mirror.elapsedMs) / roundTrip;
  const most = Math.max(...mirror.requests);
  const livePerMinute = measured.limitPerMinute / mean(live.requests);
  const perMinute = (steady.searches * 60_000) / steady.ms;
  const inbox = `the generated ${n(measured.threads)}-thread inbox, ${measured.latencyMs} ms per request`;
  return [
    {
      section: 7,
      measure: `search: upstream requests of a search from the mirror on ${inbox} (${measured.timedQueries} labelled queries, each after the sync interval, so each pays its freshness check)`,
      ours: `at most ${most} (mean ${mean(mirror.requests).toFixed(2)})`,
      reference: `live path: mean ${mean(live.requests).toFixed(1)}, at most ${Math.max(...live.requests)}`,
      result: `${(mean(mirror.requests) / mean(live.requests)).toFixed(3)}×`,
      budget: budgetCell(most <= SEARCH_GOALS.requests, `≤ ${SEARCH_GOALS.requests}`, "search requests"),
    },
    {
      section: 7,
      measure: `search: time of the same searches in upstream round trips (one round trip, the freshness check's own request for a list page of 100: ${ms(roundTrip)}; median, p90 in brackets)`,
      ours: `${ms(median(mirror.elapsedMs))} = ${times(ratio)} (${times(percentile(mirror.elapsedMs, 0.9) / roundTrip)})`,
      reference: `live path ${ms(median(live.elapsedMs))} = ${times(median(live.elapsedMs) / roundTrip)} (${times(percentile(live.elapsedMs, 0.9) / roundTrip)})`,
      result: times(median(mirror.elapsedMs) / median(live.elapsedMs)),
      budget: budgetCell(ratio <= SEARCH_GOALS.roundTrips, `≤ ${SEARCH_GOALS.roundTrips}×`, "search time"),
    },
    {
      section: 7,
      measure: `search: searches a minute within the API's ${measured.limitPerMinute} requests (mirror: back to back for ${(steady.ms / 1000).toFixed(0)} s with the 60 s sync interval; live: ${measured.limitPerMinute} ÷ its mean requests)`,
      ours: `${n(Math.round(perMinute))} (${steady.requests} request${steady.requests === 1 ? "" : "s"} in ${n(steady.searches)} searches)`,
      reference: `live path ${livePerMinute.toFixed(1)}`,
      result: times(perMinute / livePerMinute),
      budget: budgetCell(
        perMinute >= SEARCH_GOALS.perMinute,
        `≥ ${SEARCH_GOALS.perMinute}`,
        "searches a minute",
      ),
    },
    {
      section: 7,
      measure: `search: quality on the ${measured.labelledQueries} labelled queries over the seed (test/data/search-queries.json): an expected thread in the top 5 · ranked first`,
      ours: `${pct(quality.mirror.recall)} · ${pct(quality.mirror.first)}`,
      reference: `live path ${pct(quality.live.recall)} · ${pct(quality.live.first)}`,
      result: `+${((quality.mirror.recall - quality.live.recall) * 100).toFixed(1)} · +${((quality.mirror.first - quality.live.first) * 100).toFixed(1)} points`,
      budget: budgetCell(
        quality.mirror.recall >= SEARCH_GOALS.recall,
        `top 5 ≥ ${pct(SEARCH_GOALS.recall)}`,
        "search quality",
      ),
    },
  ];
}

/** The README's table with the rows of the sections run now in place of their old ones. */
function mergedTable(readme: string): string {
  const old = /<!-- bench:start -->\n([\s\S]*?)\n\n/.exec(readme)?.[1]?.split("\n").slice(2) ?? [];
  const replaced = (line: string) => [...selected].some((section) => line.startsWith(`| ${section}: `));
  const fresh = rows.map(
    (row) => `| ${row.measure} | ${row.ours} | ${row.reference} | ${row.result} | ${row.budget} |`,
  );
  // Where the first of the old rows was, or at the end for a section new to the README.
  const at = old.findIndex(replaced);
  const kept = old.filter((line) => !replaced(line));
  kept.splice(at === -1 ? kept.length : at, 0, ...fresh);
  return [
    "| measure | hostelmate-mcp | reference | result | budget |",
    "| --- | ---: | ---: | ---: | --- |",
    ...kept,
  ].join("\n");
}
