// Whole histories out of the mirror, for triage: the threads a filter lets through with what their
// stored messages belong to, and the messages of many threads in one read. A caller judges a
// thread by its history only where the messages are what its list row describes (`current`), and
// otherwise by the row itself, never by messages older than the row.
import type { Conversation, Message } from "../api/schemas.js";
import { fingerprintOf, type MirrorStore, type ThreadFilter, whereOf } from "./store.js";

/**
 * Runs `read` on one snapshot of the database, so that a sync another process commits meanwhile is
 * seen whole or not at all, and counts agree with the threads listed.
 */
export function onOneSnapshot<T>(store: MirrorStore, read: () => T): T {
  if (store.db.isTransaction) return read();
  store.db.exec("BEGIN");
  try {
    return read();
  } finally {
    if (store.db.isTransaction) store.db.exec("COMMIT");
  }
}

export interface StoredThread {
  thread: Conversation;
  /**
   * What the row and the stored messages say, as stored: the same version means the same thread,
   * so a judgement made on it still holds.
   */
  version: string;
  /** Whether the stored messages are those the list row describes. */
  current: () => boolean;
}

/** Every stored thread `filter` lets through, newest activity first (last activity, then id). */
export function storedThreads(store: MirrorStore, filter: ThreadFilter): StoredThread[] {
  const { sql, params } = whereOf(filter);
  const rows = store.db
    .prepare(
      `SELECT record, fingerprint, messages_fingerprint AS stored FROM threads ${sql}
       ORDER BY last_message_at DESC, id DESC`,
    )
    .all(...params) as unknown as { record: string; fingerprint: string; stored: string | null }[];
  return rows.map((row) => {
    const thread = JSON.parse(row.record) as Conversation;
    return {
      thread,
      version: `${row.fingerprint}\n${row.stored ?? ""}`,
      current: () => row.stored !== null && row.stored === fingerprintOf(thread).messages,
    };
  });
}

/** These threads, as the caller already holds them, with the version of each the mirror stores. */
export function storedVersions(store: MirrorStore, threads: readonly Conversation[]): StoredThread[] {
  if (threads.length === 0) return [];
  const rows = store.db
    .prepare(
      "SELECT id, fingerprint, messages_fingerprint AS stored FROM threads WHERE id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(threads.map((thread) => thread.id))) as unknown as {
    id: string;
    fingerprint: string;
    stored: string | null;
  }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return threads.flatMap((thread) => {
    const row = byId.get(thread.id);
    if (!row) return [];
    return {
      thread,
      version: `${row.fingerprint}\n${row.stored ?? ""}`,
      current: () => row.stored !== null && row.stored === fingerprintOf(thread).messages,
    };
  });
}

/** The stored messages of these threads, oldest first, by thread id, in one query. */
export function storedHistories(store: MirrorStore, threadIds: readonly string[]): Map<string, Message[]> {
  const histories = new Map<string, Message[]>(threadIds.map((id) => [id, []]));
  if (threadIds.length === 0) return histories;
  const rows = store.db
    .prepare(
      "SELECT thread_id, record FROM messages WHERE thread_id IN (SELECT value FROM json_each(?)) ORDER BY thread_id, seq",
    )
    .all(JSON.stringify(threadIds)) as unknown as { thread_id: string; record: string }[];
  for (const row of rows) histories.get(row.thread_id)?.push(JSON.parse(row.record) as Message);
  return histories;
}

/**
 * The stored messages of threads as the live list gave them, by thread id: only for those whose
 * stored messages are what the live row describes, so that nothing newer is missing.
 */
export function currentHistories(
  store: MirrorStore,
  threads: readonly Conversation[],
): Map<string, Message[]> {
  if (threads.length === 0) return new Map();
  const rows = store.db
    .prepare(
      "SELECT id, messages_fingerprint AS stored FROM threads WHERE id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(threads.map((thread) => thread.id))) as unknown as {
    id: string;
    stored: string | null;
  }[];
  const stored = new Map(rows.map((row) => [row.id, row.stored]));
  const current = threads
    .filter((thread) => stored.get(thread.id) === fingerprintOf(thread).messages)
    .map((thread) => thread.id);
  return storedHistories(store, current);
}

/** The newest last activity of any stored thread (sortable ISO), null when the mirror is empty. */
export function newestStoredActivity(store: MirrorStore): string | null {
  const row = store.db.prepare("SELECT max(last_message_at) AS at FROM threads").get() as {
    at: string | null;
  };
  return row.at;
}
