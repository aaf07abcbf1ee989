// Output schemas of the tools, published to clients that read structuredContent. A field that may be
// unknown is optional, never nullable: a strict client (the Inspector's) warns on every type union,
// and structuredContent leaves such a field out rather than sending null.
import { z } from "zod";

const text = z.string().optional();

export const PageInfoShape = {
  total: z.number().int().optional().describe("How many there are in all, when the API says."),
  offset: z.number().int(),
  limit: z.number().int(),
  has_more: z.boolean(),
  next_offset: z.number().int().optional().describe("The offset for the next page; absent on the last page."),
};

const SignalsShape = {
  needs_reply: z
    .boolean()
    .optional()
    .describe(
      "True when a reply is needed: a guest message came after the last staff answer, on an open thread, and it is more than a closing; absent when the data cannot tell.",
    ),
  waiting_since: text.describe(
    "Time of the oldest guest message not yet answered, when known. In a transcript that starts after the thread's first message and shows no staff answer, the guest has waited at least since then.",
  ),
  last_from: z.enum(["guest", "staff", "automated"]).optional().describe("Who wrote the newest message."),
  reply: z
    .enum(["needed", "maybe", "closing", "none"])
    .optional()
    .describe(
      "needed: the guest is waiting for an answer; maybe: an automatic message came last and may hide an unanswered guest message; closing: the guest's last words only close the conversation (thanks, goodbye, ok), probably no reply; none: nobody is waiting (staff answered last, or the thread is archived).",
    ),
  closing: z
    .enum(["thanks", "goodbye", "ok"])
    .optional()
    .describe("What the guest's closing said, when reply is closing."),
};

// A row says nothing twice: each field below that another one gives is sent only when that one is missing.
const { needs_reply: _saidByReply, ...RowSignalsShape } = SignalsShape;

export const ThreadSummary = z.object({
  id: z.string(),
  booking_id: text,
  channel: text,
  guest_name: text,
  subject: text,
  status: text,
  unread_count: z.number().int().optional(),
  is_read: z
    .boolean()
    .optional()
    .describe("Whether the guest's messages are read; only when unread_count is absent."),
  created_at: text.describe(
    "When the thread began; only when it has no last message, whose time is its activity.",
  ),
  ...RowSignalsShape,
  last_message: z
    .object({
      direction: text.describe("INBOUND or OUTBOUND; only when last_from is absent."),
      source: text.describe(
        "Who sent it, as Hostel Mate says (GUEST, STAFF, AUTOMATED…); only when last_from is absent.",
      ),
      created_at: text,
      content: text,
    })
    .optional(),
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
  is_read: z.boolean().optional(),
  created_at: text,
  content: text,
});

export const TranscriptShape = {
  thread: z.object({
    id: z.string(),
    booking_id: text,
    channel: text,
    guest_name: text,
    subject: text,
    status: text.describe("OPEN or ARCHIVED, from the thread's listing; absent when it could not be read."),
    same_booking: z.array(z.string()).describe("Ids of other threads of the same booking."),
  }),
  ...SignalsShape,
  needs_reply: SignalsShape.needs_reply.describe(
    "True when a guest message came after the last staff answer, read from the thread's newest messages whatever page is shown; absent when they could not be read.",
  ),
  waiting_since: text.describe("Time of the oldest guest message not yet answered, when known."),
  waiting_since_at_least: z
    .boolean()
    .describe(
      "True when the newest messages read hold no staff answer: the guest has waited at least since waiting_since.",
    ),
  total: z.number().int().optional().describe("Messages in the thread, when the API says."),
  offset: z.number().int().describe("Position in the thread of the first message shown."),
  limit: z.number().int(),
  older_offset: z
    .number()
    .int()
    .optional()
    .describe("Offset to read the messages before these (with older_limit); absent when there are none."),
  older_limit: z
    .number()
    .int()
    .optional()
    .describe("Limit to read the messages before these: all that were left out, or the page size."),
  newer_offset: z
    .number()
    .int()
    .optional()
    .describe("Offset to read the messages after these (with limit); absent when there are none."),
  left_out: z.number().int().describe("Older messages of this page left out to keep the result small."),
  messages: z.array(MessageRecord),
};

export const SearchResultShape = {
  query: z.string().describe("The search as asked."),
  searched: z.array(z.string()).describe("The phrases and words sent to Hostel Mate."),
  ...PageInfoShape,
  total: z.number().int().optional().describe("Threads that matched and passed the filters."),
  threads: z.array(
    ThreadSummary.extend({
      matched: z.array(z.string()).describe("The phrases and words whose search found this thread."),
      snippets: z.array(
        MessageRecord.omit({ content: true }).extend({
          role: z.enum(["match", "context"]),
          excerpt: z.string().describe("The part of the message shown, matched words in **bold**."),
        }),
      ),
    }),
  ),
};
