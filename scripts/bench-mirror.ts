// The mirror's rows of `npm run bench` (`--only=mirror` runs them alone): the built server syncs the
// generated 5,000-thread, 40,000-message inbox (test/sandbox/big-inbox.ts) from a sandbox on
// 127.0.0.1 that answers each request after 150 ms, as the real API across the internet would.
// Measured: the first sync (time, requests, the server's RSS meanwhile), an incremental sync after
// 10 new messages in 10 threads spread over the list, and the database's size on disk. The first
// sync runs with the limit raised (HOSTELMATE_RATE_LIMIT and the sandbox's own) so that it takes
// minutes, not the hour and more it takes at a real property; that duration is computed from its
// requests. Everything stays on loopback, and each wait is bounded.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mirrorFiles, totalBytes } from "../src/mirror/files.js";
import { generateBigInbox } from "../test/sandbox/big-inbox.js";
import { startSandbox } from "../test/sandbox/server.js";
import { initialize, type Running, runCommand } from "../test/stdio-process.js";

/** Hostel Mate's limit, of which the sync takes half: what a real property's first sync gets. */
export const REAL_LIMIT_PER_MINUTE = 120;
/** HOSTELMATE_RATE_LIMIT's highest value, for the server and the sandbox alike. */
const RAISED_LIMIT_PER_MINUTE = 10_000;
const LATENCY_MS = 150;
const NEW_MESSAGES = 10;
const FIRST_SYNC_BOUND_MS = 30 * 60_000;
const INCREMENTAL_BOUND_MS = 2 * 60_000;

export interface MirrorMeasures {
  threads: number;
  messages: number;
  latencyMs: number;
  raisedLimitPerMinute: number;
  first: { requests: number; seconds: number; sandboxRequests: number; rateLimited: number };
  incremental: {
    /** Guest messages added, each in a thread of its own: the goal is this + 2 requests. */
    newMessages: number;
    requests: number;
    seconds: number;
    changed: number;
    sandboxRequests: number;
  };
  /** The database with its -wal and -shm once the server has exited. */
  databaseBytes: number;
  rss: { beforeMb: number; duringMedianMb: number; peakMb: number; afterMb: number };
}

/** VmRSS and VmHWM (the highest so far) of a process in MB, from /proc (Linux); NaN elsewhere. */
function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } {
  let status = "";
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {}
  const mb = (field: string) =>
    Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024);
  return { rssMb: mb("VmRSS"), peakMb: mb("VmHWM") };
}

/** The server's debug line for a sync of `kind` written after stderr offset `from`, within `boundMs`. */
async function syncLine(
  server: Running,
  kind: "first" | "incremental",
  from: number,
  boundMs: number,
  meanwhile: () => void = () => {},
): Promise<{ requests: number; seconds: number; changed: number }> {
  const pattern = new RegExp(
    `mirror: ${kind} sync, ([\\d,]+) requests in ([\\d.]+) s, ([\\d,]+) threads changed`,
  );
  const started = performance.now();
  for (;;) {
    const found = pattern.exec(server.stderr().slice(from));
    if (found) {
      const number = (text: string | undefined) => Number((text ?? "").replaceAll(",", ""));
      return { requests: number(found[1]), seconds: number(found[2]), changed: number(found[3]) };
    }
    if (server.child.exitCode !== null)
      throw new Error(`the server exited:\n${server.stderr().slice(-2_000)}`);
    if (performance.now() - started > boundMs)
      throw new Error(`no ${kind} sync within ${boundMs / 60_000} min:\n${server.stderr().slice(-2_000)}`);
    meanwhile();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export async function measureMirror(entry: string, apiKey: string): Promise<MirrorMeasures> {
  const inbox = generateBigInbox();
  const sandbox = await startSandbox({
    apiKey,
    seed: inbox.threads,
    latencyMs: LATENCY_MS,
    rateLimit: { requests: RAISED_LIMIT_PER_MINUTE },
  });
  const folder = await mkdtemp(join(tmpdir(), "hostelmate-bench-mirror-"));
  const path = join(folder, "mirror.db");
  const server = runCommand(
    process.execPath,
    [entry],
    {
      PATH: process.env.PATH ?? "",
      HOSTELMATE_API_KEY: apiKey,
      HOSTELMATE_API_URL: sandbox.url,
      HOSTELMATE_MIRROR: path,
      HOSTELMATE_RATE_LIMIT: String(RAISED_LIMIT_PER_MINUTE),
      // The debug lines carry each sync's requests and time; the interval is short so that the list
      // call below starts the incremental sync at once.
      HOSTELMATE_LOG_LEVEL: "debug",
      HOSTELMATE_SYNC_INTERVAL_S: "1",
    },
    undefined,
    { keepLines: false },
  );
  try {
    await initialize(server, "hostelmate-bench");
    const pid = server.child.pid;
    const beforeMb = memoryOf(pid).rssMb;
    const during: number[] = [];
    let lastReport = performance.now();
    const first = await syncLine(server, "first", 0, FIRST_SYNC_BOUND_MS, () => {
      during.push(memoryOf(pid).rssMb);
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        process.stderr.write(`mirror bench: first sync, ${sandbox.requests.length} requests so far\n`);
      }
    });
    const firstSandbox = { requests: sandbox.requests.length, rateLimited: sandbox.rateLimited };

    // A guest writes in 10 threads spread from the newest to the oldest; each moves to the top.
    const byActivity = [...sandbox.threads].sort((a, b) =>
      (b.messages.at(-1)?.created_at ?? "").localeCompare(a.messages.at(-1)?.created_at ?? ""),
    );
    const step = Math.floor(byActivity.length / NEW_MESSAGES);
    for (let index = 0; index < NEW_MESSAGES; index++) {
      const thread = byActivity[index * step];
      if (thread) sandbox.addMessage(thread.id, { content: `Is there still a bed tonight? (${index + 1})` });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    sandbox.reset();
    const mark = server.stderr().length;
    // A list call older than the interval waits for the sync; the call itself makes one request.
    const answer = await server.request("tools/call", {
      name: "list_conversations",
      arguments: { limit: 1 },
    });
    if (!answer.result || (answer.result as { isError?: boolean }).isError === true)
      throw new Error(`the list call failed: ${JSON.stringify(answer).slice(0, 300)}`);
    const incremental = await syncLine(server, "incremental", mark, INCREMENTAL_BOUND_MS);
    const incrementalSandbox = sandbox.requests.length - 1;
    const { rssMb: afterMb, peakMb } = memoryOf(pid);

    server.child.stdin.end();
    const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
    await server.exit;
    clearTimeout(timer);
    return {
      threads: inbox.threads.length,
      messages: inbox.threads.reduce((sum, thread) => sum + thread.messages.length, 0),
      latencyMs: LATENCY_MS,
      raisedLimitPerMinute: RAISED_LIMIT_PER_MINUTE,
      first: { ...first, sandboxRequests: firstSandbox.requests, rateLimited: firstSandbox.rateLimited },
      incremental: { newMessages: NEW_MESSAGES, ...incremental, sandboxRequests: incrementalSandbox },
      databaseBytes: totalBytes(mirrorFiles(path)),
      rss: {
        beforeMb,
        duringMedianMb: [...during].sort((a, b) => a - b)[Math.floor(during.length / 2)] ?? Number.NaN,
        peakMb,
        afterMb,
      },
    };
  } finally {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    await sandbox.close();
    await rm(folder, { recursive: true, force: true });
  }
}
