// Who is waiting on whom. Derived only from messages the server already has: the API has no
// "needs reply" field. Automatic outbound messages (auto-replies, verification requests, check-in
// links) are not answers: a guest who got only an auto-reply is still waiting. An archived thread
// waits for nobody, and a guest whose last words only close the conversation ("Thanks!") probably
// waits for nothing (closing.ts decides that, conservatively).
import type { Message, MessagePreview } from "../api/schemas.js";
import { type ClosingKind, closingOf } from "./closing.js";

export type Speaker = "guest" | "staff" | "automated";

/**
 * needed: the guest wrote after the last staff answer, on an open thread, and more than a closing;
 * maybe: an automatic message came last and may hide an unanswered guest message; closing: the
 * guest's unanswered words only close the conversation; none: nobody is waiting (staff answered
 * last, no messages, or the thread is archived).
 */
export type ReplyState = "needed" | "maybe" | "closing" | "none";

export interface ReplySignals {
  /** True when a reply is needed (reply "needed"); null when the data cannot tell (reply "maybe"). */
  needs_reply: boolean | null;
  /** The oldest guest message not yet answered, when known. */
  waiting_since: string | null;
  /** Who wrote the newest message. */
  last_from: Speaker | null;
  reply: ReplyState;
  /** What the guest's closing said, when reply is "closing". */
  closing?: ClosingKind;
}

/** What a thread says about itself besides its messages. */
export interface ThreadState {
  status?: string | null | undefined;
  /** Unread guest messages, when known: more than one unread may hide a question before a "thanks". */
  unread_count?: number | null | undefined;
}

const AUTOMATIC_SOURCES = new Set(["AUTOMATED", "VERIFICATION", "CHECK_IN"]);

export function speakerOf(message: Pick<MessagePreview, "direction" | "source">): Speaker | null {
  if (message.direction === "INBOUND") return "guest";
  if (message.direction === "OUTBOUND")
    return AUTOMATIC_SOURCES.has(message.source ?? "") ? "automated" : "staff";
  return null;
}

export function isArchived(status: string | null | undefined): boolean {
  return status === "ARCHIVED";
}

/** The signals once the thread's status and the guest's closing words are taken into account. */
function settle(
  base: { waiting: boolean | null; waiting_since: string | null; last_from: Speaker | null },
  closing: ClosingKind | null,
  thread: ThreadState,
): ReplySignals {
  const signals = { waiting_since: base.waiting_since, last_from: base.last_from };
  if (base.waiting === true && closing) return { ...signals, needs_reply: false, reply: "closing", closing };
  if (isArchived(thread.status) || base.waiting === false)
    return { ...signals, needs_reply: false, reply: "none" };
  if (base.waiting === null) return { ...signals, needs_reply: null, reply: "maybe" };
  return { ...signals, needs_reply: true, reply: "needed" };
}

/**
 * Signals from a run of messages, oldest first. When the run does not start at the thread's first
 * message and holds no staff answer, `waiting_since` is only the earliest unanswered one it holds.
 * The guest's words are a closing only when every unanswered guest message is one: "Can I check in
 * early?" then "Thanks!" still waits for an answer.
 */
export function replySignals(messages: readonly Message[], thread: ThreadState = {}): ReplySignals {
  const last = messages.at(-1);
  if (!last) return { needs_reply: false, waiting_since: null, last_from: null, reply: "none" };
  let lastAnswer = -1;
  messages.forEach((message, index) => {
    if (speakerOf(message) === "staff") lastAnswer = index;
  });
  const unanswered = messages.slice(lastAnswer + 1).filter((message) => speakerOf(message) === "guest");
  const closings = unanswered.map((message) => closingOf(message.content));
  const closing = closings.every((kind) => kind !== null) ? (closings.at(-1) ?? null) : null;
  return settle(
    {
      waiting: unanswered.length > 0,
      waiting_since: unanswered[0]?.created_at ?? null,
      last_from: speakerOf(last),
    },
    closing,
    thread,
  );
}

// A list row's last message is judged by the line, its structured twin, the filters and the sort:
// once per parsed message is enough.
const previewClosings = new WeakMap<MessagePreview, ClosingKind | null>();

function previewClosing(last: MessagePreview): ClosingKind | null {
  let kind = previewClosings.get(last);
  if (kind === undefined) {
    kind = closingOf(last.content);
    previewClosings.set(last, kind);
  }
  return kind;
}

/**
 * What a thread list row can tell from its last message alone. A closing last with more than one
 * unread guest message is not trusted: the unread one before it may be a question.
 */
export function previewSignals(last: MessagePreview | null, thread: ThreadState = {}): ReplySignals {
  if (!last) return { needs_reply: false, waiting_since: null, last_from: null, reply: "none" };
  const from = speakerOf(last);
  const closing = from === "guest" && (thread.unread_count ?? 0) <= 1 ? previewClosing(last) : null;
  return settle(
    // An auto-reply last may hide an unanswered guest message before it.
    {
      waiting: from === "guest" ? true : from === "staff" ? false : null,
      waiting_since: null,
      last_from: from,
    },
    closing,
    thread,
  );
}
