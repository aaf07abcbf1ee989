// Thread ids by their beginning, for the short ids the server prints (src/call/thread-ids.ts): the
// ids next to one in sort order (the longest prefix it shares with any other is shared with one of
// them) and the ids that start with a prefix. Both are range reads of the threads' primary key.
import type { MirrorStore } from "./store.js";

/** A thread an id prefix may mean, as an answer listing the candidates names it. */
export interface IdCandidate {
  id: string;
  guestName: string | null;
  /** Last activity (sortable UTC ISO), or null when unknown. */
  lastActivity: string | null;
}

/** Beyond every character an id holds (hex digits, dashes), so `prefix + AFTER_ID_CHARS` bounds a range. */
const AFTER_ID_CHARS = "\u{10ffff}";

/** The stored ids just before and just after `id` in sort order, `id` itself left out. */
export function neighbourIds(store: MirrorStore, id: string): string[] {
  const before = store.db.prepare("SELECT max(id) AS id FROM threads WHERE id < ?").get(id) as {
    id: string | null;
  };
  const after = store.db.prepare("SELECT min(id) AS id FROM threads WHERE id > ?").get(id) as {
    id: string | null;
  };
  return [before.id, after.id].filter((other): other is string => other !== null);
}

/** Up to `limit` stored threads whose id starts with `prefix`, in id order. */
export function threadsWithPrefix(store: MirrorStore, prefix: string, limit: number): IdCandidate[] {
  const rows = store.db
    .prepare(
      "SELECT id, guest_name, last_message_at FROM threads WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
    )
    .all(prefix, prefix + AFTER_ID_CHARS, limit) as unknown as {
    id: string;
    guest_name: string | null;
    last_message_at: string | null;
  }[];
  return rows.map((row) => ({ id: row.id, guestName: row.guest_name, lastActivity: row.last_message_at }));
}
