// Turns the hand-written seed into API-shaped records: stable UUIDs from the slugs, ISO times from
// minutes before an anchor, and the derived fields (unread counts, last message) the API reports.
import { createHash } from "node:crypto";
import type { SeedThread } from "./seed-types.js";

export const PROPERTY_EMAIL = "reception@casaazulhostel.pt";

export interface SandboxMessage {
  id: string;
  content: string;
  direction: string;
  source: string;
  sender: string;
  is_read: boolean;
  created_at: string;
}

export interface SandboxThread {
  id: string;
  booking_id: string;
  channel: string;
  guest_name: string | null;
  subject: string | null;
  status: string;
  created_at: string;
  messages: SandboxMessage[];
}

/** A name-based UUID (version 5 layout over SHA-1), so the same slug always gives the same id. */
export function stableUuid(namespace: string, name: string): string {
  const hex = createHash("sha1").update(`${namespace}:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isoAt(anchor: Date, minutesAgo: number): string {
  return new Date(anchor.getTime() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function buildDataset(seed: readonly SeedThread[], anchor: Date): SandboxThread[] {
  return seed.map((thread) => ({
    id: stableUuid("thread", thread.key),
    booking_id: stableUuid("booking", thread.bookingKey),
    channel: thread.channel,
    guest_name: thread.guestName,
    subject: thread.subject,
    status: thread.status,
    created_at: isoAt(anchor, thread.createdMinutesAgo),
    messages: thread.messages.map((message, index) => {
      const inbound = message.direction === "INBOUND";
      const defaultSender =
        thread.channel === "EMAIL"
          ? inbound
            ? (thread.guestEmail ?? "guest@example.com")
            : PROPERTY_EMAIL
          : inbound
            ? "guest"
            : "property";
      return {
        id: stableUuid("message", `${thread.key}#${index}`),
        content: message.content,
        direction: message.direction,
        source: message.source,
        sender: message.sender ?? defaultSender,
        is_read: message.read ?? true,
        created_at: isoAt(anchor, message.minutesAgo),
      };
    }),
  }));
}

export function lastActivity(thread: SandboxThread): string {
  return thread.messages.at(-1)?.created_at ?? thread.created_at;
}

export function unreadCount(thread: SandboxThread): number {
  return thread.messages.filter((message) => !message.is_read).length;
}
