// Output schemas of the tools, published to clients that read structuredContent.
import { z } from "zod";

const text = z.string().nullable();

export const PageInfoShape = {
  total: z.number().int().nullable().describe("How many there are in all, when the API says."),
  offset: z.number().int(),
  limit: z.number().int(),
  has_more: z.boolean(),
  next_offset: z.number().int().nullable().describe("The offset for the next page, or null."),
};

export const ThreadSummary = z.object({
  id: z.string(),
  booking_id: text,
  channel: text,
  guest_name: text,
  subject: text,
  status: text,
  unread_count: z.number().int().nullable(),
  is_read: z.boolean().nullable(),
  created_at: text,
  last_message: z.object({ direction: text, source: text, created_at: text, content: text }).nullable(),
});

export const ThreadListShape = {
  ...PageInfoShape,
  threads: z.array(ThreadSummary),
};

export const MessageRecord = z.object({
  id: text,
  direction: text,
  source: text,
  sender: text,
  is_read: z.boolean().nullable(),
  created_at: text,
  content: text,
});

export const TranscriptShape = {
  thread: z.object({ id: z.string(), booking_id: text, channel: text, guest_name: text, subject: text }),
  ...PageInfoShape,
  messages: z.array(MessageRecord),
};
