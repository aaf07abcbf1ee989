// The filtered or sorted thread list over the whole mirror: what scan.ts does over at most 500
// threads of the live list, here over every stored thread, with needs-reply judged from each
// thread's whole history (triage/history.ts) and exact counts. No request: the caller has brought
// the mirror up to date first.
import type { ListConversationsQuery } from "../api/client.js";
import type { Conversation } from "../api/schemas.js";
import { newestStoredActivity, storedHistories, storedThreads } from "../mirror/histories.js";
import { fingerprintOf, type MirrorStats, type MirrorStore, type ThreadFilter } from "../mirror/store.js";
import {
  filterThread,
  type LeftOut,
  listSignals,
  type SignalsOf,
  type ThreadFilters,
  waitingOrder,
} from "../triage/filters.js";
import { historySignals } from "../triage/history.js";
import type { ReplySignals } from "../triage/signals.js";

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

/** A thread judged from its whole history, as open and as its status says, for the list row it had. */
interface Judged {
  print: string;
  asIs: ReplySignals;
  asOpen: ReplySignals;
}

// A thread's history changes only with its list row (its fingerprint): a later call reads and judges
// only the threads whose row changed since, not 40,000 messages again.
const judgedByStore = new WeakMap<MirrorStore, Map<string, Judged>>();

/**
 * The signals of these threads from their whole histories, read from the mirror where not judged
 * before for the same row; a thread whose stored messages are behind its row is judged by the row.
 */
export function judge(store: MirrorStore, threads: readonly Conversation[]): SignalsOf {
  let judged = judgedByStore.get(store);
  if (!judged) {
    judged = new Map();
    judgedByStore.set(store, judged);
  }
  const memo = judged;
  const prints = new Map(threads.map((thread) => [thread, fingerprintOf(thread).whole]));
  const unknown = threads.filter((thread) => memo.get(thread.id)?.print !== prints.get(thread));
  const histories = storedHistories(store, unknown);
  for (const thread of unknown) {
    const messages = histories.get(thread.id);
    if (!messages) memo.delete(thread.id);
    else
      memo.set(thread.id, {
        print: prints.get(thread) as string,
        asIs: historySignals(thread, messages, false),
        asOpen: historySignals(thread, messages, true),
      });
  }
  return (thread, archivedToo) => {
    const entry = memo.get(thread.id);
    if (!entry || entry.print !== prints.get(thread)) return listSignals(thread, archivedToo);
    return archivedToo ? entry.asOpen : entry.asIs;
  };
}

export function listFromMirror(store: MirrorStore, request: MirrorListQuery): MirrorList {
  const { query, filters, order } = request;
  const stats = store.stats();
  const byRow = storedThreads(store, storeFilter(request)).filter(
    (thread) => filterThread(thread, { ...filters, needsReply: undefined }) === true,
  );
  // Needs-reply and the waiting order judge every candidate; otherwise only the page shown is judged.
  const judgeAll = filters.needsReply !== undefined || order === "waiting";
  let signalsOf = judge(store, judgeAll ? byRow : []);
  const leftOut: Record<LeftOut, number> = { closing: 0, archived: 0 };
  const matches: Conversation[] = [];
  for (const thread of byRow) {
    const verdict = filterThread(thread, filters, signalsOf);
    if (verdict === true) matches.push(thread);
    else if (verdict) leftOut[verdict] += 1;
  }
  if (order === "waiting") matches.sort(waitingOrder(filters.status === "ARCHIVED", signalsOf));
  const threads = matches.slice(query.offset, query.offset + query.limit);
  if (!judgeAll) signalsOf = judge(store, threads);
  const newest = Date.parse(newestStoredActivity(store) ?? "");
  return {
    threads,
    // As a thread line shows its status: an archived thread waits for nobody.
    signals: threads.map((thread) => signalsOf(thread, false)),
    total: matches.length,
    leftOut,
    newest,
    stats,
  };
}
