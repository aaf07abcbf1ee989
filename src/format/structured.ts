// The machine-readable twin of the text: the parsed API objects, trimmed to the fields we publish,
// with guest-written strings cleaned and clipped as the text shows them — the twin says no more than
// the text, and stays as small.
import type { Conversation, Message, ThreadInfo } from "../api/schemas.js";
import { HEADER_SUBJECT_CHARS, NAME_CHARS, SUBJECT_CHARS } from "../limits.js";
import { cleanGuestText, oneLine } from "../text/guest-text.js";
import { clip } from "../text/text.js";
import { previewSignals, type ReplySignals } from "../triage/signals.js";
import { cleanedTextsOf } from "./threads.js";

function clean(value: string | null): string | null {
  return value === null ? null : cleanGuestText(value);
}

/** One line of guest text clipped at `max`, as a thread line or transcript header shows it; null when nothing is left. */
function clipped(value: string | null, max: number): string | null {
  const line = value === null ? "" : oneLine(value);
  return line === "" ? null : clip(line, max);
}

/**
 * A thread list row's twin. Nothing in it says again what another of its fields says: reply gives
 * needs_reply, unread_count gives is_read, last_from reads the last message's direction and source,
 * and the last message's time is the thread's activity (its creation matters only without one).
 * Each is sent only when the field that would say it is missing.
 */
export function toThreadSummary(thread: Conversation) {
  return toThreadSummaryWith(thread, previewSignals(thread.last_message, thread));
}

/** The row's twin with who is waiting known better than its last message tells (a whole history). */
export function toThreadSummaryWith(thread: Conversation, known: ReplySignals) {
  const last = thread.last_message;
  const { needs_reply: _saidByReply, ...signals } = known;
  const texts = cleanedTextsOf(thread);
  const readByLastFrom = signals.last_from !== null;
  return {
    id: thread.id,
    booking_id: thread.booking_id,
    channel: thread.channel,
    guest_name: texts.guestName === null ? null : clip(texts.guestName, NAME_CHARS),
    subject: texts.subject === null ? null : clip(texts.subject, SUBJECT_CHARS),
    status: thread.status,
    unread_count: thread.unread_count,
    is_read: thread.unread_count === null ? thread.is_read : null,
    created_at: last?.created_at ? null : thread.created_at,
    ...signals,
    last_message: last
      ? {
          direction: readByLastFrom ? null : last.direction,
          source: readByLastFrom ? null : last.source,
          created_at: last.created_at,
          content: texts.preview,
        }
      : null,
  };
}

/** `content` is the message's text as the transcript shows it (cleaned, clipped where the text clips). */
export function toMessageRecord(message: Message, content: string | null) {
  return {
    id: message.id,
    direction: message.direction,
    source: message.source,
    sender: clean(message.sender),
    is_read: message.is_read,
    created_at: message.created_at,
    content,
  };
}

export function toThreadRecord(thread: ThreadInfo | null, threadId: string) {
  return {
    id: thread?.id ?? threadId,
    booking_id: thread?.booking_id ?? null,
    channel: thread?.channel ?? null,
    guest_name: clipped(thread?.guest_name ?? null, NAME_CHARS),
    subject: clipped(thread?.subject ?? null, HEADER_SUBJECT_CHARS),
  };
}

/**
 * The twin as sent: every null field left out, since the output schemas have optional fields rather
 * than nullable ones (a strict client warns on each type union).
 */
export function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return dropNulls(value) as Record<string, unknown>;
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, dropNulls(field)]),
  );
}
