// Brings the mirror up to date with as few requests as the API allows. The first sync reads the list
// newest first and each page's threads' messages before the next page, so recent weeks are
// searchable first; its place in the list is kept in sync_state, so a restart goes on from there.
// Later syncs read the list from the top and fetch messages only for threads whose fingerprint
// changed, stopping early only where the list has shown itself ordered by last activity.
import { hostname } from "node:os";
import type { CallOptions, HostelMateClient } from "../api/client.js";
import { ApiError } from "../api/errors.js";
import { listPages, messagePages, type Page, readPage as readApiPage } from "../api/pages.js";
import type { Conversation, Message, MessagePage } from "../api/schemas.js";
import { type Logger, silentLogger } from "../log/log.js";
import { activityOf, fingerprintOfMessages, type MirrorStore, STATE } from "./store.js";

/** The API's largest page, for the list and for messages. */
export const PAGE_SIZE = 100;
/** Messages read at most for one thread (100 pages): a thread longer than that is stored cut. */
const MAX_MESSAGE_PAGES = 100;
/** Message requests in flight at once during a sync; the client's background lane paces them. */
const CONCURRENCY = 4;
export const DEFAULT_LEASE_MS = 60_000;
/**
 * How often an incremental sync reads the whole list anyway: a thread archived or deleted without
 * new activity does not move to the top, so only a whole read sees it.
 */
export const DEFAULT_FULL_READ_EVERY_MS = 15 * 60_000;

/** This process's name in the lease: two servers on one file never share it. */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;

export interface SyncProgress {
  phase: "first" | "full" | "incremental";
  /** Threads read from the list so far in this sync. */
  listed: number;
  /** What the list says it holds, when it says. */
  total: number | null;
  /** Threads whose messages are stored and current, across all syncs. */
  threadsWithMessages: number;
  requests: number;
}

export interface SyncReport {
  /** "skipped": another process holds the lease; "lost": it was taken over while this one synced. */
  kind: "first" | "full" | "incremental" | "skipped" | "lost";
  requests: number;
  listRequests: number;
  messageRequests: number;
  /** Threads whose list row said something new. */
  changed: number;
  /** Threads removed because the API no longer lists them. */
  removed: number;
  threads: number;
  messages: number;
  durationMs: number;
}

export interface SyncOptions {
  client: HostelMateClient;
  store: MirrorStore;
  holder?: string;
  leaseMs?: number;
  fullReadEveryMs?: number;
  /** Read the whole list whatever the schedule says (`hostelmate-mcp sync`). */
  full?: boolean;
  now?: () => number;
  logger?: Logger;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/** What sync_state keeps of a whole-list read under way, so that a restart goes on from there. */
interface FullRead {
  startedAt: number;
  offset: number;
  ordered: boolean;
  /** The last activity of the last row read, for the order check across pages. */
  previous: string | null;
}

/** The lease was taken by another process: this one stops without writing further. */
class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

/** How the list is ordered, as learnt from whole reads: only "activity" lets a read stop early. */
export type ListOrder = "activity" | "unordered" | "unknown";

export function listOrderOf(store: MirrorStore): ListOrder {
  const value = store.state(STATE.listOrder);
  return value === "activity" || value === "unordered" ? value : "unknown";
}

/**
 * The one place that decides whether a list read may stop before the end: only when whole reads
 * found the list ordered by last activity, this page kept that order, and it held nothing new.
 * Anywhere else, a thread with news could sit on any page, so the list is read whole.
 */
export function mayStopReading(order: ListOrder, pageOrdered: boolean, newOnPage: number): boolean {
  return order === "activity" && pageOrdered && newOnPage === 0;
}

/** Whether rows continue newest-first after `previous`; rows without a time break the order. */
function keepsActivityOrder(rows: readonly Conversation[], previous: string | null): boolean {
  let last = previous;
  for (const row of rows) {
    const at = activityOf(row);
    if (at === null || (last !== null && at > last)) return false;
    last = at;
  }
  return true;
}

export async function syncMirror(options: SyncOptions): Promise<SyncReport> {
  const { client, store } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const holder = options.holder ?? PROCESS_HOLDER;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const started = now();
  const counts = { list: 0, messages: 0, changed: 0, removed: 0, listed: 0 };
  const call: CallOptions = { lane: "background", signal: options.signal };

  const report = (kind: SyncReport["kind"]): SyncReport => {
    const stats = store.stats();
    return {
      kind,
      requests: counts.list + counts.messages,
      listRequests: counts.list,
      messageRequests: counts.messages,
      changed: counts.changed,
      removed: counts.removed,
      threads: stats.threads,
      messages: stats.messages,
      durationMs: now() - started,
    };
  };

  if (!store.acquireLease(holder, leaseMs, now())) return report("skipped");
  let renewedAt = now();
  const keepLease = () => {
    if (now() - renewedAt < leaseMs / 3) return;
    if (!store.renewLease(holder, leaseMs, now())) throw new LeaseLostError("the sync lease was taken over");
    renewedAt = now();
  };

  let total: number | null = null;
  const progress = (phase: SyncProgress["phase"]) =>
    options.onProgress?.({
      phase,
      listed: counts.listed,
      total,
      threadsWithMessages: store.stats().threadsWithMessages,
      requests: counts.list + counts.messages,
    });

  /**
   * One list page. `seen` holds the ids this read has had: a page that opens with one of them is an
   * API ignoring the offset, and ends the read rather than looping over the same page.
   */
  async function readPage(
    offset: number,
    seen: Set<string>,
  ): Promise<{ rows: Conversation[]; hasMore: boolean }> {
    counts.list += 1;
    const page = await readApiPage(listPages(client, {}), { limit: PAGE_SIZE, offset }, call);
    const rows = page.items;
    if (rows[0] && seen.has(rows[0].id)) {
      logger.warn(`mirror: the list at offset ${offset} repeats threads already read; reading stops there`);
      return { rows: [], hasMore: false };
    }
    for (const row of rows) seen.add(row.id);
    total = page.total ?? total;
    if (total !== null) store.setState(STATE.listTotal, total);
    counts.listed += rows.length;
    return { rows, hasMore: page.more };
  }

  /** The thread's messages from `from` on, appended to `messages`; false when the thread is gone. */
  async function readFrom(threadId: string, messages: Message[]): Promise<boolean> {
    for (let pageNumber = 0; pageNumber < MAX_MESSAGE_PAGES; pageNumber++) {
      counts.messages += 1;
      const offset = messages.length;
      let page: Page<MessagePage>;
      try {
        page = await readApiPage(messagePages(client, threadId), { limit: PAGE_SIZE, offset }, call);
      } catch (error) {
        // The thread went between the list read and this one.
        if (error instanceof ApiError && error.kind === "not_found") return false;
        throw error;
      }
      const repeated = page.items[0]?.id;
      if (offset > 0 && repeated && messages.some((message) => message.id === repeated)) {
        logger.warn(`mirror: thread ${threadId}'s messages repeat at offset ${offset}; reading stops there`);
        return true;
      }
      messages.push(...page.items);
      if (!page.more) return true;
    }
    logger.warn(
      `mirror: thread ${threadId} has more than ${MAX_MESSAGE_PAGES * PAGE_SIZE} messages; the rest is not stored`,
    );
    return true;
  }

  /**
   * A thread's messages. One already stored is read from its last stored message on: when that
   * message is still there and the result matches what the list says (newest message, unread
   * count), the stored ones before it stand; otherwise the thread is read whole. A long thread's
   * new message then costs one request, not one per hundred messages.
   */
  async function readMessages(threadId: string): Promise<Message[] | null> {
    const stored = store.messages(threadId);
    const last = stored?.at(-1);
    const listed = store.listedFingerprint(threadId);
    if (stored && last?.id && stored.length > PAGE_SIZE) {
      const messages = stored.slice(0, -1);
      if (!(await readFrom(threadId, messages))) return null;
      if (messages[stored.length - 1]?.id === last.id && fingerprintOfMessages(messages) === listed)
        return messages;
    }
    const messages: Message[] = [];
    return (await readFrom(threadId, messages)) ? messages : null;
  }

  /** Reads and stores the messages of these threads, newest first, a few at a time. */
  async function fetchMessages(ids: readonly string[]): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      while (next < ids.length && failure === undefined) {
        const id = ids[next++] as string;
        try {
          const messages = await readMessages(id);
          keepLease();
          if (messages === null) {
            store.removeThread(id);
            counts.removed += 1;
          } else {
            store.writeMessages(id, messages, store.listedFingerprint(id) ?? null);
          }
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    // Every worker is let finish before a failure is passed on: none may write after the sync ended.
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
    if (failure) throw failure.error;
  }

  /** Reads the whole list (going on from where an interrupted read stopped) and every changed thread. */
  async function fullRead(phase: "first" | "full"): Promise<void> {
    const saved = store.state(STATE.fullRead) as FullRead | undefined;
    const read: FullRead =
      saved && typeof saved.offset === "number" && typeof saved.startedAt === "number"
        ? saved
        : { startedAt: now(), offset: 0, ordered: true, previous: null };
    const seen = new Set<string>();
    for (;;) {
      const { rows, hasMore } = await readPage(read.offset, seen);
      keepLease();
      read.ordered &&= keepsActivityOrder(rows, read.previous);
      read.previous = rows.length ? activityOf(rows[rows.length - 1] as Conversation) : read.previous;
      const { changed, needMessages } = store.writeListRows(rows, now());
      counts.changed += changed.length;
      await fetchMessages(needMessages);
      read.offset += rows.length;
      // Saved once the page's messages are stored: a restart reads this page again at worst.
      store.setState(STATE.fullRead, read);
      progress(phase);
      if (!hasMore || rows.length === 0) break;
    }
    counts.removed += store.removeUnseen(read.startedAt);
    // Threads whose messages an earlier, interrupted read left behind their list row.
    await fetchMessages(store.threadsNeedingMessages(Number.MAX_SAFE_INTEGER).map((thread) => thread.id));
    store.transaction(() => {
      store.setState(STATE.listOrder, read.ordered ? "activity" : "unordered");
      store.setState(STATE.fullRead, undefined);
      store.setState(STATE.lastFullReadAt, now());
      store.setState(STATE.totalCounts, total === store.countThreads());
      store.setState(STATE.firstSyncDone, true);
    });
  }

  /** Reads the list from the top until a page holds nothing new, where the list's order allows it. */
  async function incremental(): Promise<"done" | "needs full read"> {
    const startedAt = now();
    let order = listOrderOf(store);
    let previous: string | null = null;
    let offset = 0;
    const seen = new Set<string>();
    for (;;) {
      const { rows, hasMore } = await readPage(offset, seen);
      keepLease();
      const pageOrdered = keepsActivityOrder(rows, previous);
      if (!pageOrdered && order === "activity") {
        // The list is not (or no longer) ordered: read it whole from here on, now and next time.
        order = "unordered";
        store.setState(STATE.listOrder, order);
      }
      previous = rows.length ? activityOf(rows[rows.length - 1] as Conversation) : previous;
      const { changed, needMessages } = store.writeListRows(rows, now());
      counts.changed += changed.length;
      await fetchMessages(needMessages);
      offset += rows.length;
      progress("incremental");
      if (!hasMore || rows.length === 0) {
        // Read to the end from the top: whatever was not seen is gone.
        counts.removed += store.removeUnseen(startedAt);
        store.setState(STATE.lastFullReadAt, now());
        return "done";
      }
      if (mayStopReading(order, pageOrdered, changed.length + needMessages.length)) break;
    }
    // The list counts a different number of threads than are stored: one went, without moving to
    // the top. Only a whole read tells which. An API whose total never matched is not asked this.
    const counted = store.state(STATE.totalCounts) === true;
    return counted && total !== null && total !== store.countThreads() ? "needs full read" : "done";
  }

  try {
    let kind: SyncReport["kind"];
    const lastFull = store.state(STATE.lastFullReadAt);
    const fullEvery = options.fullReadEveryMs ?? DEFAULT_FULL_READ_EVERY_MS;
    if (store.state(STATE.firstSyncDone) !== true) {
      kind = "first";
      await fullRead("first");
    } else if (
      options.full ||
      store.state(STATE.fullRead) !== undefined ||
      typeof lastFull !== "number" ||
      now() - lastFull >= fullEvery
    ) {
      kind = "full";
      await fullRead("full");
    } else {
      kind = "incremental";
      if ((await incremental()) === "needs full read") {
        kind = "full";
        await fullRead("full");
      }
    }
    store.setState(STATE.lastCheckAt, now());
    return report(kind);
  } catch (error) {
    if (error instanceof LeaseLostError) {
      logger.warn("mirror: another server took over the sync; this one stops and reads what it writes");
      return report("lost");
    }
    throw error;
  } finally {
    store.releaseLease(holder);
  }
}
