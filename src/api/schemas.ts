// Zod schemas of the Hostel Mate API payloads. They are deliberately forgiving: unknown fields are
// dropped, optional fields that are missing, null or of the wrong type become null, and enum-like
// strings (channel, status, direction, source) are kept as they come, cleaned. Only what we cannot
// work without (ids, the results array) is required.
import { z } from "zod";
import { generatedValue, guestLine } from "../format/guest-text.js";

export const CHANNELS = ["EMAIL", "BOOKING_COM", "AIRBNB", "HOSTELWORLD", "WHATSAPP"] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

// Missing, null or of the wrong type: each becomes null, with no pipe or transform for every field of
// every thread (a parse costs a third less than with them). A missing field is common (list previews
// carry no sender), so `default` answers it before `catch` would: catching builds a ZodError with its
// message only to throw it away, which made a page's parse half as slow again.
function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null).catch(null);
}

const text = lenient(z.string());
// Every string the API sends is untrusted, whoever wrote it: each is cleaned here, once, so that no
// view can forget to. What the API generates keeps one line of plain characters, clipped
// (generatedValue); the one-line fields guests write are cleaned and clipped past what views show
// (guestLine); message text is kept whole (full_text shows it) and cleaned where it is shown.
const generated = lenient(z.string().transform((value) => generatedValue(value)));
const guestField = (max: number) => lenient(z.string().transform((value) => guestLine(value, max)));
// Well past NAME_CHARS and SUBJECT_CHARS, so completion still matches on the whole of a real name.
const NAME_MAX = 200;
const SUBJECT_MAX = 300;
const SENDER_MAX = 200;
/** A thread's id, needed to read it: cleaned like any generated value, and refused when nothing is left. */
const threadId = z
  .string()
  .transform((value) => generatedValue(value))
  .pipe(z.string().min(1));
const count = lenient(z.number().int().nonnegative());
const flag = lenient(z.boolean());

export const Pagination = z.object({
  total: count,
  limit: count,
  offset: count,
  has_more: flag,
});
export type Pagination = z.infer<typeof Pagination>;

export const MessagePreview = z.object({
  id: generated,
  content: text,
  direction: generated,
  source: generated,
  sender: guestField(SENDER_MAX),
  created_at: generated,
});
export type MessagePreview = z.infer<typeof MessagePreview>;

export const Conversation = z.object({
  id: threadId,
  booking_id: generated,
  channel: generated,
  guest_name: guestField(NAME_MAX),
  subject: guestField(SUBJECT_MAX),
  is_read: flag,
  unread_count: count,
  status: generated,
  last_message: lenient(MessagePreview),
  created_at: generated,
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationPage = z.object({
  pagination: lenient(Pagination),
  results: z.array(Conversation),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

export const Message = MessagePreview.extend({ is_read: flag });
export type Message = z.infer<typeof Message>;

export const ThreadInfo = z.object({
  id: generated,
  booking_id: generated,
  channel: generated,
  guest_name: guestField(NAME_MAX),
  subject: guestField(SUBJECT_MAX),
  status: generated,
});
export type ThreadInfo = z.infer<typeof ThreadInfo>;

export const MessagePage = z.object({
  thread: lenient(ThreadInfo),
  pagination: lenient(Pagination),
  results: z.array(Message),
});
export type MessagePage = z.infer<typeof MessagePage>;

/** The error body's shape is not published: accept `error` or `code` for the code. */
export const ErrorBody = z.object({
  error: generated,
  code: generated,
});
