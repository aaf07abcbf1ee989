// Zod schemas of the Hostel Mate API payloads. They are deliberately forgiving: unknown fields are
// dropped, optional fields that are missing, null or of the wrong type become null, and enum-like
// strings (channel, status, direction, source) are kept as they come, cleaned. Only what we cannot
// work without (ids, the results array) is required.
import { z } from "zod";
import { generatedValue, guestLine } from "../text/guest-text.js";

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

// Every string the API sends is untrusted, whoever wrote it: each is cleaned here, once, so that no
// view can forget to. What the API generates keeps one line of plain characters, clipped
// (generatedValue); the one-line fields guests write are cleaned and clipped past what views show
// (guestLine); message text is kept whole (full_text shows it) and cleaned where it is shown. One
// transform per object rather than one per field, for the reason `lenient` gives.
// Well past NAME_CHARS and SUBJECT_CHARS, so completion still matches on the whole of a real name.
const NAME_MAX = 200;
const SUBJECT_MAX = 300;
const SENDER_MAX = 200;

type Strings<T> = { [K in keyof T]: T[K] extends string | null ? K : never }[keyof T];

/** Cleans, in place, the named fields of a freshly parsed object. */
function cleaning<T extends object>(
  generated: readonly Strings<T>[],
  guest: ReadonlyArray<[Strings<T>, number]>,
) {
  return <U extends T>(value: U): U => {
    const fields = value as Record<Strings<T>, string | null>;
    for (const key of generated) {
      const raw = fields[key];
      if (raw !== null) fields[key] = generatedValue(raw);
    }
    for (const [key, max] of guest) {
      const raw = fields[key];
      if (raw !== null) fields[key] = guestLine(raw, max);
    }
    return value;
  };
}

export const Pagination = z.object({
  total: count,
  limit: count,
  offset: count,
  has_more: flag,
});
export type Pagination = z.infer<typeof Pagination>;

const messageShape = {
  id: text,
  content: text,
  direction: text,
  source: text,
  sender: text,
  created_at: text,
};
type MessageFields = z.infer<z.ZodObject<typeof messageShape>>;
const cleanMessage = cleaning<MessageFields>(
  ["id", "direction", "source", "created_at"],
  [["sender", SENDER_MAX]],
);

export const MessagePreview = z.object(messageShape).transform(cleanMessage);
export type MessagePreview = z.infer<typeof MessagePreview>;

export const Conversation = z
  .object({
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
  })
  .transform(
    cleaning(
      ["id", "booking_id", "channel", "status", "created_at"],
      [
        ["guest_name", NAME_MAX],
        ["subject", SUBJECT_MAX],
      ],
    ),
  )
  // An id that is not a UUID is kept, cleaned; one with nothing left is no thread to read.
  .refine((thread) => thread.id !== "", { error: "id is empty once cleaned" });
export type Conversation = z.infer<typeof Conversation>;

export const ConversationPage = z.object({
  pagination: lenient(Pagination),
  results: z.array(Conversation),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

export const Message = z.object({ ...messageShape, is_read: flag }).transform(cleanMessage);
export type Message = z.infer<typeof Message>;

export const ThreadInfo = z
  .object({
    id: text,
    booking_id: text,
    channel: text,
    guest_name: text,
    subject: text,
    status: text,
  })
  .transform(
    cleaning(
      ["id", "booking_id", "channel", "status"],
      [
        ["guest_name", NAME_MAX],
        ["subject", SUBJECT_MAX],
      ],
    ),
  );
export type ThreadInfo = z.infer<typeof ThreadInfo>;

export const MessagePage = z.object({
  thread: lenient(ThreadInfo),
  pagination: lenient(Pagination),
  results: z.array(Message),
});
export type MessagePage = z.infer<typeof MessagePage>;

/** The error body's shape is not published: accept `error` or `code` for the code. */
export const ErrorBody = z
  .object({
    error: text,
    code: text,
  })
  .transform(cleaning(["error", "code"], []));
