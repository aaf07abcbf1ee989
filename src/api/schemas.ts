// Zod schemas of the Hostel Mate API payloads. They are deliberately forgiving: unknown fields are
// dropped, optional fields that are missing, null or of the wrong type become null, and enum-like
// strings (channel, status, direction, source) are kept as they come. Only what we cannot work
// without (ids, the results array) is required.
import { z } from "zod";

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
  id: text,
  content: text,
  direction: text,
  source: text,
  sender: text,
  created_at: text,
});
export type MessagePreview = z.infer<typeof MessagePreview>;

export const Conversation = z.object({
  id: z.string().min(1),
  booking_id: text,
  channel: text,
  guest_name: text,
  subject: text,
  is_read: flag,
  unread_count: count,
  status: text,
  last_message: lenient(MessagePreview),
  created_at: text,
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
  id: text,
  booking_id: text,
  channel: text,
  guest_name: text,
  subject: text,
  status: text,
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
  error: text,
  code: text,
});
