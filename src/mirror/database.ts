// Opens the mirror's SQLite database. Everything that can go wrong here ends in "no mirror" and a log
// line, never in a server that does not start: without the mirror the server reads Hostel Mate live,
// as it always has. node:sqlite is loaded on first use, so a runtime that lacks it (an embedded Node
// older than 22.13) only loses the mirror.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import type { Logger } from "../log/log.js";
import { type AsideReason, asidePath, withCompanions } from "./files.js";
import type { MirrorLocation } from "./location.js";
import { migrate, NewerSchemaError } from "./migrate.js";
import { quickCheck } from "./summary.js";

type Sqlite = typeof import("node:sqlite");

export interface MirrorDatabase {
  readonly db: DatabaseSync;
  /** The database file, or ":memory:". */
  readonly path: string;
  close(): void;
}

export type SqliteLoad = { ok: true; sqlite: Sqlite } | { ok: false; reason: string };

/** The Node.js that first runs node:sqlite without a flag (23.4 on the odd line). */
export const SQLITE_NODE = "22.13";

// Long enough for another server's sync transaction (one thread's messages) to finish.
const BUSY_TIMEOUT_MS = 5_000;

/** node:sqlite's ExperimentalWarning on Node 22: harmless, and the one warning hidden here. */
const SQLITE_WARNING = /^SQLite is an experimental feature/;

/** Runs `load` with that one warning dropped; any other warning is emitted as usual. */
async function withoutSqliteWarning<T>(load: () => Promise<T>): Promise<T> {
  const emitWarning = process.emitWarning;
  const filtered = (warning: string | Error, ...rest: unknown[]): void => {
    const message = typeof warning === "string" ? warning : warning.message;
    const first = rest[0];
    const type =
      typeof first === "string"
        ? first
        : ((first as { type?: string } | undefined)?.type ??
          (typeof warning === "string" ? "Warning" : warning.name));
    if (type === "ExperimentalWarning" && SQLITE_WARNING.test(message)) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  };
  process.emitWarning = filtered as typeof process.emitWarning;
  try {
    return await load();
  } finally {
    process.emitWarning = emitWarning;
  }
}

let loading: Promise<SqliteLoad> | undefined;

/** node:sqlite, or why this runtime has none; `importer` stands in for the import in tests. */
export function loadSqlite(importer?: () => Promise<Sqlite>): Promise<SqliteLoad> {
  const load = async (): Promise<SqliteLoad> => {
    try {
      const sqlite = await withoutSqliteWarning(importer ?? (() => import("node:sqlite")));
      return { ok: true, sqlite };
    } catch {
      return {
        ok: false,
        reason: `Node.js ${process.versions.node} (${process.execPath}) has no built-in SQLite (node:sqlite), which the mirror needs from Node.js ${SQLITE_NODE} on`,
      };
    }
  };
  if (importer) return load();
  loading ??= load();
  return loading;
}

/** A file that fails SQLite's own check; moved aside like one that is not a database at all. */
class CorruptMirrorError extends Error {
  override name = "CorruptMirrorError";
}

// SQLite's result codes for a damaged file (the low byte of an extended code).
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** Why a file that failed to open should be moved aside; undefined when the file is not at fault. */
function asideReason(error: unknown): AsideReason | undefined {
  if (error instanceof NewerSchemaError) return "newer";
  if (error instanceof CorruptMirrorError) return "corrupt";
  const code = (error as { errcode?: unknown }).errcode;
  if (typeof code === "number" && [SQLITE_CORRUPT, SQLITE_NOTADB].includes(code & 0xff)) return "corrupt";
  const message = error instanceof Error ? error.message : "";
  return /file is not a database|database disk image is malformed/i.test(message) ? "corrupt" : undefined;
}

function describe(error: unknown): string {
  if (error instanceof NewerSchemaError)
    return `it was written by a newer hostelmate-mcp (mirror schema ${error.version})`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // An errno code (EACCES) says more than its message; node:sqlite's ERR_SQLITE_ERROR does not.
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? `${code}: ${message}` : message;
}

function configure(db: DatabaseSync, path: string): void {
  // First, so that every statement after it waits for another server instead of failing at once.
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec("PRAGMA foreign_keys = ON");
  // WAL lets one server read while another writes; an in-memory database has no journal file.
  if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
  const verdict = quickCheck(db);
  if (verdict !== "ok") throw new CorruptMirrorError(`SQLite's check found: ${verdict}`);
  migrate(db);
}

/** The folder made 0700 when it is ours or new; the file made 0600 before SQLite opens it. */
function prepareFile(path: string, ownFolder: boolean): void {
  const folder = dirname(path);
  // mkdir's mode applies to the folders it makes, not to one that exists.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (ownFolder) chmodSync(folder, 0o700);
  closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
}

// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/**
 * Throws for a file that is not empty and not SQLite's, before SQLite opens it: SQLite would take a
 * -wal beside it for its own and delete it on closing, and the copy moved aside would lose it.
 */
function checkHeader(path: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, "r");
  let read: number;
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read > 0 && !header.subarray(0, read).equals(SQLITE_HEADER.subarray(0, read)))
    throw new CorruptMirrorError("not an SQLite database");
}

function open(sqlite: Sqlite, path: string): MirrorDatabase {
  if (path !== ":memory:") checkHeader(path);
  const db = new sqlite.DatabaseSync(path);
  try {
    configure(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  // SQLite gives -wal and -shm the database file's mode; this holds if a file was made before that.
  for (const file of withCompanions(path).slice(1)) if (existsSync(file)) chmodSync(file, 0o600);
  let closed = false;
  return {
    db,
    path,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Renames the database and its companions to the aside name; returns it. */
function moveAside(path: string, reason: AsideReason, now: Date): string {
  const aside = asidePath(path, reason, now);
  const [database, ...companions] = withCompanions(path);
  renameSync(database ?? path, aside);
  for (const file of companions) if (existsSync(file)) renameSync(file, `${aside}${file.slice(path.length)}`);
  return aside;
}

export interface OpenOptions {
  /** Stands in for `import("node:sqlite")` (tests: a runtime without it). */
  importer?: () => Promise<Sqlite>;
  /** The time a moved-aside file's name records. */
  now?: () => Date;
}

let saidNoSqlite = false;

/**
 * The mirror at `location`, migrated to this server's schema and ready to read and write; undefined
 * when there is none (off, no node:sqlite, a file that cannot be opened), said in the log. A file
 * that is damaged or from a newer server is moved aside with one warning and a new one is made.
 */
export async function openMirror(
  location: MirrorLocation,
  logger: Logger,
  options: OpenOptions = {},
): Promise<MirrorDatabase | undefined> {
  if (location.kind === "off") {
    logger.info("mirror off (HOSTELMATE_MIRROR=off): nothing is kept on disk; every answer is read live.");
    return undefined;
  }
  const loaded = await loadSqlite(options.importer);
  if (!loaded.ok) {
    if (!saidNoSqlite || options.importer)
      logger.warn(
        `no mirror: ${loaded.reason}. The server reads Hostel Mate live, as before; install Node.js ${SQLITE_NODE} or newer for the mirror.`,
      );
    saidNoSqlite = true;
    return undefined;
  }
  if (location.kind === "memory") return open(loaded.sqlite, ":memory:");

  const { path } = location;
  const noMirror = (error: unknown) => {
    logger.warn(
      `no mirror this time: ${path} cannot be used (${describe(error)}). The server reads Hostel Mate live.`,
    );
    return undefined;
  };
  try {
    prepareFile(path, location.ownFolder);
    return open(loaded.sqlite, path);
  } catch (error) {
    const reason = asideReason(error);
    if (reason === undefined) return noMirror(error);
    let aside: string;
    try {
      aside = moveAside(path, reason, (options.now ?? (() => new Date()))());
    } catch (renameError) {
      return noMirror(renameError);
    }
    logger.warn(
      `the mirror ${path} could not be used: ${reason === "newer" ? describe(error) : `the file is damaged (${describe(error)})`}. It was moved aside to ${aside} and a new mirror is being built; hostelmate-mcp forget deletes both.`,
    );
    try {
      prepareFile(path, location.ownFolder);
      return open(loaded.sqlite, path);
    } catch (retryError) {
      return noMirror(retryError);
    }
  }
}
