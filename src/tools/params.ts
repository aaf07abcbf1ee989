// Input fields shared by the tools, each described once for the model.
import { z } from "zod";
import { CHANNELS } from "../api/schemas.js";

export const ThreadId = z
  .guid({
    error: "must be a conversation id like a1b2c3d4-e5f6-7890-abcd-ef1234567890 (from list_conversations)",
  })
  .describe("The conversation (thread) id, as shown first on each line of list_conversations.");

export const BookingId = z
  .guid({ error: "must be a booking id like e7b7f6bb-6c0c-4e2c-9b3e-9c6f2a1c0a77" })
  .describe("Only threads of this booking (the booking's UUID).");

export const ChannelFilter = z
  .enum(CHANNELS, { error: `must be one of ${CHANNELS.join(", ")}` })
  .describe("Only threads from this channel: EMAIL, BOOKING_COM, AIRBNB, HOSTELWORLD or WHATSAPP.");

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Text the model types: bounded, and without control characters that no person types. */
export function typedText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((value) => !CONTROL.test(value), { error: "must not contain control characters" });
}

export const SearchText = typedText(200);

export function limitParam(max: number, fallback: number, what: string) {
  return z
    .number()
    .int({ error: "must be a whole number" })
    .min(1, { error: `must be between 1 and ${max}` })
    .max(max, { error: `must be between 1 and ${max}` })
    .default(fallback)
    .describe(`How many ${what} to return, 1–${max} (default ${fallback}).`);
}

export function offsetParam(what: string) {
  return z
    .number()
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be 0 or more" })
    .default(0)
    .describe(
      `How many ${what} to skip, for paging (default 0). Use the offset given on the result's "more:" line.`,
    );
}

/** How a thread line reads; list_conversations and search_conversations both return them. */
export const THREAD_LINE_FORMAT =
  "one line per thread: thread id|guest|channel|unread count|status if not OPEN|email subject|last message — " +
  "NEEDS REPLY when the guest wrote last, staff, or auto for automatic messages — with its UTC time, age and opening words";

export const STATUSES = ["OPEN", "ARCHIVED"] as const;

/** Filters the API lacks, applied by this server to the threads it reads. */
export const FilterFields = {
  status: z
    .enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` })
    .optional()
    .describe("Only OPEN or only ARCHIVED threads."),
  unread_only: z.boolean().optional().describe("true: only threads with unread guest messages."),
  needs_reply: z
    .boolean()
    .optional()
    .describe("true: only threads where the guest wrote last (waiting for us); false: only the others."),
  since: typedText(100)
    .optional()
    .describe(
      'Only threads whose last message is at or after this: an ISO date or time (2026-11-18, 2026-11-18T09:00) or words like "yesterday", "3 days ago", "last week", "Monday" — in the property\'s time zone. "last week" is the previous calendar week, Monday to Sunday: since its Monday.',
    ),
  until: typedText(100)
    .optional()
    .describe(
      'Only threads whose last message is at or before this; same forms as since. A day means its end; "last week" ends on its Sunday.',
    ),
};

export const FILTERS_HELP =
  "status, unread_only, needs_reply, since and until are applied by this server: it reads up to 500 threads from " +
  "Hostel Mate to find them, and says so when that limit cut the search. Dates apply to a thread's last message " +
  "(its creation when it has none), in the property's time zone.";

/** The input object of a tool: unknown arguments are refused by name rather than ignored. */
export function strictInput(shape: z.ZodRawShape) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown argument${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")}: the arguments are ${known}`
        : undefined,
  });
}
