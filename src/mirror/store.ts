// Reads and writes of the mirror over one open database: threads from list rows with their
// fingerprint, a thread's messages, threads gone from the API, filtered queries, sync state and the
// sync lease. Every write that must not be seen half done runs in one transaction.
import { createHash } from "node:crypto";
import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import type { Conversation, Message } from "../api/schemas.js";
import { ensureSearchIndex, indexListRow, indexThread } from "./search-index.js";

/** What the list says about a thread, split so that a change of status alone costs no message request. */
export interface Fingerprint {
  /** Newest message (time, direction, content hash) and unread count: what the stored messages reflect. */
  messages: string;
  /** The above plus the status: whether the list row says anything new at all. */
  whole: string;
}

function messagesPrint(
  newest: { created_at: string | null; direction: string | null; content: string | null } | null,
  unread: number | null,
): string {
  const content = createHash("sha256")
    .update(newest?.content ?? "")
    .digest("base64url")
    .slice(0, 16);
  return [newest?.created_at ?? "", newest?.direction ?? "", content, unread ?? ""].join("|");
}

export function fingerprintOf(thread: Conversation): Fingerprint {
  const messages = messagesPrint(thread.last_message, thread.unread_count);
  return { messages, whole: `${messages}|${thread.status ?? ""}` };
}

/** The messages part of the fingerprint a whole thread's messages would have in the list. */
export function fingerprintOfMessages(messages: readonly Message[]): string {
  const unread = messages.filter((message) => message.is_read === false).length;
  return messagesPrint(messages.at(-1) ?? null, unread);
}

/** A time from the API as a sortable UTC ISO string; unreadable ones are kept as they came. */
export function sortableTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  // Without an offset the API's times are UTC (see time/time.ts); Date.parse would read local time.
  const withZone = /(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

/** The thread's last activity: its newest message, or its creation when it has none. */
export function activityOf(thread: Conversation): string | null {
  return sortableTime(thread.last_message?.created_at ?? thread.created_at);
}

export interface ThreadFilter {
  status?: string | undefined;
  channel?: string | undefined;
  bookingId?: string | undefined;
  /** True: only threads with unread messages; false: only threads without. */
  unread?: boolean | undefined;
  /** Last activity at or after this time (ISO). */
  since?: string | undefined;
  /** Last activity before this time (ISO). */
  until?: string | undefined;
}

export interface ThreadQuery extends ThreadFilter {
  limit?: number | undefined;
  offset?: number | undefined;
  /** Newest activity first (the default), or oldest first. */
  order?: "newest" | "oldest" | undefined;
}

export interface MirrorStats {
  threads: number;
  messages: number;
  /** Threads whose messages are stored and match their list row. */
  threadsWithMessages: number;
  firstSyncDone: boolean;
  /** When the mirror was last brought up to date (ms since the epoch), null before the first check. */
  lastCheckAt: number | null;
  /** Threads the API's list reported at the last list read, null before one. */
  listTotal: number | null;
  /** The oldest last activity among the newest threads whose messages are all stored. */
  completeSince: string | null;
}

/** Keys of sync_state other modules read (the doctor, freshness). */
export const STATE = {
  firstSyncDone: "first_sync_done",
  lastCheckAt: "last_check_at",
  listTotal: "list_total",
  listOrder: "list_order",
  fullRead: "full_read",
  lastFullReadAt: "last_full_read_at",
  /** Whether the list's total matched the threads a whole read found: only then is a difference news. */
  totalCounts: "list_total_counts",
} as const;

interface ThreadRow {
  record: string;
}

export function whereOf(filter: ThreadFilter): { sql: string; params: SQLInputValue[] } {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  if (filter.status !== undefined) {
    clauses.push("upper(status) = upper(?)");
    params.push(filter.status);
  }
  if (filter.channel !== undefined) {
    clauses.push("upper(channel) = upper(?)");
    params.push(filter.channel);
  }
  if (filter.bookingId !== undefined) {
    clauses.push("lower(booking_id) = lower(?)");
    params.push(filter.bookingId);
  }
  if (filter.unread === true) clauses.push("unread_count > 0");
  if (filter.unread === false) clauses.push("coalesce(unread_count, 0) = 0");
  if (filter.since !== undefined) {
    clauses.push("last_message_at >= ?");
    params.push(sortableTime(filter.since) ?? filter.since);
  }
  if (filter.until !== undefined) {
    clauses.push("last_message_at < ?");
    params.push(sortableTime(filter.until) ?? filter.until);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export class MirrorStore {
  constructor(readonly db: DatabaseSync) {
    // A search index written by another analysis is rebuilt here from the stored rows: no request.
    ensureSearchIndex(db);
  }

  /** Runs `work` in one write transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) rather than
    // failing halfway when its read lock cannot be upgraded.
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  /**
   * Stores list rows as seen at `seenAt`. Returns, in the order given, the rows that said something
   * new (new thread, new fingerprint) and those whose messages must be read.
   */
  writeListRows(
    rows: readonly Conversation[],
    seenAt: number,
  ): { changed: string[]; needMessages: string[] } {
    const changed: string[] = [];
    const needMessages: string[] = [];
    const select = this.db.prepare("SELECT fingerprint, messages_fingerprint FROM threads WHERE id = ?");
    const upsert = this.db.prepare(`
      INSERT INTO threads (id, booking_id, channel, status, guest_name, subject, unread_count, created_at,
        last_message_at, last_direction, record, fingerprint, messages_fingerprint, seen_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
      ON CONFLICT (id) DO UPDATE SET booking_id = excluded.booking_id, channel = excluded.channel,
        status = excluded.status, guest_name = excluded.guest_name, subject = excluded.subject,
        unread_count = excluded.unread_count, created_at = excluded.created_at,
        last_message_at = excluded.last_message_at, last_direction = excluded.last_direction,
        record = excluded.record, fingerprint = excluded.fingerprint, seen_at = excluded.seen_at`);
    this.transaction(() => {
      for (const row of rows) {
        const print = fingerprintOf(row);
        const before = select.get(row.id) as
          | { fingerprint: string; messages_fingerprint: string | null }
          | undefined;
        if (before?.fingerprint !== print.whole) changed.push(row.id);
        if (before?.messages_fingerprint !== print.messages) needMessages.push(row.id);
        upsert.run(
          row.id,
          row.booking_id,
          row.channel,
          row.status,
          row.guest_name,
          row.subject,
          row.unread_count,
          row.created_at,
          activityOf(row),
          row.last_message?.direction ?? null,
          JSON.stringify(row),
          print.whole,
          seenAt,
        );
        indexListRow(this.db, row);
      }
    });
    return { changed, needMessages };
  }

  /**
   * Replaces a thread's messages, in one transaction; a thread the list has not shown yet is left
   * for the sync. `fingerprint` is the messages part of the list row they were read for, or that
   * the messages themselves give (fingerprintOfMessages): the next sync reads them again only when
   * the list says otherwise.
   */
  writeMessages(threadId: string, messages: readonly Message[], fingerprint: string | null): void {
    const insert = this.db.prepare(
      "INSERT INTO messages (thread_id, seq, id, direction, created_at, content, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.transaction(() => {
      const exists = this.db.prepare("SELECT 1 FROM threads WHERE id = ?").get(threadId);
      if (!exists) return;
      this.db.prepare("DELETE FROM messages WHERE thread_id = ?").run(threadId);
      messages.forEach((message, seq) => {
        insert.run(
          threadId,
          seq,
          message.id,
          message.direction,
          sortableTime(message.created_at),
          message.content,
          JSON.stringify(message),
        );
      });
      this.db.prepare("UPDATE threads SET messages_fingerprint = ? WHERE id = ?").run(fingerprint, threadId);
      indexThread(this.db, threadId);
    });
  }

  /** Removes threads (and their messages) a full list read begun at `readStartedAt` did not see. */
  removeUnseen(readStartedAt: number): number {
    return this.transaction(() => {
      // Messages first: the cascade needs foreign_keys on, which this store does not rely on.
      this.db
        .prepare("DELETE FROM messages WHERE thread_id IN (SELECT id FROM threads WHERE seen_at < ?)")
        .run(readStartedAt);
      return Number(this.db.prepare("DELETE FROM threads WHERE seen_at < ?").run(readStartedAt).changes);
    });
  }

  /** Removes one thread the API says does not exist (a 404 on its messages). */
  removeThread(threadId: string): void {
    this.transaction(() => {
      this.db.prepare("DELETE FROM messages WHERE thread_id = ?").run(threadId);
      this.db.prepare("DELETE FROM threads WHERE id = ?").run(threadId);
    });
  }

  hasThread(threadId: string): boolean {
    return this.db.prepare("SELECT 1 FROM threads WHERE id = ?").get(threadId) !== undefined;
  }

  /** The messages fingerprint a stored thread's row asks for, or undefined when not stored. */
  listedFingerprint(threadId: string): string | undefined {
    const row = this.db.prepare("SELECT record FROM threads WHERE id = ?").get(threadId) as
      | ThreadRow
      | undefined;
    return row ? fingerprintOf(JSON.parse(row.record) as Conversation).messages : undefined;
  }

  threads(query: ThreadQuery = {}): Conversation[] {
    const { sql, params } = whereOf(query);
    const direction = query.order === "oldest" ? "ASC" : "DESC";
    const rows = this.db
      .prepare(
        `SELECT record FROM threads ${sql} ORDER BY last_message_at ${direction}, id ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit ?? -1, query.offset ?? 0) as unknown as ThreadRow[];
    return rows.map((row) => JSON.parse(row.record) as Conversation);
  }

  thread(threadId: string): Conversation | null {
    const row = this.db.prepare("SELECT record FROM threads WHERE id = ?").get(threadId) as
      | ThreadRow
      | undefined;
    return row ? (JSON.parse(row.record) as Conversation) : null;
  }

  countThreads(filter: ThreadFilter = {}): number {
    const { sql, params } = whereOf(filter);
    const row = this.db.prepare(`SELECT count(*) AS n FROM threads ${sql}`).get(...params) as { n: number };
    return row.n;
  }

  /** A thread's stored messages, oldest first; null when they have not been read yet. */
  messages(threadId: string): Message[] | null {
    const thread = this.db.prepare("SELECT messages_fingerprint FROM threads WHERE id = ?").get(threadId) as
      | { messages_fingerprint: string | null }
      | undefined;
    const rows = this.db
      .prepare("SELECT record FROM messages WHERE thread_id = ? ORDER BY seq")
      .all(threadId) as unknown as ThreadRow[];
    if (rows.length === 0 && (thread === undefined || thread.messages_fingerprint === null)) return null;
    return rows.map((row) => JSON.parse(row.record) as Message);
  }

  /** Threads whose stored messages do not match their list row, newest first. */
  threadsNeedingMessages(limit: number): { id: string; fingerprint: string }[] {
    const rows = this.db
      .prepare("SELECT id, record, messages_fingerprint FROM threads ORDER BY last_message_at DESC, id DESC")
      .iterate() as Iterable<{ id: string; record: string; messages_fingerprint: string | null }>;
    const out: { id: string; fingerprint: string }[] = [];
    for (const row of rows) {
      const fingerprint = fingerprintOf(JSON.parse(row.record) as Conversation).messages;
      if (row.messages_fingerprint !== fingerprint) out.push({ id: row.id, fingerprint });
      if (out.length >= limit) break;
    }
    return out;
  }

  stats(): MirrorStats {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const threads = count("SELECT count(*) AS n FROM threads");
    const withMessages = count("SELECT count(*) AS n FROM threads WHERE messages_fingerprint IS NOT NULL");
    // The newest thread still waiting for its messages bounds how far back the mirror is whole.
    const firstMissing = this.db
      .prepare(
        "SELECT last_message_at AS at FROM threads WHERE messages_fingerprint IS NULL ORDER BY last_message_at DESC LIMIT 1",
      )
      .get() as { at: string | null } | undefined;
    const oldestComplete = this.db
      .prepare(
        `SELECT min(last_message_at) AS at FROM threads WHERE messages_fingerprint IS NOT NULL
         AND (? IS NULL OR last_message_at > ?)`,
      )
      .get(firstMissing?.at ?? null, firstMissing?.at ?? null) as { at: string | null };
    const lastCheck = this.state(STATE.lastCheckAt);
    const listTotal = this.state(STATE.listTotal);
    return {
      threads,
      messages: count("SELECT count(*) AS n FROM messages"),
      threadsWithMessages: withMessages,
      firstSyncDone: this.state(STATE.firstSyncDone) === true,
      lastCheckAt: typeof lastCheck === "number" ? lastCheck : null,
      listTotal: typeof listTotal === "number" ? listTotal : null,
      completeSince: oldestComplete.at,
    };
  }

  /** A sync_state value, parsed; undefined when absent or unreadable. */
  state(key: string): unknown {
    const row = this.db.prepare("SELECT value FROM sync_state WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  }

  setState(key: string, value: unknown): void {
    if (value === undefined) {
      this.db.prepare("DELETE FROM sync_state WHERE key = ?").run(key);
      return;
    }
    this.db
      .prepare(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(key, JSON.stringify(value));
  }

  /**
   * Takes or renews the sync lease for `holder` until `now + ttlMs`, when it is free, lapsed or
   * already this holder's. Returns whether `holder` holds it now.
   */
  acquireLease(holder: string, ttlMs: number, now: number = Date.now()): boolean {
    return this.transaction(() => {
      const row = this.db.prepare("SELECT holder, expires_at FROM sync_lease WHERE id = 1").get() as
        | { holder: string; expires_at: number }
        | undefined;
      if (row && row.holder !== holder && row.expires_at > now) return false;
      this.db
        .prepare(
          `INSERT INTO sync_lease (id, holder, expires_at) VALUES (1, ?, ?)
           ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
        )
        .run(holder, now + ttlMs);
      return true;
    });
  }

  /**
   * Extends the lease if `holder` still holds it: lapsed but not taken (a slow request outlived it)
   * is still its own; once another took it, it is not taken back.
   */
  renewLease(holder: string, ttlMs: number, now: number = Date.now()): boolean {
    return this.transaction(() => {
      const changes = this.db
        .prepare("UPDATE sync_lease SET expires_at = ? WHERE id = 1 AND holder = ?")
        .run(now + ttlMs, holder).changes;
      return Number(changes) > 0;
    });
  }

  releaseLease(holder: string): void {
    this.transaction(() => this.db.prepare("DELETE FROM sync_lease WHERE id = 1 AND holder = ?").run(holder));
  }

  leaseHolder(now: number = Date.now()): string | null {
    const row = this.db.prepare("SELECT holder, expires_at FROM sync_lease WHERE id = 1").get() as
      | { holder: string; expires_at: number }
      | undefined;
    return row && row.expires_at > now ? row.holder : null;
  }
}
