// One thread as a compact line: `|` between fields, nothing said that the model can assume (an OPEN
// status, zero unread, a missing subject). format/thread-list.ts puts a page of them together.
import type { Conversation } from "../api/schemas.js";
import { NAME_CHARS, PREVIEW_CHARS, STAFF_PREVIEW_CHARS, SUBJECT_CHARS } from "../limits.js";
import { apiField, fieldOf, oneLine, oneLineOpening, quotedOf } from "../text/guest-text.js";
import { clip } from "../text/text.js";
import { relativeTime, shortTime } from "../time/time.js";
import { previewSignals, type ReplySignals, type Speaker, speakerOf } from "../triage/signals.js";

const SPEAKER_LABEL: Record<Speaker, string> = { guest: "guest", staff: "staff", automated: "auto" };

/**
 * Who wrote last, said as what it asks of staff: NEEDS REPLY only when a reply is needed. A guest
 * who only said thanks, or wrote last on an archived thread, is shown as such.
 */
export function speakerLabel(signals: ReplySignals): string {
  if (signals.reply === "closing") return `closing (${signals.closing ?? "ok"}) — probably no reply`;
  if (signals.reply === "needed") return "NEEDS REPLY";
  return signals.last_from ? SPEAKER_LABEL[signals.last_from] : "unknown";
}

/** A last message's opening words, as the thread line quotes them (and the structured twin carries them). */
export function previewText(content: string | null, lastFrom: Speaker | null): string {
  const max = lastFrom === "guest" ? PREVIEW_CHARS : STAFF_PREVIEW_CHARS;
  return clip(oneLineOpening(content ?? "", max), max);
}

/** A thread's guest-written fields, cleaned onto one line, before each view clips and quotes them. */
export interface CleanedTexts {
  guestName: string | null;
  subject: string | null;
  /** The last message's preview (previewText); null when it has no content. */
  preview: string | null;
}

// A thread's line and its structured twin show the same cleaned texts: cleaning is most of what a
// line costs, so it is done once per parsed thread, and forgotten with it.
const cleanedTexts = new WeakMap<Conversation, CleanedTexts>();

export function cleanedTextsOf(thread: Conversation): CleanedTexts {
  let texts = cleanedTexts.get(thread);
  if (!texts) {
    const last = thread.last_message;
    // A name or subject of nothing but invisible characters is no name: shown as missing, not as "".
    texts = {
      guestName: thread.guest_name === null ? null : oneLine(thread.guest_name) || null,
      subject: thread.subject === null ? null : oneLine(thread.subject) || null,
      preview: last === null || last.content === null ? null : previewText(last.content, speakerOf(last)),
    };
    cleanedTexts.set(thread, texts);
  }
  return texts;
}

/**
 * For each thread, the other threads of the page that share its booking (the guest wrote by email
 * and on Booking.com about one stay): the model sees it without opening either.
 */
export function sameBookingOnPage(threads: readonly Conversation[]): Map<Conversation, Conversation[]> {
  const byBooking = new Map<string, Conversation[]>();
  for (const thread of threads) {
    if (!thread.booking_id) continue;
    const group = byBooking.get(thread.booking_id);
    if (group) group.push(thread);
    else byBooking.set(thread.booking_id, [thread]);
  }
  const others = new Map<Conversation, Conversation[]>();
  for (const group of byBooking.values()) {
    if (group.length < 2) continue;
    for (const thread of group)
      others.set(
        thread,
        group.filter((other) => other !== thread),
      );
  }
  return others;
}

function sameBookingTag(others: readonly Conversation[]): string {
  // Whole here: the text prints every thread id short, this one as short as the line's own.
  const ids = others.slice(0, 3).map((other) => apiField(other.id));
  return `same booking as ${ids.join(", ")}${others.length > 3 ? ` and ${others.length - 3} more` : ""}`;
}

export function formatThreadLine(
  thread: Conversation,
  now: Date,
  knownYear?: number,
  sameBooking: readonly Conversation[] = [],
  timeZone = "UTC",
  quotedBelow = false,
  /** Who is waiting, when known better than the last message tells (a whole history in the mirror). */
  signals?: ReplySignals,
): string {
  const texts = cleanedTextsOf(thread);
  const parts = [
    apiField(thread.id),
    texts.guestName ? clip(fieldOf(texts.guestName), NAME_CHARS) : "unknown guest",
  ];
  parts.push(thread.channel ? apiField(thread.channel) : "unknown channel");
  if (thread.unread_count) parts.push(`${thread.unread_count} unread`);
  else if (thread.unread_count === null && thread.is_read === false) parts.push("unread");
  if (thread.status && thread.status !== "OPEN") parts.push(apiField(thread.status));
  if (sameBooking.length > 0) parts.push(sameBookingTag(sameBooking));
  if (texts.subject) parts.push(`subj ${quotedOf(texts.subject, SUBJECT_CHARS)}`);
  const last = thread.last_message;
  if (!last) {
    parts.push("no messages yet");
    return parts.join("|");
  }
  const said = signals ?? previewSignals(last, thread);
  const who = said.last_from ? speakerLabel(said) : apiField(last.direction ?? "unknown").toLowerCase();
  const age = relativeTime(last.created_at, now);
  const when = `${shortTime(last.created_at, timeZone, knownYear)}${age ? ` (${age})` : ""}`;
  parts.push(quotedBelow ? `${who} ${when}` : `${who} ${when} ${quotedOf(texts.preview ?? "")}`);
  return parts.join("|");
}
