// Filters the API does not have, applied to the threads the server reads. Dates apply to a thread's
// last activity: its newest message, or its creation when it has none.
import type { Conversation } from "../api/schemas.js";
import { previewSignals } from "../format/signals.js";
import { parseApiTime } from "../format/time.js";
import { type DateRange, resolveDateRange } from "./dates.js";

export interface ThreadFilters {
  status?: string | undefined;
  unreadOnly?: boolean | undefined;
  needsReply?: boolean | undefined;
  range?: DateRange | undefined;
}

export function hasFilters(filters: ThreadFilters): boolean {
  return Boolean(filters.status || filters.unreadOnly || filters.needsReply !== undefined || filters.range);
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
 * Whether the guest is waiting, as far as the list can tell: when an automatic message came last (an
 * auto-reply, a check-in link), an earlier guest message may be unanswered, read or not, so such a
 * thread counts as waiting. Missing a waiting guest costs more than opening one thread too many.
 */
export function needsReply(thread: Conversation): boolean {
  return previewSignals(thread.last_message).needs_reply ?? true;
}

export function matchesFilters(thread: Conversation, filters: ThreadFilters): boolean {
  if (filters.status && thread.status !== filters.status) return false;
  if (filters.unreadOnly && !isUnread(thread)) return false;
  if (filters.needsReply === true && !needsReply(thread)) return false;
  // "Answered by staff last" needs a last message, from staff: a thread with none is neither.
  if (filters.needsReply === false && (thread.last_message === null || needsReply(thread))) return false;
  if (filters.range) {
    const at = lastActivityAt(thread);
    if (Number.isNaN(at)) return false;
    if (filters.range.from && at < filters.range.from.getTime()) return false;
    if (filters.range.to && at > filters.range.to.getTime()) return false;
  }
  return true;
}

/** The filters in words, for the result's header. */
export function describeFilters(filters: ThreadFilters): string[] {
  const words: string[] = [];
  if (filters.status) words.push(filters.status);
  if (filters.unreadOnly) words.push("unread");
  if (filters.needsReply === true) words.push("needing a reply (or with an automatic message last)");
  if (filters.needsReply === false) words.push("answered by staff last");
  if (filters.range) words.push(`last activity ${filters.range.label}`);
  return words;
}

/** The filter arguments of list_conversations and search_conversations, as the tools receive them. */
export interface FilterArguments {
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
    status: args.status,
    unreadOnly: args.unread_only,
    needsReply: args.needs_reply,
    range: await resolveDateRange({ since: args.since, until: args.until }, now, timeZone),
  };
}
