// Input fields shared by the tools, each described once for the model. Every way a field can be
// wrong gets the same sentence: the field's name and what it accepts, so the model's next try can
// be right (zod's own "expected number, received string" says neither).
import { z } from "zod";
import { cleanId, isUuid } from "../api/ids.js";
import { CHANNELS } from "../api/schemas.js";
import { SCAN_BUDGET } from "../limits.js";
import { isIdPrefix, SHORT_ID_MIN } from "./thread-ids.js";

function kindOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "string") return "text";
  if (typeof input === "boolean") return "true/false";
  if (typeof input === "number") return "a number";
  return "an object";
}

interface Issue {
  code?: string;
  input?: unknown;
  expected?: string;
}

/** What was wrong with this value, when saying so helps: its type, its number, its length. */
function problem({ code, input, expected }: Issue): string {
  // zod reports 2.5 for an integer field as a wrong type; the number itself says more.
  if (code === "invalid_type" && !(typeof input === "number" && expected === "int")) {
    return `, not ${kindOf(input)}`;
  }
  if (typeof input === "number") return `, not ${input}`;
  if (typeof input === "string" && (code === "too_big" || code === "too_small")) {
    return input === "" ? "; it was empty" : `; it had ${input.length} characters`;
  }
  return "";
}

/** The `error` option for a field and each of its checks: the field's name and what it accepts. */
export function accepts(name: string, allowed: string) {
  return {
    error: (issue: Issue) =>
      issue.input === undefined
        ? `${name} is required: ${allowed}`
        : `${name} must be ${allowed}${problem(issue)}`,
  };
}

const EXAMPLE_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

/**
 * An id as a person or model may paste it: upper case, with spaces around it or in one pair of
 * braces ({…}, as Windows tools print GUIDs) is the same id. Published as plain text, so that a
 * client checking the schema does not refuse what the server accepts.
 */
function idParam(name: string, allowed: string) {
  const error = accepts(name, allowed);
  return z.string(error).transform(cleanId).pipe(z.guid(error));
}

const threadIdError = accepts(
  "thread_id",
  `a conversation id like ${EXAMPLE_ID}, or its first ${SHORT_ID_MIN} or more characters as the answers print it (like ${EXAMPLE_ID.slice(0, SHORT_ID_MIN)})`,
);

/**
 * A thread id whole, or as the text prints it: its first characters (src/call/thread-ids.ts), which
 * the server makes whole before the handler runs.
 */
export const ThreadId = z
  .string(threadIdError)
  .transform(cleanId)
  .pipe(z.string().refine((id) => isUuid(id) || isIdPrefix(id), threadIdError))
  .describe(
    "The conversation (thread) id, as shown first on each line of list_conversations (its first characters are enough), or the full id.",
  );

export const BookingId = idParam(
  "booking_id",
  "a booking id like e7b7f6bb-6c0c-4e2c-9b3e-9c6f2a1c0a77",
).describe("Only threads of this booking (the booking's UUID).");

/** A channel name: any case; an unknown one (VRBO, as a thread line may show it) is filtered by this server. */
const CHANNEL_NAME = /^[A-Z0-9_]{1,30}$/;

export const ChannelFilter = z
  .string(accepts("channel", `one of ${CHANNELS.join(", ")}, or another channel a thread line shows`))
  .transform((value) => value.trim().toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        CHANNEL_NAME,
        accepts("channel", `one of ${CHANNELS.join(", ")}, or another channel name of letters, digits and _`),
      ),
  )
  .describe(
    `Only threads from this channel, in any case: ${CHANNELS.join(", ")}. Another channel that a thread line shows (e.g. VRBO) works too: this server then filters the threads it reads.`,
  );

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Text the model types: bounded, and without control characters that no person types. */
export function typedText(name: string, max: number, what = `1–${max} characters of text`) {
  const error = accepts(name, `${what}, without control characters`);
  return z
    .string(error)
    .trim()
    .min(1, error)
    .max(max, error)
    .refine((value) => !CONTROL.test(value), error);
}

/** Words to look for, as the model types them. */
export function searchText(name: string) {
  return typedText(name, 200);
}

/** A whole number from `min` up to `max` (no upper bound when `max` is undefined). */
export function wholeNumber(name: string, min: number, max?: number) {
  const error = accepts(
    name,
    max === undefined ? `a whole number, ${min} or more` : `a whole number from ${min} to ${max}`,
  );
  const number = z.number(error).int(error).min(min, error);
  return max === undefined ? number : number.max(max, error);
}

export function flag(name: string) {
  return z.boolean(accepts(name, "true or false"));
}

export function limitParam(max: number, fallback: number, what: string) {
  return wholeNumber("limit", 1, max)
    .default(fallback)
    .describe(`How many ${what} to return, 1–${max} (default ${fallback}).`);
}

export function offsetParam(what: string) {
  return wholeNumber("offset", 0)
    .default(0)
    .describe(
      `How many ${what} to skip, for paging (default 0). Use the offset given on the result's "more:" line.`,
    );
}

/** How a thread line reads; list_conversations and search_conversations both return them. */
export const THREAD_LINE_FORMAT =
  "one line per thread: thread id|guest|channel|unread count|status if not OPEN|same booking as <id>…|email subject|" +
  "last message — NEEDS REPLY when the guest waits for an answer, closing when they only said thanks, bye or ok, " +
  "guest on an archived thread, staff, or auto for automatic messages — with its local time, age and opening words";

const DATE_WORDS =
  'a date (2026-11-18), a time (2026-11-18T09:00) or words like "yesterday", at most 100 characters';

export const STATUSES = ["OPEN", "ARCHIVED"] as const;

/** Filters the API lacks, applied by this server to the threads it reads. */
export const FilterFields = {
  // Published as text: the model may write the status as the text prints it or in lower case.
  status: z
    .string(accepts("status", `one of ${STATUSES.join(", ")}`))
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.enum(STATUSES, accepts("status", `one of ${STATUSES.join(", ")}`)))
    .optional()
    .describe("Only OPEN or only ARCHIVED threads (any case)."),
  unread_only: flag("unread_only").optional().describe("true: only threads with unread guest messages."),
  needs_reply: flag("needs_reply")
    .optional()
    .describe(
      "true: only threads where the guest wrote last and waits for an answer, or where an automatic message came last and an earlier guest message may be unanswered; it leaves out archived threads (unless status asks for them) and guests who only said thanks, goodbye or ok (list_conversations says how many it left out). false: the rest, nobody waiting: staff answered last, the guest only closed the conversation, or the thread is archived.",
    ),
  since: typedText("since", 100, DATE_WORDS)
    .optional()
    .describe(
      'Only threads whose last message is at or after this: an ISO date or time (2026-11-18, 2026-11-18T09:00) or words like "yesterday", "3 days ago", "last week", "Monday" — in the property\'s time zone. "last week" is the previous calendar week, Monday to Sunday: since its Monday.',
    ),
  until: typedText("until", 100, DATE_WORDS)
    .optional()
    .describe(
      'Only threads whose last message is at or before this; same forms as since. A day means its end; "last week" ends on its Sunday.',
    ),
};

export const THREAD_ORDERS = ["newest", "waiting"] as const;

export const ThreadOrderField = z
  .enum(THREAD_ORDERS, accepts("order", `one of ${THREAD_ORDERS.join(", ")}`))
  .default("newest")
  .describe(
    `newest (default): newest activity first, as Hostel Mate lists them. waiting: the threads whose guest is waiting for a reply first, the longest wait first, then the others newest first; it reads up to ${SCAN_BUDGET} threads to sort them (every thread once the inbox mirror holds them all), and offset counts in the sorted list.`,
  );

export const FILTERS_HELP =
  `status, unread_only, needs_reply, since and until are applied by this server: it reads up to ${SCAN_BUDGET} threads from ` +
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
