// The built server as a user's MCP client runs it: a child process speaking JSON-RPC over stdio.
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { closedPort, shortId, TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";
import {
  ENTRY,
  initialize,
  type Running,
  rssMegabytes,
  run,
  textOfResult,
  waitForStderr,
} from "../stdio-process.js";

let sandbox: Sandbox;

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first (npm test does).`);
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
});
afterAll(() => sandbox.close());

describe("the built server over stdio", () => {
  it("initializes, lists tools, answers calls, keeps stdout JSON-RPC only and exits 0 on stdin end", async () => {
    const server = run([], { HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url });
    const init = await initialize(server);
    expect((init.result as { serverInfo: { name: string; version: string } }).serverInfo).toMatchObject({
      name: "hostelmate-mcp",
      version: VERSION,
    });
    const list = await server.request("tools/list");
    const names = (list.result as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name);
    expect(names).toEqual(["list_conversations", "get_messages", "search_conversations"]);

    const page = await server.request("tools/call", { name: "list_conversations", arguments: { limit: 3 } });
    expect(textOfResult(page)).toMatch(/^Conversations 1-3 of \d+/);
    const threadId = sandbox.threads[0]?.id;
    const transcript = await server.request("tools/call", {
      name: "get_messages",
      arguments: { thread_id: threadId },
    });
    expect(textOfResult(transcript)).toContain(`Thread ${shortId(threadId ?? "")}`);
    const wrongArgs = await server.request("tools/call", {
      name: "get_messages",
      arguments: { thread_id: "../../etc" },
    });
    expect((wrongArgs.result as { isError: boolean }).isError).toBe(true);

    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    expect(server.stdoutLines.length).toBeGreaterThanOrEqual(5);
    for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    expect(server.stdoutLines.join("\n") + server.stderr()).not.toContain(TEST_API_KEY);
  });

  it("reports an upstream fault as an isError result and keeps serving", async () => {
    const server = run([], {
      HOSTELMATE_API_KEY: "hm_live_REVOKED_KEY_9999",
      HOSTELMATE_API_URL: sandbox.url,
    });
    await initialize(server);
    const answer = await server.request("tools/call", { name: "list_conversations", arguments: {} });
    expect((answer.result as { isError: boolean }).isError).toBe(true);
    expect(textOfResult(answer)).toMatch(/rejected the API key.*HOSTELMATE_API_KEY/);
    const again = await server.request("tools/list");
    expect(again.result).toBeDefined();
    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(0);
    expect(server.stdoutLines.join("\n") + server.stderr()).not.toContain("REVOKED_KEY");
  });

  it("serves sample data with --demo and no key, and says so on stderr", async () => {
    const server = run(["--demo"], {});
    await initialize(server);
    const answer = await server.request("tools/call", {
      name: "search_conversations",
      arguments: { query: "locker" },
    });
    expect(textOfResult(answer)).toMatch(/^Search "locker" · searched: locker · \d+ threads matched/);
    expect(server.stderr()).toMatch(/demo mode.*SAMPLE data/);
    expect(server.stderr()).toMatch(/property notes: the demo's sample notes/);
    server.child.kill("SIGINT");
    expect(await server.exit).toBe(0);
  });

  it("warns once at start about a missing notes file, keeps serving, and the prompt says so", async () => {
    const server = run([], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
      HOSTELMATE_PROPERTY_NOTES: "/nonexistent/casa-azul-notes.md",
    });
    await initialize(server);
    const threadId = sandbox.threads.find((thread) => thread.messages.length > 0)?.id ?? "";
    const answer = await server.request("prompts/get", {
      name: "draft_guest_reply",
      arguments: { thread_id: threadId },
    });
    const prompt = answer.result as { messages: Array<{ content: { text: string } }> };
    expect(prompt.messages[0]?.content.text).toContain(
      "No property notes are configured (the property notes file /nonexistent/casa-azul-notes.md does not exist)",
    );
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    const warnings = server
      .stderr()
      .split("\n")
      .filter((line) => line.includes("warn:"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/casa-azul-notes\.md does not exist.*HOSTELMATE_PROPERTY_NOTES/);
  });

  it("reads notes at ~/ with HOME as the home folder, as a JSON config gives no shell to expand it", async () => {
    const home = await mkdtemp(join(tmpdir(), "hostelmate-home-"));
    try {
      await writeFile(join(home, "hostel-notes.md"), "Check-in from 14:00 at Casa Til.\n");
      const server = run(["--demo"], { HOME: home, HOSTELMATE_PROPERTY_NOTES: "~/hostel-notes.md" });
      await initialize(server);
      const notes = await server.request("resources/read", { uri: "hostelmate://property/notes" });
      expect((notes.result as { contents: Array<{ text: string }> }).contents[0]?.text).toBe(
        "Check-in from 14:00 at Casa Til.",
      );
      server.child.stdin.end();
      expect(await server.exit).toBe(0);
      expect(server.stderr()).toContain(`property notes: ${join(home, "hostel-notes.md")} (32 characters)`);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it("refuses to start with a relative notes path, asking for the full one", async () => {
    const server = run([], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url,
      HOSTELMATE_PROPERTY_NOTES: "notes/good.md",
    });
    expect(await server.exit).toBe(1);
    expect(server.stderr()).toContain(
      'HOSTELMATE_PROPERTY_NOTES must be the full path of the file, like /Users/you/Documents/hostel-notes.md or C:\\Users\\you\\Documents\\hostel-notes.txt, not "notes/good.md"',
    );
    expect(server.stdoutLines).toEqual([]);
  });

  it("survives a stray rejection and a stray throw, logging both, and keeps answering", async () => {
    // A preload stands in for a bug anywhere in the process. It misbehaves on SIGUSR2, so the test
    // decides when: after the handshake, once the server's own handlers are in place.
    const dir = await mkdtemp(join(tmpdir(), "hostelmate-preload-"));
    const preload = join(dir, "stray-errors.mjs");
    await writeFile(
      preload,
      `process.on("SIGUSR2", () => {
        Promise.reject(new Error("stray rejection from the preload"));
        setImmediate(() => { throw new Error("stray throw from the preload"); });
      });\n`,
    );
    try {
      const server = run([], {
        HOSTELMATE_API_KEY: TEST_API_KEY,
        HOSTELMATE_API_URL: sandbox.url,
        NODE_OPTIONS: `--import ${pathToFileURL(preload).href}`,
      });
      await initialize(server);
      server.child.kill("SIGUSR2");
      await waitForStderr(
        server,
        /error: unhandled rejection: Error: stray rejection[\s\S]*error: uncaught exception: Error: stray throw/,
      );
      const list = await server.request("tools/list");
      expect((list.result as { tools: unknown[] }).tools).toHaveLength(3);
      const page = await server.request("tools/call", {
        name: "list_conversations",
        arguments: { limit: 1 },
      });
      expect(textOfResult(page)).toMatch(/^Conversations 1-1 of \d+/);
      server.child.stdin.end();
      expect(await server.exit).toBe(0);
      for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
      expect(server.stdoutLines.join("\n") + server.stderr()).not.toContain(TEST_API_KEY);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reaches the API when the base URL was pasted with the API's own path", async () => {
    const server = run([], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: `${sandbox.url}/api/v1/`,
    });
    await initialize(server);
    const page = await server.request("tools/call", { name: "list_conversations", arguments: { limit: 1 } });
    expect(textOfResult(page)).toMatch(/^Conversations 1-1 of \d+/);
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
  });

  it("exits 0 without an error when the client closes its end of stdout first", async () => {
    const server = run(["--demo"], {});
    await initialize(server);
    server.child.stdout.destroy();
    // The answer to this has nowhere to go: the write fails with EPIPE.
    server.notify("ping");
    server.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 99, method: "tools/list" })}\n`);
    // Before, it logged an uncaught EPIPE and kept running with no one to answer.
    expect(await Promise.race([server.exit, delay(15_000, "still running")])).toBe(0);
    expect(server.stderr()).not.toMatch(/uncaught|EPIPE|error:/i);
  });

  it("keeps serving, without spinning, when the client closes its end of stderr", async () => {
    const server = run(["--demo"], { HOSTELMATE_LOG_LEVEL: "debug" });
    await initialize(server);
    server.child.stderr.destroy();
    // Each of these logs a line that can no longer be written.
    const missing = await server.request("tools/call", {
      name: "get_messages",
      arguments: { thread_id: "00000000-0000-4000-8000-000000000000" },
    });
    expect((missing.result as { isError: boolean }).isError).toBe(true);
    const list = await server.request("tools/list");
    expect((list.result as { tools: unknown[] }).tools).toHaveLength(3);
    server.child.stdin.end();
    // Before, each failed log line was logged as an uncaught EPIPE, which failed in turn: a loop
    // that held the CPU, grew past a gigabyte and ignored SIGTERM.
    expect(await Promise.race([server.exit, delay(15_000, "still running")])).toBe(0);
  });

  it("exits 1 naming HOSTELMATE_API_KEY and --demo when there is no key, with nothing on stdout", async () => {
    const server = run([], {});
    expect(await server.exit).toBe(1);
    expect(server.stderr()).toMatch(/HOSTELMATE_API_KEY[\s\S]*--demo/);
    expect(server.stdoutLines).toEqual([]);
  });

  it("refuses to start with plain http to another machine, and sends the key nowhere", async () => {
    sandbox.reset();
    const server = run([], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: sandbox.url.replace("127.0.0.1", "0.0.0.0"),
    });
    expect(await server.exit).toBe(1);
    expect(server.stderr()).toMatch(/HOSTELMATE_API_URL must start with https:\/\//);
    expect(server.stdoutLines).toEqual([]);
    expect(sandbox.requests).toEqual([]);
  });

  it("runs the doctor against the demo's sample API, on stdout, exiting 0", async () => {
    const doctor = run(["doctor", "--demo"], {});
    expect(await doctor.exit).toBe(0);
    expect(doctor.stdoutLines.at(-1)).toBe("All checks passed.");
  });

  it("stops quietly when only the first lines of the doctor are read (doctor | head -1)", async () => {
    const doctor = run(["doctor", "--demo"], {});
    await new Promise((resolve) => doctor.child.stdout.once("data", resolve));
    doctor.child.stdout.destroy();
    expect(await doctor.exit).toBe(0);
    expect(doctor.stderr()).not.toMatch(/EPIPE|Error/);
  });

  it("runs the doctor against a refused connection: exit 1, the fix on stdout, the key redacted", async () => {
    const port = await closedPort();
    const doctor = run(["doctor"], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: `http://127.0.0.1:${port}`,
    });
    expect(await doctor.exit).toBe(1);
    const report = doctor.stdoutLines.join("\n");
    expect(report).toMatch(
      new RegExp(
        `FAIL {2}network: cannot connect to 127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED[^)]*\\)\n {8}fix: check the internet connection, a firewall or proxy, and HOSTELMATE_API_URL`,
      ),
    );
    expect(report).toContain("skip  API key and Conversations feature: Hostel Mate is not reachable");
    expect(report).toContain("key hm_live_…1234");
    expect(report + doctor.stderr()).not.toContain(TEST_API_KEY);
  });

  it("runs the doctor against a host that does not resolve: exit 1, the fix on stdout, the key redacted", async () => {
    const doctor = run(["doctor"], {
      HOSTELMATE_API_KEY: TEST_API_KEY,
      HOSTELMATE_API_URL: "https://x.invalid",
    });
    expect(await doctor.exit).toBe(1);
    const report = doctor.stdoutLines.join("\n");
    expect(report).toContain(
      "FAIL  DNS: cannot find x.invalid\n        fix: check the internet connection, and that HOSTELMATE_API_URL is spelled right",
    );
    expect(report).toContain("key hm_live_…1234");
    expect(report + doctor.stderr()).not.toContain(TEST_API_KEY);
  });

  it("prints its version and its help", async () => {
    const version = run(["--version"], {});
    expect(await version.exit).toBe(0);
    expect(version.stdoutLines).toEqual([VERSION]);
    const help = run(["--help"], {});
    expect(await help.exit).toBe(0);
    expect(help.stdoutLines.join("\n")).toMatch(
      /--demo[\s\S]*HOSTELMATE_API_KEY[\s\S]*HOSTELMATE_TIMEOUT_MS/,
    );
  });
});

/** Writes a line of `megabytes` MB to the server's stdin in 64 KB pieces, as a pipe delivers it. */
async function writeLongLine(server: Running, megabytes: number): Promise<void> {
  const piece = "x".repeat(64 * 1024);
  const { stdin } = server.child;
  stdin.write('{"jsonrpc":"2.0","id":77,"method":"ping","params":{"pad":"');
  for (let written = 0; written < megabytes * 16; written++) {
    if (!stdin.write(piece)) await new Promise((resolve) => stdin.once("drain", resolve));
  }
  stdin.write('"}}\n');
}

const errorFor = (id: unknown) => (message: Record<string, unknown>) =>
  message.id === id && message.error !== undefined;

describe("a hostile client over stdio", () => {
  it("drops a line over 4 MB unread, answers it with an error, says so on stderr, and keeps serving", async () => {
    const server = run([], { HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url });
    await initialize(server);
    // 40 MB: past the SDK reader's 10 MB, where it closed the transport and the server left silently.
    await writeLongLine(server, 40);
    const refused = await server.message(errorFor(null));
    expect(refused.error).toMatchObject({ code: -32600 });
    expect((refused.error as { message: string }).message).toMatch(/longer than 4 MB was dropped/);
    const pong = await Promise.race([server.request("ping"), server.exit]);
    expect(pong).toMatchObject({ result: {} });
    // Dropped as it streamed: never held whole, let alone copied on every chunk.
    expect(rssMegabytes(server.child.pid)).toBeLessThan(200);
    expect(server.stderr()).toContain("warn: stdin: dropped a message of more than 4 MB unread");
    expect(server.stdoutLines.some((line) => line.includes('"id":77'))).toBe(false);
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
  });

  it("ends in --demo when stdin closes after a line over 4 MB", async () => {
    const server = run(["--demo"], {});
    await initialize(server);
    await writeLongLine(server, 11);
    await server.message(errorFor(null));
    server.child.stdin.end();
    // Before, the SDK's reader paused stdin as it gave up, so its end never came: deaf and alive.
    expect(await Promise.race([server.exit, delay(10_000, "still running")])).toBe(0);
  });

  it("answers what is not a request with a JSON-RPC error and a sentence, and nothing before initialize", async () => {
    const server = run(["--demo"], {});
    const write = (message: unknown) =>
      server.child.stdin.write(`${typeof message === "string" ? message : JSON.stringify(message)}\n`);
    write({ jsonrpc: "2.0", id: "early", method: "tools/list" });
    const early = await server.message(errorFor("early"));
    expect(early.error).toEqual({
      code: -32600,
      message:
        "Invalid request: send initialize first; before it this server answers only initialize and ping, not tools/list.",
    });
    write({ jsonrpc: "2.0", id: "bad-init", method: "initialize", params: { capabilities: {} } });
    expect((await server.message(errorFor("bad-init"))).error).toEqual({
      code: -32602,
      message:
        "Invalid params for initialize: params.protocolVersion is required; params.clientInfo is required.",
    });
    await initialize(server);

    write("this is not JSON");
    expect((await server.message(errorFor(null))).error).toMatchObject({
      code: -32700,
      message: expect.stringMatching(/^Parse error: the line is not JSON/),
    });
    const after = server.stdoutLines.length;
    write([{ jsonrpc: "2.0", id: "in-batch", method: "ping" }]);
    expect((await server.message(errorFor(null), after)).error).toMatchObject({
      code: -32600,
      message: expect.stringMatching(/batches are not supported/),
    });
    write({
      jsonrpc: "2.0",
      id: "token",
      method: "tools/call",
      params: { name: "list_conversations", arguments: {}, _meta: { progressToken: { a: 1 } } },
    });
    expect((await server.message(errorFor("token"))).error).toEqual({
      code: -32602,
      message: "Invalid params for tools/call: params._meta.progressToken must be a string or a number.",
    });
    write({ jsonrpc: "2.0", id: "level", method: "logging/setLevel", params: { level: "loud" } });
    expect((await server.message(errorFor("level"))).error).toMatchObject({
      code: -32602,
      message: expect.stringMatching(
        /^Invalid params for logging\/setLevel: params\.level must be one of "debug", "info"/,
      ),
    });
    const list = await server.request("tools/list");
    expect((list.result as { tools: unknown[] }).tools).toHaveLength(3);

    server.child.stdin.end();
    expect(await server.exit).toBe(0);
    expect(server.stdoutLines.some((line) => line.includes('"in-batch"'))).toBe(false);
    for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  });

  it("sends nothing on stdout before the answer to initialize; the start-up log stays on stderr", async () => {
    const server = run(["--demo"], { HOSTELMATE_LOG_LEVEL: "debug" });
    await waitForStderr(server, /ready on stdio/);
    const init = await initialize(server);
    expect(server.stdoutLines.map((line) => JSON.parse(line))[0]).toEqual(init);
    // Once initialized, log lines do reach the client: this call logs the thread it did not find.
    await server.request("tools/call", {
      name: "get_messages",
      arguments: { thread_id: "00000000-0000-4000-8000-000000000000" },
    });
    await server.message((message) => message.method === "notifications/message");
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
  });

  it("stops reading requests while the client does not read the answers, and answers them all once it does", async () => {
    const server = run(["--demo"], {});
    await initialize(server);
    const { stdin, stdout } = server.child;
    stdout.pause();
    // Each asks for the 2 KB property notes in a 100-byte line: a client that sends and never reads
    // made the server hold every answer (about 80 → 340 MB for 20,000).
    const count = 10_000;
    for (let id = 1; id <= count; id++) {
      stdin.write(
        `${JSON.stringify({ jsonrpc: "2.0", id, method: "resources/read", params: { uri: "hostelmate://property/notes" } })}\n`,
      );
    }
    // Not a timing assertion: a server that stops reading never drains this, however long it is
    // given; one that reads on drains it in about 4 s here (a slower machine only lets this pass).
    await Promise.race([once(stdin, "drain"), delay(6_000)]);
    expect(stdin.writableLength).toBeGreaterThan(0);
    expect(rssMegabytes(server.child.pid)).toBeLessThan(200);
    stdout.resume();
    const last = await server.message((message) => message.id === count);
    expect((last.result as { contents: Array<{ text: string }> }).contents[0]?.text).toContain("Casa Azul");
    stdin.end();
    expect(await server.exit).toBe(0);
    // A bound, not a timing: answering 10,000 reads takes seconds here and far longer on a busy CI core.
  }, 180_000);
});
