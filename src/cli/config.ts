// Flags and environment → a validated Config. Every problem is collected and reported at once, so
// a hostel manager fixes the configuration in one go rather than one error per restart.
import { homedir } from "node:os";
import { posix, win32 } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { apiUrlProblems, DEFAULT_API_URL, withoutApiPath } from "../api/base-url.js";
import { ConfigError } from "../errors/input.js";
import {
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_CALL_BUDGET_MS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SYNC_INTERVAL_S,
  DEFAULT_TIMEOUT_MS,
  DEMO_RATE_LIMIT,
} from "../limits.js";
import { LOG_LEVELS, type LogLevel } from "../log/log.js";
import { expandHome, resolveNotesPath, unquote } from "../notes/notes-path.js";
import { canonicalTimeZone, isValidTimeZone } from "../time/zoned-time.js";

export { DEFAULT_API_URL };

export interface Config {
  /** live: the real API with the operator's key; demo: the built-in sandbox with sample data. */
  mode: "live" | "demo";
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  logLevel: LogLevel;
  /** Path of the operator's property notes file, if any. */
  propertyNotesPath: string | undefined;
  /**
   * IANA time zone of the property (HOSTELMATE_TIMEZONE): times are printed in it and words like
   * "yesterday" mean its days. Undefined: this computer's zone, which the manager's computer shares.
   */
  timeZone: string | undefined;
  /** The most one tool call may take, retries and rate-limit waits included. */
  callBudgetMs: number;
  /** Requests per minute to Hostel Mate, across all calls. */
  rateLimitPerMinute: number;
  /** How long identical requests are answered from memory; 0: never. */
  cacheTtlMs: number;
  /**
   * HOSTELMATE_MIRROR: `off` (no mirror, nothing on disk), the mirror database's full path, or
   * undefined for this property's file in the user's cache folder (src/mirror/location.ts).
   */
  mirror: string | undefined;
  /** The most seconds an answer from the mirror may lag behind Hostel Mate. */
  syncIntervalS: number;
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "serve"; config: Config }
  /** The doctor reports configuration problems instead of refusing to start. */
  | { kind: "doctor"; config: Config; problems: readonly string[] }
  /** Deletes this property's mirror files, or every property's (`all`); only some problems stop it. */
  | { kind: "forget"; all: boolean; config: Config; problems: readonly string[] }
  /** One full sync of the inbox mirror in the foreground. */
  | { kind: "sync"; config: Config };

export const USAGE = `hostelmate-mcp — an MCP server that lets AI assistants read and triage Hostel Mate guest conversations.
It only reads: it never sends a message.

Usage:
  hostelmate-mcp            serve over stdio (needs HOSTELMATE_API_KEY)
  hostelmate-mcp --demo     serve built-in sample data; no key needed
  hostelmate-mcp --help     this text
  hostelmate-mcp --version  the version
  hostelmate-mcp doctor     check the setup (Node, settings, network, key, feature) and say what to fix
  hostelmate-mcp doctor --demo   the same checks against the built-in sample data
  hostelmate-mcp sync       bring the inbox mirror up to date now, and say what it holds
  hostelmate-mcp forget     delete this property's mirror (the copy of its conversations on this computer)
  hostelmate-mcp forget --all    delete every property's mirror in the mirror folder

Environment:
  HOSTELMATE_API_KEY     your property's API key from Hostel Mate (required unless --demo)
  HOSTELMATE_API_URL     API base URL (default ${DEFAULT_API_URL})
  HOSTELMATE_TIMEOUT_MS  timeout per request in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  HOSTELMATE_LOG_LEVEL   error, warn, info or debug, written to stderr (default info)
  HOSTELMATE_PROPERTY_NOTES  path of a text or Markdown file with the hostel's facts for replies
  HOSTELMATE_TIMEZONE    the property's time zone, e.g. Europe/Lisbon (default: this computer's zone)
  HOSTELMATE_CALL_BUDGET_MS  the most one request from the assistant may take, retries included (default ${DEFAULT_CALL_BUDGET_MS})
  HOSTELMATE_RATE_LIMIT  requests per minute to Hostel Mate (default ${DEFAULT_RATE_LIMIT}, its own limit; ${DEMO_RATE_LIMIT} with --demo)
  HOSTELMATE_CACHE_TTL_MS  how long identical requests are answered from memory; 0 turns it off (default ${DEFAULT_CACHE_TTL_MS})
  HOSTELMATE_MIRROR      full path of the mirror's database file, or off to keep no copy of the conversations on this computer (default: this computer's cache folder)
  HOSTELMATE_SYNC_INTERVAL_S  the most seconds an answer from the mirror may lag behind Hostel Mate (default ${DEFAULT_SYNC_INTERVAL_S})
`;

type Env = Record<string, string | undefined>;

/** The URL as given (even when wrong: the doctor reports it), without a trailing slash. */
function readApiUrl(raw: string | undefined, problems: string[]): string {
  const value = raw?.trim() || DEFAULT_API_URL;
  problems.push(...apiUrlProblems(value));
  return withoutApiPath(value);
}

/** Unset and blank are the same: the setting's default. */
const blankAsUnset = (raw: unknown) => (typeof raw === "string" && raw.trim() === "" ? undefined : raw);

/**
 * A variable's text, checked trimmed by `valid` (a zod schema where one says it). The sentence for a
 * refused value quotes it exactly as it was set, spaces included, so the manager finds it.
 */
function checkedText(valid: (text: string) => boolean, sentence: (got: string) => string) {
  return z
    .string()
    .refine((raw) => valid(raw.trim()), { error: (issue) => sentence(JSON.stringify(issue.input)) })
    .transform((raw) => raw.trim());
}

interface Bounds {
  min: number;
  max: number;
  fallback: number;
  unit: string;
}

/** A whole number as Number reads it ("1e3" is 1000), within bounds; its default when unset. */
function wholeNumber(name: string, { min, max, fallback, unit }: Bounds) {
  const whole = z.int().min(min).max(max);
  const text = checkedText(
    (text) => whole.safeParse(Number(text)).success,
    (got) =>
      `${name} must be a whole number of ${unit} between ${min} and ${max} (got ${got}); the default is ${fallback}.`,
  );
  return z.preprocess(blankAsUnset, text.transform(Number).default(fallback));
}

const LogLevelName = z.enum(LOG_LEVELS);

const LogLevelSetting = z.preprocess(
  blankAsUnset,
  checkedText(
    (text) => LogLevelName.safeParse(text.toLowerCase()).success,
    (got) => `HOSTELMATE_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got ${got}).`,
  )
    .transform((text) => text.toLowerCase())
    .pipe(LogLevelName)
    .default("info"),
);

/** The zone set, in its own spelling; undefined when none is, for this computer's zone. */
const TimeZoneSetting = z.preprocess(
  blankAsUnset,
  // UTC needs no check, and the check loads the time zone data, which costs a start about 20 ms.
  checkedText(
    (text) => text === "UTC" || isValidTimeZone(text),
    (got) =>
      `HOSTELMATE_TIMEZONE must be an IANA time zone name like Europe/Lisbon or America/New_York (got ${got}); leave it unset to use this computer's zone.`,
  )
    .transform((text) => (text === "UTC" ? text : canonicalTimeZone(text)))
    .optional(),
);

/** `off`, or a full path once quotes are taken off and `~` is the home folder; a folder (a trailing slash) is no file. */
function mirrorValue(text: string): string | undefined {
  if (text.toLowerCase() === "off") return "off";
  const path = expandHome(unquote(text), homedir(), process.platform);
  const paths = process.platform === "win32" ? win32 : posix;
  return paths.isAbsolute(path) && !/[\\/]$/.test(path) ? paths.normalize(path) : undefined;
}

const MirrorSetting = z.preprocess(
  blankAsUnset,
  checkedText(
    (text) => mirrorValue(text) !== undefined,
    (got) =>
      `HOSTELMATE_MIRROR must be off (no copy of the conversations kept on this computer) or the full path of the mirror's database file, like /Users/you/hostelmate-mirror.db or C:\\Users\\you\\hostelmate-mirror.db (got ${got}); leave it unset to keep the mirror in this computer's cache folder.`,
  )
    .transform((text) => mirrorValue(text))
    .optional(),
);

/** The settings zod checks; the key, the URL and the notes path are cleaned by hand below. */
const Settings = z.object({
  HOSTELMATE_TIMEOUT_MS: wholeNumber("HOSTELMATE_TIMEOUT_MS", {
    min: 100,
    max: 300_000,
    fallback: DEFAULT_TIMEOUT_MS,
    unit: "milliseconds",
  }),
  HOSTELMATE_LOG_LEVEL: LogLevelSetting,
  HOSTELMATE_TIMEZONE: TimeZoneSetting,
  HOSTELMATE_CALL_BUDGET_MS: wholeNumber("HOSTELMATE_CALL_BUDGET_MS", {
    min: 1_000,
    max: 600_000,
    fallback: DEFAULT_CALL_BUDGET_MS,
    unit: "milliseconds",
  }),
  HOSTELMATE_RATE_LIMIT: wholeNumber("HOSTELMATE_RATE_LIMIT", {
    min: 1,
    max: 10_000,
    fallback: DEFAULT_RATE_LIMIT,
    unit: "requests per minute",
  }),
  HOSTELMATE_CACHE_TTL_MS: wholeNumber("HOSTELMATE_CACHE_TTL_MS", {
    min: 0,
    max: 3_600_000,
    fallback: DEFAULT_CACHE_TTL_MS,
    unit: "milliseconds",
  }),
  HOSTELMATE_MIRROR: MirrorSetting,
  HOSTELMATE_SYNC_INTERVAL_S: wholeNumber("HOSTELMATE_SYNC_INTERVAL_S", {
    min: 1,
    max: 86_400,
    fallback: DEFAULT_SYNC_INTERVAL_S,
    unit: "seconds",
  }),
});
type Settings = z.output<typeof Settings>;

/** Every setting, a refused one at its default (so the doctor goes on), and one sentence per refused variable. */
function readSettings(env: Env): { settings: Settings; problems: Map<string, string> } {
  const parsed = Settings.safeParse(env);
  if (parsed.success) return { settings: parsed.data, problems: new Map() };
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]);
    if (!problems.has(name)) problems.set(name, issue.message);
  }
  const accepted = Object.fromEntries(Object.entries(env).filter(([name]) => !problems.has(name)));
  return { settings: Settings.parse(accepted), problems };
}

// Every command and option, as USAGE lists them.
const OPTIONS_SENTENCE =
  "hostelmate-mcp takes the commands doctor, sync and forget and the options --demo, --all (after forget), --help (-h) and --version (-v).";
const KNOWN_OPTIONS = new Set(["--demo", "--all", "--help", "-h", "--version", "-v"]);
const COMMANDS = new Set(["doctor", "sync", "forget"]);
// What a word processor or chat app makes of "--": en and em dashes, the minus sign and the like.
const TYPOGRAPHIC_DASHES = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+(?=\p{L})/u;

/** The first argument that is no option of ours, said as a person would need to hear it. */
function argumentProblem(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    // After "--" everything is an argument; "-hv" is -h and -v together.
    if (arg === "--") return undefined;
    if (KNOWN_OPTIONS.has(arg) || /^-[hv]+$/.test(arg)) continue;
    if (TYPOGRAPHIC_DASHES.test(arg)) {
      return `${JSON.stringify(arg)} starts with a long dash, not two hyphens (an editor or chat app may have changed them): write it as ${arg.replace(TYPOGRAPHIC_DASHES, "--")}.`;
    }
    if (arg === "-y" || arg === "--yes") {
      return `Unknown option ${JSON.stringify(arg)}: it belongs to npx ("npx -y hostelmate-mcp"); when the command is hostelmate-mcp itself, leave it out.`;
    }
    if (arg.startsWith("-")) return `Unknown option ${JSON.stringify(arg)}. ${OPTIONS_SENTENCE}`;
  }
  return undefined;
}

/** Kept even when it is unusable, so the doctor knows it was set and does not also call it missing. */
function readNotesPath(raw: string | undefined, problems: string[]): string | undefined {
  const resolved = resolveNotesPath(raw, homedir(), process.platform);
  if (resolved?.problem) problems.push(resolved.problem);
  return resolved?.path;
}

export function parseCommand(argv: readonly string[], env: Env): Command {
  const problem = argumentProblem(argv);
  if (problem) throw new ConfigError([problem]);
  let flags: { demo?: boolean; all?: boolean; help?: boolean; version?: boolean };
  let positionals: string[];
  try {
    ({ values: flags, positionals } = parseArgs({
      args: [...argv],
      options: {
        demo: { type: "boolean" },
        all: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([`${reason}. ${OPTIONS_SENTENCE}`]);
  }
  if (flags.help) return { kind: "help" };
  if (flags.version) return { kind: "version" };
  const [subcommand, ...extra] = positionals;
  const known = subcommand !== undefined && COMMANDS.has(subcommand);
  if ((subcommand !== undefined && !known) || extra.length > 0) {
    throw new ConfigError([
      `Unexpected argument ${JSON.stringify(known ? extra[0] : subcommand)}. ${OPTIONS_SENTENCE}`,
    ]);
  }
  if (flags.all && subcommand !== "forget")
    throw new ConfigError([
      `--all goes only with forget ("hostelmate-mcp forget --all"). ${OPTIONS_SENTENCE}`,
    ]);
  const { config, problems } = readConfig(env, flags.demo === true);
  if (subcommand === "doctor") return { kind: "doctor", config, problems };
  if (subcommand === "forget") return { kind: "forget", all: flags.all === true, config, problems };
  if (problems.length > 0) throw new ConfigError(problems);
  if (subcommand === "sync") return { kind: "sync", config };
  return { kind: "serve", config };
}

// What a key picks up on its way from an email, a web page or a document into a config file, and is
// never part of it: quotes around it (straight or curly), the variable's own name, an auth scheme,
// and invisible characters (zero-width spaces, a byte-order mark, joiners).
const AROUND_KEY = /^(?:["'`“”‘’]|HOSTELMATE_API_KEY\s*=\s*|Bearer\s+)+|["'`“”‘’]+$/gi;
const INVISIBLE_IN_KEY = /\p{Cf}/gu;
// Keys are printable ASCII; anything else cannot even be sent in a header.
const NOT_KEY_CHARACTER = /[^\x21-\x7E]/u;

/** The key as pasted, with what a copy adds around it taken off; a problem when it still cannot be one. */
export function readApiKey(raw: string | undefined, problems: string[]): string {
  const key = (raw ?? "").replace(INVISIBLE_IN_KEY, "").trim().replace(AROUND_KEY, "").trim();
  if (key === "") {
    problems.push(
      "HOSTELMATE_API_KEY is not set. Put your property's Hostel Mate API key in it, or start with --demo to try the server on sample data without a key.",
    );
    return key;
  }
  if (/\s/.test(key)) {
    problems.push("HOSTELMATE_API_KEY contains spaces or line breaks; copy the key again without them.");
    return key;
  }
  const odd = NOT_KEY_CHARACTER.exec(key);
  if (odd) {
    const character = String.fromCodePoint(odd[0].codePointAt(0) ?? 0);
    const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    problems.push(
      `HOSTELMATE_API_KEY has a character no Hostel Mate key has, ${JSON.stringify(character)} (U+${code}) at position ${odd.index + 1}, which a word processor or web page may have put in. Copy the key again from Hostel Mate and paste it as plain text.`,
    );
  }
  return key;
}

function readConfig(env: Env, demo: boolean): { config: Config; problems: string[] } {
  const { settings, problems: refused } = readSettings(env);
  // Problems in the order --help lists the variables.
  const problems: string[] = [];
  const apiKey = demo ? "" : readApiKey(env.HOSTELMATE_API_KEY, problems);
  const apiUrl = readApiUrl(env.HOSTELMATE_API_URL, demo ? [] : problems);
  const refusedOf = (...names: string[]) => {
    for (const name of names) {
      const problem = refused.get(name);
      if (problem !== undefined) problems.push(problem);
    }
  };
  refusedOf("HOSTELMATE_TIMEOUT_MS", "HOSTELMATE_LOG_LEVEL");
  const propertyNotesPath = readNotesPath(env.HOSTELMATE_PROPERTY_NOTES, problems);
  refusedOf(
    "HOSTELMATE_TIMEZONE",
    "HOSTELMATE_CALL_BUDGET_MS",
    "HOSTELMATE_RATE_LIMIT",
    "HOSTELMATE_CACHE_TTL_MS",
    "HOSTELMATE_MIRROR",
    "HOSTELMATE_SYNC_INTERVAL_S",
  );
  const config: Config = {
    mode: demo ? "demo" : "live",
    apiUrl,
    apiKey,
    timeoutMs: settings.HOSTELMATE_TIMEOUT_MS,
    logLevel: settings.HOSTELMATE_LOG_LEVEL,
    propertyNotesPath,
    timeZone: settings.HOSTELMATE_TIMEZONE,
    callBudgetMs: settings.HOSTELMATE_CALL_BUDGET_MS,
    rateLimitPerMinute:
      demo && env.HOSTELMATE_RATE_LIMIT === undefined ? DEMO_RATE_LIMIT : settings.HOSTELMATE_RATE_LIMIT,
    cacheTtlMs: settings.HOSTELMATE_CACHE_TTL_MS,
    mirror: settings.HOSTELMATE_MIRROR,
    syncIntervalS: settings.HOSTELMATE_SYNC_INTERVAL_S,
  };
  return { config, problems };
}
