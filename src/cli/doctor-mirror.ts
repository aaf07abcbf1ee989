// The doctor's mirror line: where the copy of the conversations is kept, how big it is, what it holds
// and how fresh it is, or why there is none and what to change. Reads the file; never changes it.
import { existsSync } from "node:fs";
import { loadSqlite, SQLITE_NODE } from "../mirror/database.js";
import { mirrorFiles, totalBytes } from "../mirror/files.js";
import { defaultMirrorFolder, mirrorLocation } from "../mirror/location.js";
import { type MirrorSummary, summarizeMirror } from "../mirror/summary.js";
import { formatBytes } from "./bytes.js";
import type { Config } from "./config.js";

export interface Report {
  ok(what: string): void;
  fail(what: string, fix: string): void;
  skip(what: string): void;
}

export interface MirrorCheckOptions {
  config: Config;
  problems: readonly string[];
  /** The zone the last sync's time is printed in. */
  timeZone: string;
  now?: () => Date;
  /** Stands in for `import("node:sqlite")` (tests: a runtime without it). */
  importer?: Parameters<typeof loadSqlite>[0];
  /** The default mirror folder (tests pass one). */
  folder?: string;
}

const count = (n: number, what: string) => `${n.toLocaleString("en-US")} ${what}${n === 1 ? "" : "s"}`;

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}

function lastSync(summary: Extract<MirrorSummary, { state: "usable" }>, options: MirrorCheckOptions): string {
  const sync = summary.firstSyncDone
    ? "first sync complete"
    : "first sync not complete yet (it goes on while the server runs)";
  if (summary.lastCheckAt === undefined) return `never synced yet; ${sync}`;
  const at = new Date(summary.lastCheckAt);
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(at);
  const now = (options.now ?? (() => new Date()))();
  return `last sync ${when} (${ago(now.getTime() - at.getTime())}); ${sync}`;
}

export async function checkMirror(options: MirrorCheckOptions, { ok, fail, skip }: Report): Promise<void> {
  const { config } = options;
  if (options.problems.some((problem) => problem.startsWith("HOSTELMATE_MIRROR"))) {
    skip("mirror: not checked, because HOSTELMATE_MIRROR has a problem (above)");
    return;
  }
  if (config.mirror === "off") {
    skip(
      "mirror: off (HOSTELMATE_MIRROR=off): no copy of the conversations is kept on this computer, and every answer is read from Hostel Mate live. To keep one (faster, whole-inbox search), remove the setting",
    );
    return;
  }
  const loaded = await loadSqlite(options.importer);
  if (!loaded.ok) {
    fail(
      `mirror: none, because ${loaded.reason}`,
      `install Node.js ${SQLITE_NODE} or newer (nodejs.org, LTS) and make sure your MCP client starts that node; until then the server works without a mirror, reading Hostel Mate live`,
    );
    return;
  }
  if (config.mode === "demo") {
    ok("mirror: in memory for the demo; nothing is kept on disk");
    return;
  }
  if (config.mirror === undefined && config.apiKey === "") {
    skip("mirror: not looked for, because its file is named after the API key, which is not set");
    return;
  }
  const location = mirrorLocation(config, options.folder ?? defaultMirrorFolder());
  if (location.kind !== "file") return;
  const { path } = location;
  const files = mirrorFiles(path);
  const asides = files.filter((file) => /\.(?:corrupt|newer)-/.test(file.path.slice(path.length)));
  const asideNote =
    asides.length === 0
      ? ""
      : `; ${count(asides.length, "old file")} moved aside (${formatBytes(totalBytes(asides))}), which hostelmate-mcp forget deletes`;
  if (!existsSync(path)) {
    skip(
      `mirror: ${path} is not made yet; the server makes it when it starts and fills it in the background${asideNote}`,
    );
    return;
  }
  let summary: MirrorSummary;
  try {
    const db = new loaded.sqlite.DatabaseSync(path, { readOnly: true });
    try {
      db.exec("PRAGMA busy_timeout = 5000");
      summary = summarizeMirror(db);
    } finally {
      db.close();
    }
  } catch (error) {
    summary = { state: "damaged", reason: error instanceof Error ? error.message : String(error) };
  }
  const size = formatBytes(totalBytes(files.filter((file) => !asides.includes(file))));
  if (summary.state === "newer") {
    fail(
      `mirror: ${path} was written by a newer hostelmate-mcp (mirror schema ${summary.version})`,
      "update hostelmate-mcp; this version moves the file aside and builds a new mirror when it starts",
    );
  } else if (summary.state === "damaged") {
    fail(
      `mirror: ${path} is damaged (${summary.reason})`,
      "nothing to do: the server moves it aside and builds a new mirror when it next starts; hostelmate-mcp forget deletes it now",
    );
  } else {
    ok(
      `mirror: ${path}, ${size} on disk, ${count(summary.threads, "thread")} and ${count(summary.messages, "message")}; ${lastSync(summary, options)}${asideNote}`,
    );
  }
}
