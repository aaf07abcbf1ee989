// Filters the API does not have, applied to the threads the server reads. Dates apply to a thread's
// last activity: its newest message, or its creation when it has none.
import { CHANNELS, type Conversation } from "../api/schemas.js";
import { type DateRange, resolveDateRange } from "../time/dates.js";
import { parseApiTime } from "../time/time.js";
import { isArchived, previewSignals, type ReplySignals } from "./signals.js";

export interface ThreadFilters {
  /** A channel Hostel Mate's channel parameter refuses (one the API sent, e.g. VRBO): matched here. */
  channel?: string | undefined;
  status?: string | undefined;
  unreadOnly?: boolean | undefined;
  needsReply?: boolean | undefined;
  range?: DateRange | undefined;
}

export function hasFilters(filters: ThreadFilters): boolean {
  return Boolean(
    filters.channel ||
      filters.status ||
      filters.unreadOnly ||
      filters.needsReply !== undefined ||
      filters.range,
  );
}

export function lastActivity(thread: Conversation): string | null {
  return thread.last_message?.created_at ?? thread.created_at;
}

/** lastActivity as milliseconds since the epoch, NaN when missing or unreadable. */
export function lastActivityAt(thread: Conversation): number {
  return parseApiTime(lastActivity(thread) ?? "");
}

function isUnread(thread: Conversation): boolean {
  return (thread.unread_count ?? 0) > 0 || thread.is_read === false;
}

/**
 * A thread's reply signals. With `archivedToo`, an archived thread is judged as if it were open:
 * asked for by status, its waiting guests are shown. Live answers read them off the list row
 * (listSignals); answers from the mirror off the thread's whole history (history.ts).
 */
export type SignalsOf = (thread: Conversation, archivedToo: boolean) => ReplySignals;

/** The thread's reply signals as the list can tell them, from its last message. */
export function listSignals(thread: Conversation, archivedToo = false): ReplySignals {
  return previewSignals(thread.last_message, {
    status: archivedToo ? null : thread.status,
    unread_count: thread.unread_count,
  });
}

/**
 * Whether the guest is waiting, as far as the list can tell: when an automatic message came last (an
 * auto-reply, a check-in link), an earlier guest message may be unanswered, read or not, so such a
 * thread counts as waiting. Missing a waiting guest costs more than opening one thread too many.
 * A guest who only said thanks, or an archived thread, is not waiting.
 */
export function needsReply(
  thread: Conversation,
  archivedToo = false,
  signalsOf: SignalsOf = listSignals,
): boolean {
  return signalsOf(thread, archivedToo).needs_reply ?? true;
}

/** Why needs_reply=true left out a thread that every other filter let through. */
export type LeftOut = "closing" | "archived";

/** true when the thread passes the filters; otherwise why needs_reply=true left it out, or false. */
export function filterThread(
  thread: Conversation,
  filters: ThreadFilters,
  signalsOf: SignalsOf = listSignals,
): true | LeftOut | false {
  if (filters.channel && thread.channel?.toUpperCase() !== filters.channel) return false;
  if (filters.status && thread.status !== filters.status) return false;
  if (filters.unreadOnly && !isUnread(thread)) return false;
  if (filters.range) {
    const at = lastActivityAt(thread);
    if (Number.isNaN(at)) return false;
    if (filters.range.from && at < filters.range.from.getTime()) return false;
    if (filters.range.to && at > filters.range.to.getTime()) return false;
  }
  if (filters.needsReply === undefined) return true;
  // Asked for by status, an archived thread is judged as if open: its waiting guests are shown.
  const reply = signalsOf(thread, filters.status === "ARCHIVED").reply;
  const waiting = reply === "needed" || reply === "maybe";
  // false is exactly the rest: a thread with no messages is neither waiting nor answered.
  if (filters.needsReply === false) return thread.last_message !== null && !waiting;
  if (waiting) return true;
  if (reply === "closing") return "closing";
  return isArchived(thread.status) && needsReply(thread, true, signalsOf) ? "archived" : false;
}

export function matchesFilters(thread: Conversation, filters: ThreadFilters): boolean {
  return filterThread(thread, filters) === true;
}

/**
 * Threads whose guest is waiting first, the longest wait first: from the oldest unanswered guest
 * message where the signals know it (a whole history), otherwise from the last message's time (all
 * the list knows: the wait is at least that long); then the others, newest first. A missing or
 * unreadable time ranks as the oldest, so a waiting thread of unknown age comes first.
 */
export function waitingOrder(
  archivedToo: boolean,
  signalsOf: SignalsOf = listSignals,
): (a: Conversation, b: Conversation) => number {
  const at = (thread: Conversation, waiting: boolean) => {
    const since = waiting ? signalsOf(thread, archivedToo).waiting_since : null;
    const ms = since === null ? lastActivityAt(thread) : parseApiTime(since);
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return (a, b) => {
    const waiting = needsReply(a, archivedToo, signalsOf);
    if (waiting !== needsReply(b, archivedToo, signalsOf)) return waiting ? -1 : 1;
    const [older, newer] = [at(a, waiting), at(b, waiting)];
    if (older === newer) return 0;
    return (waiting ? older < newer : older > newer) ? -1 : 1;
  };
}

/**
 * The filters in words, for the result's header. `wholeHistory`: needs-reply was judged from each
 * thread's whole history, where an automatic message last hides nothing.
 */
export function describeFilters(filters: ThreadFilters, wholeHistory = false): string[] {
  const words: string[] = [];
  if (filters.channel)
    words.push(
      `channel ${filters.channel} (filtered by this server: Hostel Mate takes only ${CHANNELS.join(", ")})`,
    );
  if (filters.status) words.push(filters.status);
  if (filters.unreadOnly) words.push("unread");
  if (filters.needsReply === true)
    words.push(wholeHistory ? "needing a reply" : "needing a reply (or with an automatic message last)");
  if (filters.needsReply === false) words.push("not waiting for a reply");
  if (filters.range) words.push(`last activity ${filters.range.label}`);
  return words;
}

/** Whether Hostel Mate's channel parameter takes this channel (upper case); another is filtered here. */
export function isApiChannel(channel: string): boolean {
  return (CHANNELS as readonly string[]).includes(channel);
}

/** The channel to send to Hostel Mate: the filter's when the API takes it, otherwise none. */
export function apiChannel(channel: string | undefined): string | undefined {
  return channel !== undefined && isApiChannel(channel) ? channel : undefined;
}

/** The filter arguments of list_conversations and search_conversations, as the tools receive them. */
export interface FilterArguments {
  channel?: string | undefined;
  status?: string | undefined;
  unread_only?: boolean | undefined;
  needs_reply?: boolean | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export async function readFilters(
  args: FilterArguments,
  now: Date,
  timeZone: string,
): Promise<ThreadFilters> {
  return {
    channel: args.channel === undefined || isApiChannel(args.channel) ? undefined : args.channel,
    status: args.status,
    unreadOnly: args.unread_only,
    needsReply: args.needs_reply,
    range: await resolveDateRange({ since: args.since, until: args.until }, now, timeZone),
  };
}
