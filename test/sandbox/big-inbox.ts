// A large inbox for the mirror's tests and the bench: the seed's 55 hand-written threads among
// thousands generated from a number, over about two years, in the seed's six languages. Generated
// with a small seeded PRNG (never Math.random), so one seed always gives the same ids and texts.
import { seedThreads } from "../../src/sandbox/seed-threads.js";
import type { SeedMessage, SeedThread } from "../../src/sandbox/seed-types.js";
import {
  GUEST_THANKS,
  ITEMS,
  type Language,
  ORIGINS,
  STAFF,
  STAFF_HELLO,
  TOPICS,
  type Topic,
} from "./big-inbox-phrases.js";

export interface BigInboxOptions {
  /** The PRNG's seed: the same number gives the same inbox. Default 1. */
  seed?: number;
  /** Threads in all, the hand-written ones included. Default 5,000. */
  threads?: number;
  /** Messages in all, the hand-written ones included. Default 40,000. */
  messages?: number;
  /** How far back the oldest threads go, in days. Default 730. */
  days?: number;
}

/** What a generated thread is about, for evaluations that need to know which threads match. */
export interface GeneratedLabel {
  topics: string[];
  language: Language;
}

export interface BigInbox {
  threads: SeedThread[];
  /** By thread key; the hand-written threads have none. */
  labels: Map<string, GeneratedLabel>;
}

const HOUR = 60;
const DAY = 24 * HOUR;
const CHANNELS = ["BOOKING_COM", "HOSTELWORLD", "AIRBNB", "EMAIL", "WHATSAPP"] as const;
/** Roughly a hostel's mix: Booking.com and Hostelworld bring most guests. */
const CHANNEL_WEIGHTS = [34, 26, 14, 14, 12] as const;
const OTA_NAMES: Record<string, string> = {
  BOOKING_COM: "Booking.com",
  HOSTELWORLD: "Hostelworld",
  AIRBNB: "Airbnb",
};
const ROOMS = [
  "bed in a 6-bed mixed dorm",
  "bed in an 8-bed mixed dorm",
  "bed in a 4-bed female dorm",
  "private double room",
  "private twin room",
] as const;

/** mulberry32: a 32-bit PRNG, small and good enough for test data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error("pick() from an empty list");
  return value;
}

function weighted<T>(random: Random, list: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (const [index, weight] of weights.entries()) {
    roll -= weight;
    if (roll < 0) return list[index] as T;
  }
  return list[list.length - 1] as T;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

/** How many messages each generated thread gets, summing to exactly `total`, each at least one. */
function messageCounts(random: Random, threads: number, total: number): number[] {
  const mean = total / threads;
  // Most threads are short, a few run long (a group booking, a dispute): an exponential tail.
  const counts = Array.from({ length: threads }, () =>
    Math.min(80, 1 + Math.floor(-Math.log(1 - random()) * (mean - 1))),
  );
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const index = Math.floor(random() * threads);
    const count = counts[index] ?? 1;
    if (sum < total && count < 80) {
      counts[index] = count + 1;
      sum += 1;
    } else if (sum > total && count > 1) {
      counts[index] = count - 1;
      sum -= 1;
    }
  }
  return counts;
}

interface Guest {
  first: string;
  name: string;
  language: Language;
  email: string;
}

function makeGuest(random: Random): Guest {
  const origin = pick(random, ORIGINS);
  const first = pick(random, origin.first);
  const last = pick(random, origin.last);
  const ascii = `${first}.${last}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return { first, name: `${first} ${last}`, language: origin.language, email: `${ascii}@example.com` };
}

function slots(random: Random, guest: Guest, staff: string): Record<string, string> {
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    first: guest.first,
    staff,
    time: `${pad(20 + Math.floor(random() * 4))}:${pad(5 * Math.floor(random() * 12))}`,
    date: guest.language === "de" ? `${day}.${month}.` : `${day}/${month}`,
    n: String(2 + Math.floor(random() * 5)),
    item: pick(random, ITEMS[guest.language]),
  };
}

/** The texts of one thread, oldest first, before times are given. */
function threadTexts(
  random: Random,
  count: number,
  guest: Guest,
  channel: string,
  topics: Topic[],
  asked: Set<string>,
): Pick<SeedMessage, "direction" | "source" | "content">[] {
  const staff = pick(random, STAFF);
  const filled = slots(random, guest, staff);
  const texts: Pick<SeedMessage, "direction" | "source" | "content">[] = [];
  const via = OTA_NAMES[channel];
  if (via && random() < 0.6) {
    texts.push({
      direction: "OUTBOUND",
      source: "AUTOMATED",
      content: `Hi ${guest.first}, thank you for booking Casa Azul Hostel via ${via}! Your reservation: ${1 + Math.floor(random() * 6)} nights, ${pick(random, ROOMS)}. Check-in is from 15:00 and check-out by 11:00. Our reception is open 24 hours at Rua das Flores 28, Bairro Alto, Lisbon. See you soon!`,
    });
  }
  let turn = 0;
  while (texts.length < count) {
    const topic = topics[turn % topics.length] as Topic;
    asked.add(topic.name);
    texts.push({
      direction: "INBOUND",
      source: "GUEST",
      content: fill(pick(random, topic.ask[guest.language]), filled),
    });
    const hello = fill(STAFF_HELLO[guest.language], filled);
    const answer = fill(pick(random, topic.answer[guest.language]), filled);
    texts.push({ direction: "OUTBOUND", source: "MANUAL", content: `${hello}\n${answer}\n– ${staff}` });
    if (random() < 0.4) {
      texts.push({
        direction: "INBOUND",
        source: "GUEST",
        content: pick(random, GUEST_THANKS[guest.language]),
      });
    }
    if (random() < 0.15) {
      texts.push({
        direction: "OUTBOUND",
        source: "CHECK_IN",
        content: `Hi ${guest.first}, online check-in for your stay is now open. Fill in your details and upload your ID here to skip the queue at reception: https://casaazulhostel.pt/checkin/${Math.floor(
          random() * 36 ** 6,
        )
          .toString(36)
          .toUpperCase()}`,
      });
    }
    turn += 1;
  }
  return texts.slice(0, count);
}

/** Spreads a thread's messages after its creation, never later than the anchor (0 minutes ago). */
function messageTimes(random: Random, count: number, createdMinutesAgo: number): number[] {
  const gaps = Array.from({ length: count }, (_, index) =>
    index === 0 ? Math.floor(random() * 30) : 5 + Math.floor(-Math.log(1 - random()) * 9 * HOUR),
  );
  const span = gaps.reduce((a, b) => a + b, 0);
  // A thread opened minutes ago cannot have days of messages: squeeze them into the time it has.
  const scale = span > createdMinutesAgo ? createdMinutesAgo / span : 1;
  const times: number[] = [];
  let at = createdMinutesAgo;
  for (const gap of gaps) {
    at -= Math.floor(gap * scale);
    times.push(at);
  }
  return times;
}

export function generateBigInbox(options: BigInboxOptions = {}): BigInbox {
  const random = prng(options.seed ?? 1);
  const totalThreads = options.threads ?? 5_000;
  const totalMessages = options.messages ?? 40_000;
  const days = options.days ?? 730;
  const handWritten = seedThreads.reduce((sum, thread) => sum + thread.messages.length, 0);
  const generatedCount = totalThreads - seedThreads.length;
  if (generatedCount < 0 || totalMessages - handWritten < generatedCount) {
    throw new Error(
      `a big inbox needs at least ${seedThreads.length} threads and one message per generated thread beyond the seed's ${handWritten}`,
    );
  }
  const counts = messageCounts(random, generatedCount, totalMessages - handWritten);
  const labels = new Map<string, GeneratedLabel>();
  const threads: SeedThread[] = [...seedThreads];
  for (const [index, count] of counts.entries()) {
    const key = `gen-${options.seed ?? 1}-${index}`;
    const channel = weighted(random, CHANNELS, CHANNEL_WEIGHTS);
    const guest = makeGuest(random);
    // Slightly more threads lately than two years ago, as a hostel that grows; at least a minute
    // per message so that times stay in order.
    const createdMinutesAgo = Math.max(count * 2, Math.floor(random() ** 1.2 * days * DAY));
    const topics = [pick(random, TOPICS), pick(random, TOPICS), pick(random, TOPICS)];
    const asked = new Set<string>();
    const texts = threadTexts(random, count, guest, channel, topics, asked);
    const times = messageTimes(random, count, createdMinutesAgo);
    const lastAgo = times.at(-1) ?? createdMinutesAgo;
    // Archived threads run all through the list: some recent ones are done, most old ones are.
    const archiveChance = lastAgo < 3 * DAY ? 0.05 : lastAgo < 30 * DAY ? 0.3 : 0.75;
    const status = random() < archiveChance ? "ARCHIVED" : "OPEN";
    // Unread: a guest's trailing messages in a recent open thread, and now and then a forgotten one.
    const unreadTail = status === "OPEN" && (lastAgo < 5 * DAY || random() < 0.01);
    const messages: SeedMessage[] = texts.map((text, at) => ({ ...text, minutesAgo: times[at] ?? 0 }));
    if (unreadTail) {
      for (let at = messages.length - 1; at >= 0 && messages[at]?.direction === "INBOUND"; at--) {
        (messages[at] as SeedMessage).read = false;
      }
    }
    const email = channel === "EMAIL";
    threads.push({
      key,
      channel,
      guestName: random() < 0.02 ? null : guest.name,
      subject: email ? (topics[0] as Topic).subject[guest.language] : null,
      status,
      bookingKey: `gen-${options.seed ?? 1}-booking-${index}`,
      ...(email ? { guestEmail: guest.email } : {}),
      createdMinutesAgo,
      messages,
    });
    labels.set(key, { topics: [...asked], language: guest.language });
  }
  return { threads, labels };
}
