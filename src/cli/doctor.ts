// `hostelmate-mcp doctor`: checks everything a working setup needs, in the order a person would
// fix it, and says what to do about each problem. The key is never printed whole.
import { lookup } from "node:dns/promises";
import { connect } from "node:net";
import { apiUrlProblems } from "../api/base-url.js";
import { createClient } from "../api/client.js";
import { ApiError } from "../api/errors.js";
import { describeError } from "../errors/describe.js";
import { silentLogger } from "../log/log.js";
import { fileNotes } from "../notes/notes.js";
import { notesPathProblem } from "../notes/notes-path.js";
import { machineTimeZone } from "../time/zoned-time.js";
import type { Config } from "./config.js";
import { checkMirror, type MirrorCheckOptions, type Report } from "./doctor-mirror.js";
import { REQUIRED_NODE_MAJOR } from "./node-version.js";

export interface DemoApi {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

export interface DoctorOptions {
  config: Config;
  problems: readonly string[];
  write: (text: string) => void;
  nodeVersion?: string;
  /** Starts the sandbox for `doctor --demo`; passed in so the sandbox loads only when needed. */
  startDemo?: () => Promise<DemoApi>;
  /** This computer's time zone (tests pass one). */
  machineZone?: () => string;
  /** For the mirror's check: the clock, node:sqlite's import, the default folder (tests pass them). */
  mirror?: Pick<MirrorCheckOptions, "now" | "importer" | "folder">;
}

// The start every Hostel Mate key shares (hm_live_…): it keeps nothing secret, and it shows that the
// key pasted is a Hostel Mate key at all.
const PUBLIC_PREFIX = /^hm_live_/;
// Below this many characters after the prefix, even the last four would give away too much of a key.
const SHORTEST_SHOWN = 16;

/** `hm_live_…abcd`: at most the last four characters, and of a short key only its length. */
export function redactKey(key: string): string {
  if (key === "") return "(not set)";
  const prefix = PUBLIC_PREFIX.exec(key)?.[0] ?? "";
  const secret = key.slice(prefix.length);
  if (secret.length < SHORTEST_SHOWN)
    return `(set, ${key.length} characters${prefix ? `, starting ${prefix}` : ""})`;
  return `${prefix}…${secret.slice(-4)}`;
}

function isAddress(hostname: string): boolean {
  return hostname === "localhost" || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ""), port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once("error", fail);
    socket.once("connect", () => {
      socket.end();
      resolve(Math.round(performance.now() - started));
    });
  });
}

export async function runDoctor(options: DoctorOptions): Promise<number> {
  const { config, write } = options;
  let failures = 0;
  const ok = (what: string) => write(`  ok    ${what}\n`);
  const fail = (what: string, fix: string) => {
    failures += 1;
    write(`  FAIL  ${what}\n        fix: ${fix}\n`);
  };
  const skip = (what: string) => write(`  skip  ${what}\n`);

  write(`hostelmate-mcp doctor${config.mode === "demo" ? " (demo: the built-in sample API)" : ""}\n\n`);

  const nodeVersion = options.nodeVersion ?? process.versions.node;
  // src/bin.ts stops an old Node before the doctor runs; this covers the doctor called in-process.
  if (Number(nodeVersion.split(".")[0]) >= REQUIRED_NODE_MAJOR) ok(`Node.js ${nodeVersion}`);
  else
    fail(
      `Node.js ${nodeVersion} is too old`,
      `install Node.js ${REQUIRED_NODE_MAJOR} or newer (nodejs.org, LTS), then restart the MCP client`,
    );

  // Checked here as well as by the caller: the key must not travel over the network on this
  // function's word alone, whatever problems it was handed.
  const urlProblems = config.mode === "demo" ? [] : apiUrlProblems(config.apiUrl);
  // A relative notes path is read here from the folder the doctor runs in, which is seldom the one
  // the MCP client starts the server in: found here, it would pass and still fail there.
  const notesProblem = config.propertyNotesPath
    ? notesPathProblem(config.propertyNotesPath, process.platform)
    : undefined;
  const problems = [
    ...options.problems,
    ...[...urlProblems, ...(notesProblem ? [notesProblem] : [])].filter((p) => !options.problems.includes(p)),
  ];
  for (const problem of problems) fail("configuration", problem);
  if (problems.length === 0) {
    ok(
      `configuration: ${config.mode === "demo" ? "API sample data, no key (the demo uses none)" : `API ${config.apiUrl}, key ${redactKey(config.apiKey)}`}, timeout ${config.timeoutMs} ms`,
    );
  }
  const zoneProblem = options.problems.some((problem) => problem.startsWith("HOSTELMATE_TIMEZONE"));
  if (zoneProblem) skip("time zone: not chosen, because HOSTELMATE_TIMEZONE has a problem (above)");
  else if (config.timeZone) ok(`time zone ${config.timeZone} (HOSTELMATE_TIMEZONE)`);
  else
    ok(
      `time zone ${(options.machineZone ?? machineTimeZone)()} (this computer's; set HOSTELMATE_TIMEZONE if the hostel is in another)`,
    );
  if (notesProblem) {
    skip("property notes: not read, because HOSTELMATE_PROPERTY_NOTES has a problem (above)");
  } else if (config.propertyNotesPath) {
    const notes = await fileNotes(config.propertyNotesPath).read();
    if (notes.available) ok(`property notes: ${config.propertyNotesPath} (${notes.text.length} characters)`);
    else
      fail(
        "property notes",
        // A PDF or Word file was found, so the path is right: the reason says how to save it as text.
        notes.notText
          ? notes.reason
          : `${notes.reason}: fix the path in HOSTELMATE_PROPERTY_NOTES, or remove the setting`,
      );
  } else {
    skip(
      "property notes: HOSTELMATE_PROPERTY_NOTES is not set (drafts will mark hostel facts for staff to fill in)",
    );
  }

  await checkMirror(
    {
      config,
      problems: options.problems,
      timeZone: zoneProblem ? "UTC" : (config.timeZone ?? (options.machineZone ?? machineTimeZone)()),
      ...options.mirror,
    },
    { ok, fail, skip },
  );

  if (urlProblems.length > 0) {
    skip(
      "DNS, network, API key, Conversations feature and latency: not checked, because HOSTELMATE_API_URL has a problem (above) and the API key must not be sent there",
    );
  } else {
    await checkApi(options, { ok, fail, skip });
  }

  write(
    failures === 0
      ? "\nAll checks passed.\n"
      : `\n${failures} problem${failures === 1 ? "" : "s"} found: fix ${failures === 1 ? "it" : "them"} and run hostelmate-mcp doctor again.\n`,
  );
  return failures === 0 ? 0 : 1;
}

/** DNS, TCP, the key, the feature and one call's latency. */
async function checkApi(options: DoctorOptions, { ok, fail, skip }: Report): Promise<void> {
  const { config } = options;
  let demo: DemoApi | undefined;
  try {
    if (config.mode === "demo") {
      if (!options.startDemo) throw new Error("demo mode needs the sandbox");
      demo = await options.startDemo();
    }
    const apiUrl = demo?.url ?? config.apiUrl;
    const apiKey = demo?.apiKey ?? config.apiKey;
    const url = new URL(apiUrl);
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));

    let reachable = true;
    if (isAddress(url.hostname)) {
      skip(`DNS: ${url.hostname} is an address`);
    } else {
      try {
        const { address } = await lookup(url.hostname);
        ok(`DNS: ${url.hostname} is ${address}`);
      } catch {
        reachable = false;
        fail(
          `DNS: cannot find ${url.hostname}`,
          "check the internet connection, and that HOSTELMATE_API_URL is spelled right",
        );
      }
    }
    if (reachable) {
      try {
        ok(`network: connected to ${url.host} in ${await tcpConnect(url.hostname, port, 5_000)} ms`);
      } catch (error) {
        reachable = false;
        fail(
          `network: cannot connect to ${url.host} (${error instanceof Error ? error.message : String(error)})`,
          "check the internet connection, a firewall or proxy, and HOSTELMATE_API_URL",
        );
      }
    }

    if (!reachable) skip("API key and Conversations feature: Hostel Mate is not reachable");
    else if (apiKey === "") skip("API key and Conversations feature: no key to try");
    else {
      const client = createClient({
        apiUrl,
        apiKey,
        timeoutMs: config.timeoutMs,
        logger: silentLogger,
        retryLimit: 0,
      });
      const started = performance.now();
      try {
        const page = await client.listConversations({ limit: 1, offset: 0 });
        const latency = Math.round(performance.now() - started);
        // The sandbox's own key is no key of the user's: saying it was accepted would suggest one is set.
        ok(demo ? "the sample API answered (the demo uses no key)" : `API key ${redactKey(apiKey)} accepted`);
        ok(
          `Conversations feature enabled${page.pagination?.total === null || page.pagination?.total === undefined ? "" : `: ${page.pagination.total} conversations`}`,
        );
        ok(`one call to ${demo ? "the sample API" : "Hostel Mate"} took ${latency} ms`);
      } catch (error) {
        const sentence = describeError(error);
        if (error instanceof ApiError && error.kind === "auth")
          fail(`API key ${redactKey(apiKey)} rejected`, sentence);
        else if (error instanceof ApiError && error.kind === "feature_disabled")
          fail("Conversations feature is off", sentence);
        else if (error instanceof ApiError) fail("a call to Hostel Mate failed", sentence);
        // Not an answer from Hostel Mate: the doctor has no server log to point to, so it says what
        // happened here, with the key taken out in case the message quotes it.
        else
          fail(
            "a call to Hostel Mate failed",
            `an unexpected error (${(error instanceof Error ? error.message : String(error)).replaceAll(apiKey, redactKey(apiKey))}). Run the doctor again; if it repeats, report this line to the maintainers.`,
          );
      }
    }
  } finally {
    await demo?.close();
  }
}
