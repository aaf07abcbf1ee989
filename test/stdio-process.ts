// The built server as a user's MCP client runs it: a child process speaking JSON-RPC over stdio.
// The tests and the bench (scripts/bench.ts) both talk to their servers through this client.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export const ENTRY = "dist/index.js";

export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdoutLines: string[];
  stderr: () => string;
  request(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  notify(method: string, params?: Record<string, unknown>): void;
  /** The first message on stdout (from the start, or from `after` lines on) that `match` accepts. */
  message(
    match: (message: Record<string, unknown>) => boolean,
    after?: number,
  ): Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
}

/**
 * The built server; its zone is UTC (TZ) unless a test sets another, so that times print alike on
 * every machine. Its mirror is off unless a test sets HOSTELMATE_MIRROR (or calls `runWithMirror`):
 * a background sync would add requests to those the tests count.
 */
export function run(args: string[], env: Record<string, string>): Running {
  return runWithMirror(args, { HOSTELMATE_MIRROR: "off", ...env });
}

/** The built server with the mirror where its settings put it: by default, in the cache folder. */
export function runWithMirror(args: string[], env: Record<string, string>): Running {
  return runCommand(process.execPath, [ENTRY, ...args], { PATH: process.env.PATH ?? "", TZ: "UTC", ...env });
}

export interface RunOptions {
  /**
   * Keep every stdout line in `stdoutLines` (the default): tests check them all. The bench's
   * thousands of calls turn it off, so that its own memory does not grow with the answers.
   */
  keepLines?: boolean;
}

/**
 * The cache folder the servers started here get (XDG_CACHE_HOME, which env-paths reads on Linux), so
 * that a mirror they keep never lands in the real one: the test run's own (test/global-setup.ts), or
 * one under the temp folder for the bench. A test that looks at mirror files sets its own folder, or
 * HOSTELMATE_MIRROR.
 */
export const TEST_CACHE_HOME = process.env.XDG_CACHE_HOME ?? join(tmpdir(), "hostelmate-mcp-test-cache");

/** Any command that should serve MCP over stdio — an installed bin, `npx`, a bundle's mcp_config. */
export function runCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  options: RunOptions = {},
): Running {
  const child = spawn(command, args, {
    env: { XDG_CACHE_HOME: TEST_CACHE_HOME, ...env },
    cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stdoutLines: string[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const waiting = new Map<
    number,
    { resolve: (message: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  const watchers = new Set<(message: Record<string, unknown>) => void>();
  const parse = (line: string): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return undefined; // Left for the assertion that every stdout line is JSON-RPC.
    }
  };
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (options.keepLines !== false) stdoutLines.push(line);
    const message = parse(line);
    if (message === undefined) return;
    if (typeof message.id === "number") {
      waiting.get(message.id)?.resolve(message);
      waiting.delete(message.id);
    }
    for (const watcher of watchers) watcher(message);
  });
  let nextId = 1;
  const exit = once(child, "exit").then(([code]) => code as number | null);
  // A request the server will never answer fails with what it said on stderr, instead of hanging.
  child.once("close", (code, signal) => {
    for (const { reject } of waiting.values())
      reject(new Error(`the server exited (${signal ?? code}) before answering:\n${stderr.slice(-2_000)}`));
    waiting.clear();
  });
  return {
    child,
    stdoutLines,
    stderr: () => stderr,
    exit,
    request(method, params = {}) {
      const id = nextId++;
      const answer = new Promise<Record<string, unknown>>((resolve, reject) =>
        waiting.set(id, { resolve, reject }),
      );
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      return answer;
    },
    notify(method, params = {}) {
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method, params })}\n`);
    },
    message(match, after = 0) {
      const seen = stdoutLines
        .slice(after)
        .map(parse)
        .find((message) => message && match(message));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const watcher = (message: Record<string, unknown>) => {
          if (!match(message)) return;
          watchers.delete(watcher);
          resolve(message);
        };
        watchers.add(watcher);
        // "close" comes after the last stdout line has been read, unlike "exit".
        child.once("close", () => {
          if (watchers.delete(watcher)) reject(new Error(`the server ended without that answer:\n${stderr}`));
        });
      });
    },
  };
}

/** Resolves once stderr matches; fails as soon as the process has ended without it matching. */
export function waitForStderr(server: Running, pattern: RegExp): Promise<void> {
  const { child } = server;
  return new Promise((resolve, reject) => {
    const stop = () => {
      child.stderr.off("data", check);
      child.off("close", ended);
    };
    const check = () => {
      if (!pattern.test(server.stderr())) return;
      stop();
      resolve();
    };
    const ended = () => {
      stop();
      reject(new Error(`the server ended before its stderr matched ${pattern}:\n${server.stderr()}`));
    };
    // Listening after runCommand's own listener: by the time check runs, stderr() holds the chunk.
    child.stderr.on("data", check);
    child.once("close", ended);
    check();
    if (child.exitCode !== null || child.signalCode !== null) ended();
  });
}

export function initializeParams(clientName = "stdio-test"): Record<string, unknown> {
  return {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: clientName, version: "1.0.0" },
  };
}

export async function initialize(server: Running, clientName?: string): Promise<Record<string, unknown>> {
  const answer = await server.request("initialize", initializeParams(clientName));
  server.notify("notifications/initialized");
  return answer;
}

export function textOfResult(answer: Record<string, unknown>): string {
  const result = answer.result as { content: Array<{ text: string }> };
  return result.content.map((part) => part.text).join("\n");
}

/** Resident memory of a child process in MB, from /proc (Linux). */
export function rssMegabytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kilobytes / 1024);
}
