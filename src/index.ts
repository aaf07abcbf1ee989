#!/usr/bin/env node
// The process boundary: flags and environment in, a stdio MCP server out, and exit codes.
import type { ClientOptions, HostelMateClient } from "./api/client.js";
import { type Config, parseCommand, USAGE } from "./cli/config.js";
import { ConfigError } from "./errors/input.js";
import { createLogger, type Logger } from "./log/log.js";
import type { MirrorDatabase } from "./mirror/database.js";
import type { Mirror } from "./mirror/mirror.js";
import { fileNotes, inlineNotes, NOTES_HOW_TO, type NotesSource, noNotes } from "./notes/notes.js";
import { createServer } from "./server/server.js";
import { StdioTransport } from "./server/stdio.js";
import { machineTimeZone } from "./time/zoned-time.js";
import { VERSION } from "./version.js";

// Cold start is felt each time an MCP client launches the server, so what the handshake does not
// need is imported on first use and the build puts it in chunks of its own: the sandbox and its
// ~100 KB of seeded threads (--demo only), the doctor, and the HTTP client — ky sets up Node's
// fetch (undici) as it loads, which costs about 20 ms.
const startDemoSandbox = async () =>
  (await import("./sandbox/server.js")).startSandbox({ anchor: new Date() });

interface ApiTarget {
  apiUrl: string;
  apiKey: string;
  closeSandbox: () => Promise<void>;
}

/** Hostel Mate, or in demo mode the built-in fake API started for this process. */
async function apiTarget(config: Config): Promise<ApiTarget> {
  if (config.mode !== "demo")
    return { apiUrl: config.apiUrl, apiKey: config.apiKey, closeSandbox: async () => {} };
  const sandbox = await startDemoSandbox();
  return { apiUrl: sandbox.url, apiKey: sandbox.apiKey, closeSandbox: () => sandbox.close() };
}

function createLazyClient(options: ClientOptions): HostelMateClient {
  let client: Promise<HostelMateClient> | undefined;
  const load = () => (client ??= import("./api/client.js").then((api) => api.createClient(options)));
  return {
    listConversations: async (query, call) => (await load()).listConversations(query, call),
    getMessages: async (threadId, query, call) => (await load()).getMessages(threadId, query, call),
  };
}

async function chooseNotes(config: Config): Promise<NotesSource> {
  if (config.propertyNotesPath) return fileNotes(config.propertyNotesPath);
  if (config.mode === "demo")
    return inlineNotes(
      (await import("./sandbox/sample-notes.js")).SAMPLE_PROPERTY_NOTES,
      "the demo's sample notes",
    );
  return noNotes;
}

/** Says once, at start, what drafting will have to do without. */
async function checkNotes(notes: NotesSource, config: Config, logger: Logger): Promise<void> {
  const loaded = await notes.read();
  if (loaded.available)
    return logger.info(`property notes: ${loaded.source} (${loaded.text.length} characters)`);
  if (config.propertyNotesPath)
    logger.warn(`${loaded.reason}; drafts will mark hostel facts for staff to fill in. ${NOTES_HOW_TO}`);
  else logger.info(`no property notes configured. ${NOTES_HOW_TO}`);
}

async function openMirrorAtStart(config: Config, logger: Logger): Promise<MirrorDatabase | undefined> {
  const [{ mirrorLocation, describeLocation }, { openMirror }] = await Promise.all([
    import("./mirror/location.js"),
    import("./mirror/database.js"),
  ]);
  const location = mirrorLocation(config);
  const opened = await openMirror(location, logger);
  if (opened) logger.info(`mirror: ${describeLocation(location)}`);
  return opened;
}

/** `hostelmate-mcp sync`: one full sync in the foreground; its exit code. */
async function syncCommand(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const { apiUrl, apiKey, closeSandbox } = await apiTarget(config);
  const opened = await openMirrorAtStart(config, logger);
  if (opened === undefined) {
    process.stderr.write(
      "There is no mirror to sync: HOSTELMATE_MIRROR is off, or the mirror cannot be opened (the line above says why).\n",
    );
    await closeSandbox();
    return 1;
  }
  const [{ runSyncCommand }, { MirrorStore }] = await Promise.all([
    import("./cli/sync.js"),
    import("./mirror/store.js"),
  ]);
  const code = await runSyncCommand({
    client: createLazyClient({
      apiUrl,
      apiKey,
      timeoutMs: config.timeoutMs,
      rateLimitPerMinute: config.rateLimitPerMinute,
    }),
    store: new MirrorStore(opened.db),
    where: opened.path === ":memory:" ? "(in memory, for the demo)" : opened.path,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  });
  opened.close();
  await closeSandbox();
  return code;
}

/** The background sync over an opened mirror. */
async function startMirror(
  opened: MirrorDatabase,
  config: Config,
  client: HostelMateClient,
  logger: Logger,
): Promise<Mirror> {
  const [{ MirrorStore }, { Mirror }] = await Promise.all([
    import("./mirror/store.js"),
    import("./mirror/mirror.js"),
  ]);
  return new Mirror({
    client,
    store: new MirrorStore(opened.db),
    logger,
    intervalMs: config.syncIntervalS * 1000,
  });
}

function describeUnknown(value: unknown): string {
  return value instanceof Error ? (value.stack ?? value.message) : String(value);
}

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `hostelmate-mcp cannot start:\n${error.problems.map((p) => `  - ${p}`).join("\n")}\nRun hostelmate-mcp --help for the options.\n`,
    );
    process.exit(1);
  }
  // --help, --version and doctor run instead of the server: no MCP transport is started, a person reads
  // this stdout, and scripts can capture it. Only serving (below) hands stdout to the protocol.
  if (command.kind !== "serve") {
    // Read only in part (`doctor | head -1`): the reader has what it wanted, so stop without a trace.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
  if (command.kind === "help") return void process.stdout.write(USAGE);
  if (command.kind === "version") return void process.stdout.write(`${VERSION}\n`);
  if (command.kind === "doctor") {
    const { runDoctor } = await import("./cli/doctor.js");
    const code = await runDoctor({
      config: command.config,
      problems: command.problems,
      write: (text) => process.stdout.write(text),
      startDemo: startDemoSandbox,
    });
    process.exit(code);
  }
  if (command.kind === "forget") {
    const { runForget } = await import("./cli/forget.js");
    process.exit(
      runForget({
        config: command.config,
        all: command.all,
        problems: command.problems,
        write: (text) => process.stdout.write(text),
        writeError: (text) => process.stderr.write(text),
      }),
    );
  }

  if (command.kind === "sync") process.exit(await syncCommand(command.config));

  const { config } = command;
  const logger = createLogger(config.logLevel);
  // A bug in one call must not end the server the front desk relies on all day.
  process.on("unhandledRejection", (reason) =>
    logger.error(`unhandled rejection: ${describeUnknown(reason)}`),
  );
  process.on("uncaughtException", (error) => logger.error(`uncaught exception: ${describeUnknown(error)}`));
  // With stderr closed by the client, a log line fails with EPIPE; unheard, that error would be an
  // uncaught exception, logged to stderr, failing again: a loop that holds the CPU. There is nowhere
  // left to say anything, so the failure is dropped and the server goes on answering on stdout.
  process.stderr.on("error", () => {});

  const { apiUrl, apiKey, closeSandbox } = await apiTarget(config);
  if (config.mode === "demo") {
    logger.info(
      "demo mode: serving SAMPLE data for the fictional Casa Azul Hostel from a built-in fake Hostel Mate API; nothing is real and no key is used.",
    );
  }

  const client = createLazyClient({
    apiUrl,
    apiKey,
    timeoutMs: config.timeoutMs,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    cacheTtlMs: config.cacheTtlMs,
  });
  const notes = await chooseNotes(config);
  await checkNotes(notes, config, logger);
  // Opened once the server answers (below): until then, and without one, calls read Hostel Mate live.
  let running: Mirror | undefined;
  const server = createServer({
    client,
    logger,
    notes,
    timeZone: config.timeZone ?? machineTimeZone,
    callBudgetMs: config.callBudgetMs,
    mirror: () => running,
  });
  const transport = new StdioTransport({ warn: (sentence) => logger.warn(sentence) });

  let mirror: Promise<MirrorDatabase | undefined> = Promise.resolve(undefined);
  let closing = false;
  const shutdown = async (why: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.debug(`shutting down (${why})`);
    await server.close().catch(() => {});
    await running?.close().catch(() => {});
    await mirror.then((opened) => opened?.close()).catch(() => {});
    await closeSandbox().catch(() => {});
    process.exit(0);
  };
  // The transport reads on after the client leaves (timers and sockets keep the process up); the
  // client's leaving is our cue to go.
  process.stdin.on("end", () => void shutdown("stdin ended"));
  process.stdin.on("close", () => void shutdown("stdin closed"));
  // A client that closes its end of stdout has left too; writing to it fails with EPIPE, which would
  // otherwise surface as an uncaught exception, with a stack, for every answer still pending.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") void shutdown("stdout closed");
    else logger.error(`stdout: ${error.message}`);
  });
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await server.connect(transport);
  logger.info(
    `hostelmate-mcp ${VERSION} ready on stdio (${config.mode === "demo" ? "demo data" : new URL(apiUrl).host})`,
  );
  // Opened once the server answers: checking a large file, or rebuilding a damaged one, must not
  // hold up the handshake, and whatever goes wrong leaves the server reading Hostel Mate live.
  mirror = openMirrorAtStart(config, logger).catch((error: unknown) => {
    logger.warn(`no mirror this time: ${describeUnknown(error)}. The server reads Hostel Mate live.`);
    return undefined;
  });
  const opened = await mirror;
  if (opened && !closing) {
    running = await startMirror(opened, config, client, logger);
    // The first sync, or the catch-up after a pause, runs while the model gets on with its calls.
    void running.sync();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`hostelmate-mcp stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
