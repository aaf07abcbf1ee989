// Whole histories out of the mirror, for triage: the threads a filter lets through, and the stored
// messages of many threads in one read. A thread's messages are handed back only when they are what
// its list row describes (same fingerprint), so a caller never judges a thread by messages older
// than its row; for the others it falls back to what the row itself says.
import type { Conversation, Message } from "../api/schemas.js";
import { fingerprintOf, type MirrorStore, type ThreadFilter } from "./store.js";

/** Every stored thread `filter` lets through, newest activity first (exact order: last activity, then id). */
export function storedThreads(store: MirrorStore, filter: ThreadFilter): Conversation[] {
  return store.threads({ ...filter, order: "newest" });
}

/**
 * The stored messages of these threads, oldest first, by thread id: only for threads whose messages
 * match their list row. One query, however many threads.
 */
export function storedHistories(
  store: MirrorStore,
  threads: readonly Conversation[],
): Map<string, Message[]> {
  const histories = new Map<string, Message[]>();
  if (threads.length === 0) return histories;
  const current = new Set<string>();
  const printed = store.db
    .prepare(
      "SELECT id, messages_fingerprint AS print FROM threads WHERE id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(threads.map((thread) => thread.id))) as unknown as {
    id: string;
    print: string | null;
  }[];
  const stored = new Map(printed.map((row) => [row.id, row.print]));
  for (const thread of threads) {
    if (stored.get(thread.id) === fingerprintOf(thread).messages) current.add(thread.id);
  }
  if (current.size === 0) return histories;
  for (const id of current) histories.set(id, []);
  const rows = store.db
    .prepare(
      "SELECT thread_id, record FROM messages WHERE thread_id IN (SELECT value FROM json_each(?)) ORDER BY thread_id, seq",
    )
    .iterate(JSON.stringify([...current])) as Iterable<{ thread_id: string; record: string }>;
  for (const row of rows) histories.get(row.thread_id)?.push(JSON.parse(row.record) as Message);
  return histories;
}

/** The newest last activity of any stored thread (sortable ISO), null when the mirror is empty. */
export function newestStoredActivity(store: MirrorStore): string | null {
  const row = store.db.prepare("SELECT max(last_message_at) AS at FROM threads").get() as {
    at: string | null;
  };
  return row.at;
}
