// Who is waiting, judged from a thread's whole history, for answers from the mirror: the rule
// get_messages applies to a thread it reads whole (replySignals: every guest message after the last
// staff answer, and a closing only when each of them is one), with the thread's status as the list
// gives it. A thread whose history is not at hand is judged by its list row (filters.ts
// listSignals), as a live answer is.
import type { Conversation, Message } from "../api/schemas.js";
import { type ReplySignals, replySignals, speakerOf } from "./signals.js";

/** The thread's signals from its messages, oldest first; `archivedToo` judges an archived thread as open. */
export function historySignals(
  thread: Conversation,
  messages: readonly Message[],
  archivedToo = false,
): ReplySignals {
  return replySignals(messages, {
    status: archivedToo ? null : thread.status,
    unread_count: thread.unread_count,
  });
}

/**
 * Whether a thread's whole history can say more than its list row: a staff answer last settles it
 * (nobody waits, whatever came before), and so does no message at all, so only the other threads
 * need their messages read.
 */
export function historyMatters(thread: Conversation): boolean {
  const last = thread.last_message;
  return last !== null && speakerOf(last) !== "staff";
}
