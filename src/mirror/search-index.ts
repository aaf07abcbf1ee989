// The mirror's search index (migration 2): one FTS5 row per thread, written from the stored thread
// and its messages in the transaction that stores them, so the index never lags the mirror. The
// text is analysed here (src/text/analyse.ts: folded, stop-words out, stemmed in six languages) and
// the index only splits on spaces: the query side (src/search/mirror-search.ts) analyses its words
// the same way, so both meet on the same terms whatever FTS5's own tokeniser would have made of them.
//
// One row per thread rather than per message: a search for "late bus German" must find the thread
// whose words are spread over three messages, and BM25 then weighs the thread as a whole. The
// quoted message is chosen afterwards from the stored messages of the few threads shown.
import type { DatabaseSync } from "node:sqlite";
import { analyse } from "../text/analyse.js";
import { tokenise } from "../text/tokenise.js";

/**
 * The analysis the stored index was written with. Raise it whenever src/text/ or the columns below
 * change what a text is indexed as: opening a mirror with another version rebuilds the index from the
 * stored threads and messages, with no request.
 */
export const INDEX_VERSION = 1;
/** The sync_state key holding the version the stored index was written with. */
export const INDEX_VERSION_KEY = "search_index_version";

/**
 * BM25 weights of name, booking, subject, text and words: a name or booking id says more than a word
 * in a message. `words` is searched only for whole phrases, and weighs as the text.
 */
export const COLUMN_WEIGHTS = [8, 8, 4, 1, 1] as const;
export type SearchColumn = "name" | "booking" | "subject" | "text" | "words";

// Between the messages of the `words` column: a phrase does not run from one message into the next.
const MESSAGE_BREAK = "qxqbreak";

interface ThreadHead {
  guest_name: string | null;
  booking_id: string | null;
  subject: string | null;
}

function headOf(thread: ThreadHead): string {
  return JSON.stringify([thread.guest_name ?? "", thread.booking_id ?? "", thread.subject ?? ""]);
}

/** Each word's stems, and for names the word as written too (typos are matched against it). */
function stemsOf(text: string, withWords: boolean): string {
  return analyse(text)
    .map((term) => [...new Set(withWords ? [term.word, ...term.stems] : term.stems)].join(" "))
    .join(" ");
}

interface Document {
  name: string;
  booking: string;
  subject: string;
  text: string;
  words: string;
}

function documentOf(thread: ThreadHead, messages: readonly string[]): Document {
  const words = [thread.guest_name ?? "", thread.subject ?? "", ...messages]
    .map((text) => tokenise(text).join(" "))
    .filter(Boolean)
    .join(` ${MESSAGE_BREAK} `);
  return {
    name: stemsOf(thread.guest_name ?? "", true),
    booking: tokenise(thread.booking_id ?? "").join(" "),
    subject: stemsOf(thread.subject ?? "", false),
    text: messages.map((content) => stemsOf(content, false)).join(" "),
    words,
  };
}

/** Writes the thread's row from what is stored of it; removes it when the thread is not stored. Call inside a transaction. */
export function indexThread(db: DatabaseSync, threadId: string): void {
  const thread = db
    .prepare("SELECT guest_name, booking_id, subject FROM threads WHERE id = ?")
    .get(threadId) as ThreadHead | undefined;
  const known = db.prepare("SELECT doc FROM search_docs WHERE thread_id = ?").get(threadId) as
    | { doc: number }
    | undefined;
  if (known) db.prepare("DELETE FROM search_index WHERE rowid = ?").run(known.doc);
  if (!thread) {
    db.prepare("DELETE FROM search_docs WHERE thread_id = ?").run(threadId);
    return;
  }
  const messages = (
    db.prepare("SELECT content FROM messages WHERE thread_id = ? ORDER BY seq").all(threadId) as unknown as {
      content: string | null;
    }[]
  ).map((row) => row.content ?? "");
  let doc = known?.doc;
  if (doc === undefined)
    doc = Number(
      db.prepare("INSERT INTO search_docs (thread_id, head) VALUES (?, ?)").run(threadId, headOf(thread))
        .lastInsertRowid,
    );
  else db.prepare("UPDATE search_docs SET head = ? WHERE doc = ?").run(headOf(thread), doc);
  const row = documentOf(thread, messages);
  db.prepare(
    "INSERT INTO search_index (rowid, name, booking, subject, text, words) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(doc, row.name, row.booking, row.subject, row.text, row.words);
}

/**
 * After a list row was stored: indexes a thread the index does not have, or whose guest name,
 * booking id or subject changed; a row that repeats what is indexed costs one lookup.
 */
export function indexListRow(db: DatabaseSync, thread: ThreadHead & { id: string }): void {
  const known = db.prepare("SELECT head FROM search_docs WHERE thread_id = ?").get(thread.id) as
    | { head: string }
    | undefined;
  if (known?.head === headOf(thread)) return;
  indexThread(db, thread.id);
}

function storedVersion(db: DatabaseSync): unknown {
  const row = db.prepare("SELECT value FROM sync_state WHERE key = ?").get(INDEX_VERSION_KEY) as
    | { value: string }
    | undefined;
  try {
    return row ? JSON.parse(row.value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rebuilds the index from the stored threads and messages when it was written with another
 * INDEX_VERSION (or never, in a file migrated from schema 1). Returns whether it rebuilt. A
 * read-only or busy file is left as it is: the next open tries again, and searches meanwhile use
 * the index as it is.
 */
export function ensureSearchIndex(db: DatabaseSync): boolean {
  try {
    if (storedVersion(db) === INDEX_VERSION) return false;
    db.exec("BEGIN IMMEDIATE");
  } catch {
    return false;
  }
  try {
    // Read again under the write lock: another server may have rebuilt it meanwhile.
    if (storedVersion(db) === INDEX_VERSION) {
      db.exec("COMMIT");
      return false;
    }
    db.exec("DELETE FROM search_index; DELETE FROM search_docs;");
    const ids = db.prepare("SELECT id FROM threads").all() as unknown as { id: string }[];
    for (const { id } of ids) indexThread(db, id);
    db.prepare(
      "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(INDEX_VERSION_KEY, JSON.stringify(INDEX_VERSION));
    db.exec("COMMIT");
    return true;
  } catch {
    if (db.isTransaction) db.exec("ROLLBACK");
    return false;
  }
}

export interface IndexMatch {
  threadId: string;
  /** BM25 with COLUMN_WEIGHTS, made positive: larger is better. */
  score: number;
  /** The thread's last activity (sortable UTC ISO), for the ties. */
  lastActivity: string | null;
}

export interface MatchScope {
  channel?: string | undefined;
  bookingId?: string | undefined;

  /** Only threads whose messages are stored (a first sync under way has listed more than it read). */
  storedOnly?: boolean | undefined;
}

/** The threads matching an FTS5 expression, best first, within `scope`. */
export function matchIndex(db: DatabaseSync, expression: string, scope: MatchScope = {}): IndexMatch[] {
  const clauses = ["search_index MATCH ?"];
  const params: string[] = [expression];
  if (scope.channel !== undefined) {
    clauses.push("upper(t.channel) = upper(?)");
    params.push(scope.channel);
  }
  if (scope.bookingId !== undefined) {
    clauses.push("lower(t.booking_id) = lower(?)");
    params.push(scope.bookingId);
  }
  if (scope.storedOnly) clauses.push("t.messages_fingerprint IS NOT NULL");
  const rows = db
    .prepare(
      `SELECT d.thread_id AS id, bm25(search_index, ${COLUMN_WEIGHTS.join(", ")}) AS rank, t.last_message_at AS at
       FROM search_index JOIN search_docs d ON d.doc = search_index.rowid JOIN threads t ON t.id = d.thread_id
       WHERE ${clauses.join(" AND ")}`,
    )
    .all(...params) as unknown as { id: string; rank: number; at: string | null }[];
  return rows.map((row) => ({ threadId: row.id, score: -row.rank, lastActivity: row.at }));
}

/** The words after `prefix` in the index's sort order: those that start with it. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}

/**
 * Words indexed in guest names that may be one typo from `word`: those starting with its first or
 * its second letter (a typo in the first letter, or a letter added or dropped before the second,
 * keeps one of them). Range reads of the index's vocabulary, a few milliseconds on 5,000 threads.
 */
export function nameTermsNear(db: DatabaseSync, word: string): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_index, 'col')");
  const select = db.prepare(
    "SELECT term FROM temp.search_terms WHERE col = 'name' AND term >= ? AND term < ?",
  );
  const starts = [...new Set([...word.slice(0, 2)])];
  return starts.flatMap((start) =>
    (select.all(start, prefixEnd(start)) as unknown as { term: string }[]).map((row) => row.term),
  );
}

/** Whether the mirror holds this thread's messages (a first sync under way has listed more than it read). */
export function holdsMessages(db: DatabaseSync, threadId: string): boolean {
  const row = db
    .prepare("SELECT messages_fingerprint IS NOT NULL AS held FROM threads WHERE id = ?")
    .get(threadId) as { held: number } | undefined;
  return row?.held === 1;
}

/** Stored threads' records by id, in one read. */
export function threadRecords(db: DatabaseSync, ids: readonly string[]): Map<string, string> {
  const rows = db
    .prepare("SELECT id, record FROM threads WHERE id IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(ids)) as unknown as { id: string; record: string }[];
  return new Map(rows.map((row) => [row.id, row.record]));
}

/**
 * What the mirror holds, as a value that changes whenever a thread or its messages are written or
 * removed, by this connection (temporary triggers, made on first use) or another (data_version):
 * a search run while the freshness check was on the wire is kept when this did not change.
 */
export function mirrorGeneration(db: DatabaseSync): string {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS search_generation (n INTEGER NOT NULL);
    INSERT INTO search_generation SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM search_generation);
    CREATE TEMP TRIGGER IF NOT EXISTS search_generation_insert AFTER INSERT ON main.threads
      BEGIN UPDATE search_generation SET n = n + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS search_generation_delete AFTER DELETE ON main.threads
      BEGIN UPDATE search_generation SET n = n + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS search_generation_update AFTER UPDATE ON main.threads
      WHEN old.record IS NOT new.record OR old.messages_fingerprint IS NOT new.messages_fingerprint
      BEGIN UPDATE search_generation SET n = n + 1; END;
  `);
  const own = db.prepare("SELECT n FROM temp.search_generation").get() as { n: number };
  const others = db.prepare("PRAGMA data_version").get() as { data_version: number };
  return `${others.data_version}:${own.n}`;
}
