// The limits several modules share, or that a reader looks for first, each with why it is what it
// is. A leaf: it imports nothing, so every layer may read it. Sentences for the model and the
// manager that state a limit are built from these, so they cannot drift apart.

/** No tool result grows past this, text and structured twin alike; clients truncate or refuse larger ones. */
export const MAX_RESULT_CHARS = 25_000;

/** Threads a filtered or sorted list reads in one call (five pages of the API), so a call ends. */
export const SCAN_BUDGET = 500;

/** Attempts one search makes, retries included: enough for a few words' pages and their quotes. */
export const SEARCH_REQUEST_BUDGET = 12;

/** A longer message is shown as its beginning and end unless full_text is asked for. */
export const MESSAGE_CLIP_CHARS = 2_000;

/** A thread line's preview of a guest's last message: enough for the gist; get_messages has the rest. */
export const PREVIEW_CHARS = 100;
/** Staff wrote last, so nobody waits on us: a shorter reminder of it is enough for triage. */
export const STAFF_PREVIEW_CHARS = 50;
/** A guest name on a line, in a header or a resource: long enough for any real name. */
export const NAME_CHARS = 60;
/** An email subject on a thread line. */
export const SUBJECT_CHARS = 50;
/** An email subject in a transcript's header, where the reply goes under it. */
export const HEADER_SUBJECT_CHARS = 120;

/** The most a decoded API answer may hold: the largest real page (100 threads) is well under 1 MB. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The longest stdin line read: far above any request this server takes (a tool call is a few hundred bytes). */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/** One attempt at one request (HOSTELMATE_TIMEOUT_MS). */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The most one tool call may take, retries and rate-limit waits included (HOSTELMATE_CALL_BUDGET_MS). */
export const DEFAULT_CALL_BUDGET_MS = 30_000;
/** Requests per minute to Hostel Mate, its own limit (HOSTELMATE_RATE_LIMIT). */
export const DEFAULT_RATE_LIMIT = 120;
/**
 * The same with --demo, unless set: the demo's fake API has no limit to respect, and at half of 120 a
 * minute the mirror's first sync of its 55 threads would take the first minute of someone trying it.
 */
export const DEMO_RATE_LIMIT = 1_200;
/** How long identical requests are answered from memory (HOSTELMATE_CACHE_TTL_MS). */
export const DEFAULT_CACHE_TTL_MS = 30_000;
/** The most seconds an answer from the mirror may lag behind Hostel Mate (HOSTELMATE_SYNC_INTERVAL_S). */
export const DEFAULT_SYNC_INTERVAL_S = 60;
