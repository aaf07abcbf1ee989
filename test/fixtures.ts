// Small builders of API objects for the pure formatter tests.
import type { ThreadWindow } from "../src/api/read-thread.js";
import type { Conversation, Message, MessagePreview } from "../src/api/schemas.js";

export const THREAD_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
/** The clock of the formatter tests: three hours after the guest's message below. */
export const NOW = new Date("2025-11-03T02:41:07Z");

export const lastMessage: MessagePreview = {
  id: null,
  content: "Hi, can I check in after midnight?",
  direction: "INBOUND",
  source: null,
  sender: null,
  created_at: "2025-11-02T23:41:07Z",
};

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: THREAD_ID,
    booking_id: "e7b7f6bb-6c0c-4e2c-9b3e-9c6f2a1c0a77",
    channel: "BOOKING_COM",
    guest_name: "John Smith",
    subject: null,
    is_read: false,
    unread_count: 2,
    status: "OPEN",
    last_message: lastMessage,
    created_at: "2025-10-28T09:12:44Z",
    ...overrides,
  };
}

export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: "0b6f7a52-3f0e-4c59-a1f4-6a8e3d2c9b10",
    content: "Hi, can I check in after midnight?",
    direction: "INBOUND",
    source: "GUEST",
    sender: "guest",
    is_read: true,
    created_at: "2025-11-02T23:41:07Z",
    ...overrides,
  };
}

export const staffReply = { direction: "OUTBOUND", source: "MANUAL", sender: "property" } as const;

export function window(messages: Message[], overrides: Partial<ThreadWindow> = {}): ThreadWindow {
  return {
    thread: {
      id: THREAD_ID,
      booking_id: "bk",
      channel: "AIRBNB",
      guest_name: "Ana",
      subject: null,
      status: null,
    },
    messages,
    offset: 0,
    total: messages.length,
    reachedNewest: true,
    // Unless a test says otherwise, the window is the thread's end, as when the newest were asked for.
    latest: overrides.reachedNewest === false ? null : { messages, offset: overrides.offset ?? 0 },
    sameBooking: [],
    ...overrides,
  };
}

/** A structured twin whose JSON is `chars` characters long: the size cap measures nothing else of it. */
export function twinOfSize(chars: number): string {
  return "x".repeat(Math.max(0, chars - 2));
}
