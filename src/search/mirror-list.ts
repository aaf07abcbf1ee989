// The filtered or sorted thread list over the whole mirror: what scan.ts does over at most 500
// threads of the live list, here over every stored thread, with needs-reply judged from each
// thread's whole history (triage/history.ts) and exact counts. No request: the caller has brought
// the mirror up to date first.
import type { ListConversationsQuery } from "../api/client.js";
import type { Conversation } from "../api/schemas.js";
import {
  currentHistories,
  newestStoredActivity,
  onOneSnapshot,
  type StoredThread,
  storedHistories,
  storedThreads,
  storedVersions,
} from "../mirror/histories.js";
import type { MirrorStats, MirrorStore, ThreadFilter } from "../mirror/store.js";
import {
  filterThread,
  type LeftOut,
  listSignals,
  type SignalsOf,
  type ThreadFilters,
  waitingOrder,
} from "../triage/filters.js";
import { historyMatters, historySignals } from "../triage/history.js";
import { isArchived, type ReplySignals } from "../triage/signals.js";

export interface MirrorList {
  /** The page's threads. */
  threads: Conversation[];
  /** Each page thread's reply signals, from its whole history where the mirror holds it. */
  signals: ReplySignals[];
  /** Threads that pass the filters, in the whole mirror. */
  total: number;
  /** Threads needs_reply=true left out although every other filter let them through, by why. */
  leftOut: Record<LeftOut, number>;
  /** The newest last activity in the mirror (ms since the epoch), NaN when it is empty. */
  newest: number;
  stats: MirrorStats;
}

export interface MirrorListQuery {
  query: Pick<ListConversationsQuery, "channel" | "booking_id" | "offset" | "limit">;
  filters: ThreadFilters;
  order: "newest" | "waiting";
}

/** What SQL can narrow before each thread is judged here: the judgement itself stays filterThread's. */
function storeFilter({ query, filters }: MirrorListQuery): ThreadFilter {
  const { from, to } = filters.range ?? {};
  return {
    status: filters.status,
    channel: query.channel ?? filters.channel,
    bookingId: query.booking_id,
    since: from?.toISOString(),
    // The range's end is inclusive, the store's is not.
    until: to ? new Date(to.getTime() + 1).toISOString() : undefined,
  };
}

/** A thread judged from its whole history, as its status says and as if open, for one version of it. */
interface Judged {
  version: string;
  asIs: ReplySignals;
  asOpen: ReplySignals;
}

// A thread's judgement changes only with its list row or its stored messages: a later call reads and
// judges only the threads that changed since, not every message of the mirror again.
const judgedByStore = new WeakMap<MirrorStore, Map<string, Judged>>();

/**
 * The signals of these threads from their whole histories, read from the mirror unless judged
 * before in the same version; a thread whose stored messages are behind its row, or whose row
 * already says all its history would (historyMatters), is judged by the row.
 */
function judge(store: MirrorStore, stored: readonly StoredThread[]): SignalsOf {
  let judged = judgedByStore.get(store);
  if (!judged) {
    judged = new Map();
    judgedByStore.set(store, judged);
  }
  const memo = judged;
  const versions = new Map<Conversation, string>();
  const unknown: StoredThread[] = [];
  for (const entry of stored) {
    versions.set(entry.thread, entry.version);
    const known = memo.get(entry.thread.id)?.version === entry.version;
    if (!known && historyMatters(entry.thread) && entry.current()) unknown.push(entry);
  }
  const histories = storedHistories(
    store,
    unknown.map((entry) => entry.thread.id),
  );
  for (const { thread, version } of unknown) {
    const messages = histories.get(thread.id) ?? [];
    const asIs = historySignals(thread, messages, false);
    // Judged as open, only an archived thread can differ.
    const asOpen = isArchived(thread.status) ? historySignals(thread, messages, true) : asIs;
    memo.set(thread.id, { version, asIs, asOpen });
  }
  return (thread, archivedToo) => {
    const entry = memo.get(thread.id);
    if (!entry || entry.version !== versions.get(thread)) return listSignals(thread, archivedToo);
    return archivedToo ? entry.asOpen : entry.asIs;
  };
}

/** judge() for threads a caller read from the mirror itself (the search): the same judgement, remembered alike. */
export function judgeThreads(store: MirrorStore, threads: readonly Conversation[]): SignalsOf {
  return judge(store, storedVersions(store, threads));
}

export function listFromMirror(store: MirrorStore, request: MirrorListQuery): MirrorList {
  return onOneSnapshot(store, () => listOnSnapshot(store, request));
}

function listOnSnapshot(store: MirrorStore, request: MirrorListQuery): MirrorList {
  const { query, filters, order } = request;
  const stats = store.stats();
  const candidates = storedThreads(store, storeFilter(request)).filter(
    ({ thread }) => filterThread(thread, { ...filters, needsReply: undefined }) === true,
  );
  // Needs-reply and the waiting order judge every candidate; otherwise only the page shown is judged.
  const judgeAll = filters.needsReply !== undefined || order === "waiting";
  let signalsOf = judge(store, judgeAll ? candidates : []);
  const leftOut: Record<LeftOut, number> = { closing: 0, archived: 0 };
  const matches: StoredThread[] = [];
  for (const entry of candidates) {
    const verdict = filterThread(entry.thread, filters, signalsOf);
    if (verdict === true) matches.push(entry);
    else if (verdict) leftOut[verdict] += 1;
  }
  if (order === "waiting") {
    const before = waitingOrder(filters.status === "ARCHIVED", signalsOf);
    matches.sort((a, b) => before(a.thread, b.thread));
  }
  const page = matches.slice(query.offset, query.offset + query.limit);
  if (!judgeAll) signalsOf = judge(store, page);
  const threads = page.map((entry) => entry.thread);
  return {
    threads,
    // As a thread line shows its status: an archived thread waits for nobody.
    signals: threads.map((thread) => signalsOf(thread, false)),
    total: matches.length,
    leftOut,
    newest: Date.parse(newestStoredActivity(store) ?? ""),
    stats,
  };
}

/**
 * Who is waiting in threads the live list just gave, from their whole histories where the mirror
 * holds them as the live row describes them, otherwise from the row: a plain page marks a thread as
 * a filtered one from the mirror does.
 */
export function liveRowSignals(store: MirrorStore, threads: readonly Conversation[]): ReplySignals[] {
  const histories = onOneSnapshot(store, () => currentHistories(store, threads.filter(historyMatters)));
  return threads.map((thread) => {
    const messages = histories.get(thread.id);
    return messages ? historySignals(thread, messages) : listSignals(thread);
  });
}
