// Reading a window of a thread, and what a reply needs to know about the whole thread. Without an
// offset the newest messages are wanted, but the API pages oldest first: read the first page, and if
// the thread is longer, the last page. A page that stops short of the newest message says nothing
// about who is waiting now, so the newest messages are read too; and the messages endpoint sends no
// subject or status, so the thread's listing is looked up for them. At most three requests.

import type { CallOptions, HostelMateClient, ListConversationsQuery } from "./client.js";
import { ApiError } from "./errors.js";
import { isUuid } from "./ids.js";
import { messagePages, newestWindow, type PageWindow, readListPage, readPage } from "./pages.js";
import type { Conversation, Message, ThreadInfo } from "./schemas.js";

/** The newest messages read to tell who wrote last and since when the guest waits. */
export const LATEST_MESSAGES = 20;
/** Threads of one booking: a handful, never a page's worth, so one page holds the thread's own listing. */
const BOOKING_THREADS = 100;
/** Threads of a guest's name, when the thread has no booking to look it up by. */
const NAME_THREADS = 20;

/** A run of consecutive messages that ends with the thread's newest. */
export interface LatestRun {
  /** Oldest first. */
  messages: Message[];
  /** Position in the thread of the run's first message. */
  offset: number;
}

/** Another thread of the same booking, e.g. the guest wrote by email and on Booking.com. */
export interface SiblingThread {
  id: string;
  channel: string | null;
  status: string | null;
}

export interface ThreadWindow {
  /** From the messages endpoint, with subject and status from the thread's listing when it was found. */
  thread: ThreadInfo | null;
  /** Oldest first. */
  messages: Message[];
  /** Position of the first message in the thread. */
  offset: number;
  /** Messages in the thread, when the API says. */
  total: number | null;
  /** False when the newest were asked for but the API gave no total to find them with. */
  reachedNewest: boolean;
  /**
   * The messages that end the thread, for its state whatever page is shown: the window itself when
   * it reaches the newest, joined with it when they meet. Null when the newest could not be found.
   */
  latest: LatestRun | null;
  /** Other threads of this booking, as its listing showed them. */
  sameBooking: SiblingThread[];
}

export interface ReadThreadOptions {
  /** Look up the subject and status in the thread's listing when the messages endpoint lacks them (default true). */
  listing?: boolean;
}

export async function readThread(
  client: HostelMateClient,
  threadId: string,
  window: { limit: number; offset?: number | undefined },
  call: CallOptions = {},
  options: ReadThreadOptions = {},
): Promise<ThreadWindow> {
  const { limit } = window;
  const offset = window.offset ?? 0;
  const pages = messagePages(client, threadId);
  const first = await readPage(pages, { limit, offset }, call);
  const { total, items: shown, next: end } = first;
  // Is this page the end of the thread? A page shorter than asked is, when the API gives no total.
  // A page past the end (offset beyond the total) is not: the newest are read for the state.
  const endsThread =
    total === null ? shown.length < limit : end >= total && (shown.length > 0 || total === 0);

  // At most one more page of messages, read beside the listing: the last page in place of the
  // first when the newest were asked for, or the newest ones after an explicit page.
  let second: PageWindow | null = null;
  if (!endsThread && total !== null) {
    second = newestWindow(total, window.offset === undefined ? limit : LATEST_MESSAGES);
  }
  const [more, found] = await Promise.all([
    second ? readPage(pages, second, call) : null,
    options.listing === false ? null : findListing(client, threadId, first.answer.thread, call),
  ]);
  const listing = found?.listing ?? null;
  const base = {
    thread: withListing(more?.answer.thread ?? first.answer.thread, listing),
    total: more?.total ?? total,
    sameBooking: found?.siblings ?? [],
  };

  if (window.offset === undefined) {
    if (more && second) {
      const latest = { messages: more.items, offset: second.offset };
      return { ...base, messages: more.items, offset: second.offset, reachedNewest: true, latest };
    }
    // Without a total, a full first page may not be the end: its state is not the thread's.
    const latest = endsThread ? { messages: shown, offset } : null;
    return { ...base, messages: shown, offset, reachedNewest: endsThread, latest };
  }

  const page = { ...base, messages: shown, offset, reachedNewest: true };
  if (endsThread) return { ...page, latest: { messages: shown, offset } };
  if (!more || !second) return { ...page, latest: null };
  const tail = more.items;
  // A page that meets the newest ones makes one longer run: it may hold the last staff answer.
  const latest =
    offset < second.offset && end >= second.offset
      ? { messages: [...shown, ...tail.slice(end - second.offset)], offset }
      : { messages: tail, offset: second.offset };
  return { ...page, latest };
}

function withListing(thread: ThreadInfo | null, listing: Conversation | null): ThreadInfo | null {
  if (!listing) return thread;
  const base = thread ?? {
    id: listing.id,
    booking_id: listing.booking_id,
    channel: listing.channel,
    guest_name: listing.guest_name,
    subject: null,
    status: null,
  };
  return { ...base, subject: base.subject ?? listing.subject, status: base.status ?? listing.status };
}

/**
 * The thread's own entry in the list, found by its booking (which also shows the booking's other
 * threads) or else by its guest's name; null when it is not found or the list fails. Only asked for
 * when the messages endpoint did not send the status: the list is where subject and status live.
 */
async function findListing(
  client: HostelMateClient,
  threadId: string,
  thread: ThreadInfo | null,
  call: CallOptions,
): Promise<{ listing: Conversation | null; siblings: SiblingThread[] } | null> {
  if (thread?.status) return null;
  const bookingId = thread?.booking_id ?? null;
  const query: ListConversationsQuery | null = bookingId
    ? isUuid(bookingId)
      ? { limit: BOOKING_THREADS, offset: 0, booking_id: bookingId }
      : { limit: NAME_THREADS, offset: 0, search: bookingId }
    : thread?.guest_name
      ? { limit: NAME_THREADS, offset: 0, search: thread.guest_name }
      : null;
  if (!query) return null;
  try {
    const { items: results } = await readListPage(client, query, call);
    const id = threadId.toLowerCase();
    const listing = results.find((candidate) => candidate.id.toLowerCase() === id) ?? null;
    const siblings =
      bookingId === null
        ? []
        : results
            .filter((other) => other.booking_id === bookingId && other.id.toLowerCase() !== id)
            .map((other) => ({ id: other.id, channel: other.channel, status: other.status }));
    return { listing, siblings };
  } catch (error) {
    // Subject and status help a reply but the messages do not depend on them: say "unknown" instead.
    if (error instanceof ApiError) return null;
    throw error;
  }
}
