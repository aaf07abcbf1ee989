// Switches that make the sandbox misbehave the way the real API can, for tests and the bench; they
// live under test/ so that the demo a manager installs is only the honest fake (src/sandbox/).

export interface ScriptedFailure {
  status: number;
  /** How many requests in a row get this failure. Infinity: every request. */
  times: number;
  /** The Retry-After header to send, if any (seconds or an HTTP date). */
  retryAfter?: string;
  /** The snake_case error code in the body. */
  error?: string;
  /** Only requests to this endpoint fail; both when omitted. */
  endpoint?: "conversations" | "messages";
}

export interface Faults {
  /** The list endpoint answers 404: the Conversations/Messaging feature is off for the property. */
  featureDisabled: boolean;
  /** Served in order before any normal answer. */
  failures: ScriptedFailure[];
  /** Every answer waits this long. */
  delayMs: number;
  /** Requests get no answer at all until the client gives up. */
  hang: boolean;
  /** 200 answers whose body is not JSON. */
  malformed: boolean;
  /** Answers that drift from the documented shape: extra fields, missing optionals, nulls, unknown enum values. */
  drift: boolean;
  /** The messages endpoint leaves out its `pagination` object (the docs do not promise one). */
  omitMessagesPagination: boolean;
  // Faults of what the answers carry (issue 10).
  /** Both endpoints send every result from the offset on, whatever `limit` asked for. */
  ignoreLimit: boolean;
  /** Every string the API sends ends in HOSTILE_TAIL: ids, times, channels and names included. */
  hostile: boolean;
  /**
   * 200 answers compressed with this encoding whatever the request accepted: a small body that
   * decodes to ~16 MB of valid JSON (a decompression bomb).
   */
  encodingBomb: "br" | "gzip" | undefined;
  /** A 200 answer whose body never ends (the sandbox stops at ENDLESS_BODY_STOP_BYTES, for safety). */
  endlessBody: boolean;
  /** How many answers send their headers and half the body, then drop the connection. */
  dropMidBody: number;
  /** Every answer's pagination says has_more is this, whatever is true. */
  hasMore: boolean | undefined;
}

/** Where an "endless" body stops after all, so that a client that reads it whole still ends. */
export const ENDLESS_BODY_STOP_BYTES = 128 * 1024 * 1024;
/** The decoded size of the encoding bomb's padding: twice the client's cap. */
export const BOMB_PADDING_BYTES = 16 * 1024 * 1024;

export function noFaults(): Faults {
  return {
    featureDisabled: false,
    failures: [],
    delayMs: 0,
    hang: false,
    malformed: false,
    drift: false,
    omitMessagesPagination: false,
    ignoreLimit: false,
    hostile: false,
    encodingBomb: undefined,
    endlessBody: false,
    dropMidBody: 0,
    hasMore: undefined,
  };
}

/** Takes the next scripted failure for this endpoint, if one is due. */
export function takeFailure(
  faults: Faults,
  endpoint: "conversations" | "messages",
): ScriptedFailure | undefined {
  const index = faults.failures.findIndex((failure) => !failure.endpoint || failure.endpoint === endpoint);
  const failure = faults.failures[index];
  if (!failure) return undefined;
  failure.times -= 1;
  if (failure.times <= 0) faults.failures.splice(index, 1);
  return failure;
}

type Json = Record<string, unknown>;

const DRIFT_CHANNELS = ["TELEGRAM", "VRBO"];

/** Reshapes a conversation the way an evolving API might, deterministically by position. */
export function driftConversation(conversation: Json, index: number): Json {
  const drifted: Json = { ...conversation, priority: index % 2 ? "HIGH" : null, tags: ["vip"] };
  if (index % 3 === 0) delete drifted.subject;
  if (index % 4 === 1) drifted.guest_name = null;
  if (index % 5 === 2) drifted.channel = DRIFT_CHANNELS[index % DRIFT_CHANNELS.length];
  if (index % 5 === 3) drifted.status = "SNOOZED";
  if (index % 6 === 4) delete drifted.unread_count;
  if (index % 7 === 5) drifted.is_read = "no";
  if (drifted.last_message && typeof drifted.last_message === "object") {
    drifted.last_message = {
      ...(drifted.last_message as Json),
      attachments: [],
      direction: index % 2 ? "INBOUND" : "SYSTEM",
    };
  }
  return drifted;
}

export function driftMessage(message: Json, index: number): Json {
  const drifted: Json = { ...message, attachments: [], translated_content: null };
  if (index % 3 === 0) drifted.source = "AI_ASSISTANT";
  if (index % 4 === 1) delete drifted.sender;
  if (index % 5 === 2) drifted.is_read = null;
  return drifted;
}

/**
 * What no value should carry to the model: a quote that would end a quoted value, a right-to-left
 * override, a line separator, a NUL, and 20,000 characters more than any view shows.
 */
export const HOSTILE_TAIL = `"\u202E\u2028\0${"x".repeat(20_000)}`;

/** The answer with HOSTILE_TAIL after every string in it, however deep. */
export function hostileJson(value: unknown): unknown {
  if (typeof value === "string") return value + HOSTILE_TAIL;
  if (Array.isArray(value)) return value.map(hostileJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, hostileJson(inner)]));
  }
  return value;
}
