// The machine-readable twin of the text: the parsed API objects, trimmed to the fields we publish,
// with guest-written strings cleaned the same way as in the text.
import type { Conversation, Message, ThreadInfo } from "../api/schemas.js";
import { cleanGuestText } from "./guest-text.js";
import { previewSignals } from "./signals.js";

function clean(value: string | null): string | null {
  return value === null ? null : cleanGuestText(value);
}

export function toThreadSummary(thread: Conversation) {
  const last = thread.last_message;
  return {
    id: thread.id,
    booking_id: thread.booking_id,
    channel: thread.channel,
    guest_name: clean(thread.guest_name),
    subject: clean(thread.subject),
    status: thread.status,
    unread_count: thread.unread_count,
    is_read: thread.is_read,
    created_at: thread.created_at,
    ...previewSignals(last),
    last_message: last
      ? {
          direction: last.direction,
          source: last.source,
          created_at: last.created_at,
          content: clean(last.content),
        }
      : null,
  };
}

/** `maxChars` keeps the structured twin as small as the text, which clips long messages too. */
export function toMessageRecord(message: Message, maxChars = Number.POSITIVE_INFINITY) {
  const content = clean(message.content);
  return {
    id: message.id,
    direction: message.direction,
    source: message.source,
    sender: clean(message.sender),
    is_read: message.is_read,
    created_at: message.created_at,
    content: content !== null && content.length > maxChars ? `${content.slice(0, maxChars)}…` : content,
  };
}

export function toThreadRecord(thread: ThreadInfo | null, threadId: string) {
  return {
    id: thread?.id ?? threadId,
    booking_id: thread?.booking_id ?? null,
    channel: thread?.channel ?? null,
    guest_name: clean(thread?.guest_name ?? null),
    subject: clean(thread?.subject ?? null),
  };
}
