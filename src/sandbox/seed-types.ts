// The shape of the sandbox's hand-written sample data. Times are minutes before the sandbox's
// clock anchor so that tests can pin the data to a fixed date and --demo can make it feel current.

export type SeedDirection = "INBOUND" | "OUTBOUND";
export type SeedSource = "MANUAL" | "AUTOMATED" | "GUEST" | "VERIFICATION" | "CHECK_IN";

export interface SeedMessage {
  direction: SeedDirection;
  source: SeedSource;
  content: string;
  minutesAgo: number;
  /** Default: the guest's email on EMAIL threads, "guest" on OTA threads for INBOUND; the property's address or "property" for OUTBOUND. */
  sender?: string;
  /** Default true. Only INBOUND messages are ever unread. */
  read?: boolean;
}

export interface SeedThread {
  /** Stable slug; the thread's UUID is derived from it. Unique. */
  key: string;
  /** One of EMAIL, BOOKING_COM, AIRBNB, HOSTELWORLD, WHATSAPP. */
  channel: string;
  guestName: string | null;
  /** Email threads only; null on OTA and WhatsApp threads. */
  subject: string | null;
  status: "OPEN" | "ARCHIVED";
  /** Stable slug; the booking UUID is derived from it. Threads may share a booking. */
  bookingKey: string;
  /** Email address of the guest, used as sender on EMAIL threads. */
  guestEmail?: string;
  createdMinutesAgo: number;
  /** Oldest first. */
  messages: SeedMessage[];
}
