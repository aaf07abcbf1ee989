// Every upstream fault the sandbox can play, against the built server over stdio: each ends in a
// sentence for a hostel manager, the process stays up, stdout stays JSON-RPC and the key appears
// nowhere — not in results, not on stderr.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, TEST_API_KEY } from "../helpers.js";
import type { ScriptedFailure } from "../sandbox/faults.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";
import { initialize, type Running, run, textOfResult } from "../stdio-process.js";

let sandbox: Sandbox;
let server: Running;
const THREAD = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
  server = run([], {
    HOSTELMATE_API_KEY: TEST_API_KEY,
    HOSTELMATE_API_URL: sandbox.url,
    HOSTELMATE_CACHE_TTL_MS: "0",
    HOSTELMATE_LOG_LEVEL: "debug",
  });
  await initialize(server);
});
afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exit;
  await sandbox.close();
});

async function call(name: string, args: Record<string, unknown> = {}) {
  const answer = await server.request("tools/call", { name, arguments: args });
  const result = answer.result as { isError?: boolean };
  return { isError: result.isError === true, text: textOfResult(answer) };
}

type Setup = (faults: Sandbox["faults"]) => void;
const failing =
  (failure: ScriptedFailure): Setup =>
  (faults) => {
    faults.failures.push(failure);
  };

interface Case {
  name: string;
  setup: Setup;
  tool: string;
  args: Record<string, unknown>;
  /** The sentence expected, or "ok" for faults that retries get past. */
  expected: RegExp | "ok";
  /** Upstream requests the call should have made, retries included. */
  requests?: number;
}

const CASES: Case[] = [
  {
    name: "401",
    setup: failing({ status: 401, times: 1 }),
    tool: "list_conversations",
    args: {},
    expected: /^Hostel Mate rejected the API key \(HTTP 401\)\. Check HOSTELMATE_API_KEY/,
    requests: 1,
  },
  {
    name: "403",
    setup: failing({ status: 403, times: 1 }),
    tool: "list_conversations",
    args: {},
    expected: /^Hostel Mate rejected the API key \(HTTP 403\)/,
  },
  {
    name: "404 feature disabled",
    setup: (faults) => {
      faults.featureDisabled = true;
    },
    tool: "list_conversations",
    args: {},
    expected: /^The Conversations\/Messaging feature is not enabled.*Ask Hostel Mate support/,
  },
  {
    name: "404 thread",
    setup: () => {},
    tool: "get_messages",
    args: { thread_id: THREAD },
    expected: /^There is no conversation with id 00000000-0000-4000-8000-000000000000/,
  },
  {
    name: "429 once with Retry-After",
    setup: failing({ status: 429, times: 1, retryAfter: "1" }),
    tool: "list_conversations",
    args: { limit: 2 },
    expected: "ok",
    requests: 2,
  },
  {
    name: "429 always",
    setup: failing({ status: 429, times: Infinity, retryAfter: "120" }),
    tool: "list_conversations",
    args: {},
    expected: /^Hostel Mate is rate limiting requests.*try again in about 2 minutes/,
    requests: 1,
  },
  {
    name: "500",
    setup: failing({ status: 500, times: Infinity }),
    tool: "list_conversations",
    args: {},
    expected: /^Hostel Mate is temporarily unavailable \(HTTP 500\)/,
    requests: 3,
  },
  {
    name: "503 twice then OK",
    setup: failing({ status: 503, times: 2, error: "messaging_unavailable" }),
    tool: "list_conversations",
    args: { limit: 2 },
    expected: "ok",
    requests: 3,
  },
  {
    name: "503 always",
    setup: failing({ status: 503, times: Infinity, error: "messaging_unavailable", retryAfter: "0" }),
    tool: "search_conversations",
    args: { query: "locker" },
    expected: /^The Hostel Mate messaging service is temporarily unavailable \(HTTP 503\)/,
  },
  {
    name: "malformed JSON",
    setup: (faults) => {
      faults.malformed = true;
    },
    tool: "list_conversations",
    args: {},
    expected: /^Hostel Mate at 127\.0\.0\.1:\d+ sent an answer this server could not read/,
  },
  {
    name: "brotli bomb (an encoding not asked for)",
    setup: (faults) => {
      faults.encodingBomb = "br";
    },
    tool: "list_conversations",
    args: {},
    expected: /^Hostel Mate at 127\.0\.0\.1:\d+ sent an answer this server could not read/,
  },
  {
    name: "connection dropped mid-body once",
    setup: (faults) => {
      faults.dropMidBody = 1;
    },
    tool: "list_conversations",
    args: { limit: 2 },
    expected: "ok",
    requests: 2,
  },
  {
    name: "schema drift",
    setup: (faults) => {
      faults.drift = true;
    },
    tool: "list_conversations",
    args: { limit: 20 },
    expected: "ok",
  },
  {
    name: "schema drift in messages",
    setup: (faults) => {
      faults.drift = true;
    },
    tool: "get_messages",
    args: { thread_id: "__FIRST__" },
    expected: "ok",
  },
];

describe("faults over stdio", () => {
  it.each(CASES)("$name", async ({ setup, tool, args, expected, requests }) => {
    sandbox.reset();
    setup(sandbox.faults);
    const resolved = {
      ...args,
      ...(args.thread_id === "__FIRST__" ? { thread_id: sandbox.threads[0]?.id } : {}),
    };
    const result = await call(tool, resolved);
    if (requests !== undefined) expect(sandbox.requests).toHaveLength(requests);
    if (expected === "ok") {
      expect(result.isError, result.text).toBe(false);
      expect(result.text.length).toBeGreaterThan(50);
    } else {
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(expected);
      expect(result.text).not.toMatch(/at .*\.(js|ts):\d+|Error:|\{"error"/);
    }
    sandbox.reset();
    const alive = await server.request("tools/list");
    expect(alive.result).toBeDefined();
  });

  it("hang", async () => {
    // A server of its own with attempts of 0.3 s, which a hanging API always outlasts. The shared one
    // keeps the default 10 s: a 0.3 s attempt timed out on a busy machine, and its retry changed
    // the request counts and sentences of the other cases.
    const quick = run([], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
      HOSTELMATE_TIMEOUT_MS: "300",
      HOSTELMATE_CACHE_TTL_MS: "0",
    });
    sandbox.reset();
    sandbox.faults.hang = true;
    try {
      await initialize(quick);
      const answer = await quick.request("tools/call", { name: "list_conversations", arguments: {} });
      expect((answer.result as { isError?: boolean }).isError).toBe(true);
      expect(textOfResult(answer)).toMatch(/^Hostel Mate at 127\.0\.0\.1:\d+ did not answer in time/);
      expect(textOfResult(answer)).not.toMatch(/at .*\.(js|ts):\d+|Error:|\{"error"/);
      sandbox.reset();
      expect((await quick.request("tools/list")).result).toBeDefined();
      quick.child.stdin.end();
      expect(await quick.exit).toBe(0);
      for (const line of quick.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
      expect(quick.stdoutLines.join("\n")).not.toContain(TEST_API_KEY);
      expect(quick.stderr()).not.toContain(TEST_API_KEY);
    } finally {
      sandbox.reset();
      quick.child.kill();
    }
  });

  it("explains a refused connection, naming the host", async () => {
    const port = await closedPort();
    const other = run([], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: `http://127.0.0.1:${port}`,
    });
    await initialize(other);
    const answer = await other.request("tools/call", { name: "list_conversations", arguments: {} });
    expect(textOfResult(answer)).toMatch(
      new RegExp(`^Could not reach Hostel Mate at 127\\.0\\.0\\.1:${port}\\. Check the internet connection`),
    );
    other.child.stdin.end();
    expect(await other.exit).toBe(0);
    expect(other.stderr()).not.toContain(TEST_API_KEY);
  });

  it("kept stdout JSON-RPC only, and the key out of every result and log line", () => {
    expect(server.stdoutLines.length).toBeGreaterThan(CASES.length * 2);
    for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    expect(server.stdoutLines.join("\n")).not.toContain(TEST_API_KEY);
    expect(server.stderr()).not.toContain(TEST_API_KEY);
    expect(server.stderr()).toMatch(/retrying GET \/api\/v1\/client\/conversations/);
  });
});
