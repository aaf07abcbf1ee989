// Who is waiting on whom. Derived only from messages the server already has: the API has no
// "needs reply" field. Automatic outbound messages (auto-replies, verification requests, check-in
// links) are not answers: a guest who got only an auto-reply is still waiting.
import type { Message, MessagePreview } from "../api/schemas.js";

export type Speaker = "guest" | "staff" | "automated";

export interface ReplySignals {
  /** True when the guest spoke after the last answer from staff; null when the data cannot tell. */
  needs_reply: boolean | null;
  /** The oldest guest message not yet answered, when known. */
  waiting_since: string | null;
  /** Who wrote the newest message. */
  last_from: Speaker | null;
}

const AUTOMATIC_SOURCES = new Set(["AUTOMATED", "VERIFICATION", "CHECK_IN"]);

export function speakerOf(message: Pick<MessagePreview, "direction" | "source">): Speaker | null {
  if (message.direction === "INBOUND") return "guest";
  if (message.direction === "OUTBOUND")
    return AUTOMATIC_SOURCES.has(message.source ?? "") ? "automated" : "staff";
  return null;
}

/**
 * Signals from a run of messages, oldest first. When the run does not start at the thread's first
 * message and holds no staff answer, `waiting_since` is only the earliest unanswered one it holds.
 */
export function replySignals(messages: readonly Message[]): ReplySignals {
  const last = messages.at(-1);
  if (!last) return { needs_reply: false, waiting_since: null, last_from: null };
  let lastAnswer = -1;
  messages.forEach((message, index) => {
    if (speakerOf(message) === "staff") lastAnswer = index;
  });
  const unanswered = messages.slice(lastAnswer + 1).filter((message) => speakerOf(message) === "guest");
  return {
    needs_reply: unanswered.length > 0,
    waiting_since: unanswered[0]?.created_at ?? null,
    last_from: speakerOf(last),
  };
}

/** What a thread list row can tell from its last message alone. */
export function previewSignals(last: MessagePreview | null): ReplySignals {
  if (!last) return { needs_reply: false, waiting_since: null, last_from: null };
  const from = speakerOf(last);
  return {
    // An auto-reply last may hide an unanswered guest message before it.
    needs_reply: from === "guest" ? true : from === "staff" ? false : null,
    waiting_since: null,
    last_from: from,
  };
}
