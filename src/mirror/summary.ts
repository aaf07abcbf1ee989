// What the doctor tells about a mirror file, read without changing it: its schema version, SQLite's
// check, how much it holds and how far the sync has come (sync_state, written by the sync).
import type { DatabaseSync } from "node:sqlite";
import { schemaVersion } from "./migrate.js";
import { SCHEMA_VERSION } from "./schema.js";

export type MirrorSummary =
  | { state: "newer"; version: number }
  | { state: "damaged"; reason: string }
  | {
      state: "usable";
      threads: number;
      messages: number;
      /** When the sync last asked Hostel Mate what changed (ms since the epoch). */
      lastCheckAt: number | undefined;
      firstSyncDone: boolean;
    };

function stateValue(db: DatabaseSync, key: string): unknown {
  const row = db.prepare("SELECT value FROM sync_state WHERE key = ?").get(key) as
    | { value: string }
    | undefined;
  if (row === undefined) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

function count(db: DatabaseSync, table: "threads" | "messages"): number {
  const row = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number } | undefined;
  return row?.n ?? 0;
}

/** SQLite's quick check: "ok", or what it found wrong. */
export function quickCheck(db: DatabaseSync): string {
  const rows = db.prepare("PRAGMA quick_check").all() as Array<Record<string, unknown>>;
  return rows
    .map((row) => String(Object.values(row)[0]))
    .join("; ")
    .slice(0, 200);
}

/** `db` opened read-only by the caller. */
export function summarizeMirror(db: DatabaseSync): MirrorSummary {
  try {
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) return { state: "newer", version };
    const verdict = quickCheck(db);
    if (verdict !== "ok") return { state: "damaged", reason: verdict };
    // A file no server has finished making yet holds no tables: nothing in it so far.
    if (version === 0)
      return { state: "usable", threads: 0, messages: 0, lastCheckAt: undefined, firstSyncDone: false };
    const lastCheck = stateValue(db, "last_check_at");
    return {
      state: "usable",
      threads: count(db, "threads"),
      messages: count(db, "messages"),
      lastCheckAt: typeof lastCheck === "number" && Number.isFinite(lastCheck) ? lastCheck : undefined,
      firstSyncDone: stateValue(db, "first_sync_done") === true,
    };
  } catch (error) {
    return { state: "damaged", reason: error instanceof Error ? error.message : String(error) };
  }
}
