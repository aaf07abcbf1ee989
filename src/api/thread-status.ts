// The messages endpoint's thread object has no status in the published docs, while the list has it.
// Whether a waiting guest's thread is archived decides whether it needs a reply, so the status is
// read from the list of the thread's booking (one small request), only when the thread lacks it.
import type { CallOptions, HostelMateClient } from "./client.js";
import type { ThreadWindow } from "./read-thread.js";

/** Threads of one booking read to find the status: a booking has a handful, never a page's worth. */
const BOOKING_THREADS = 100;

/**
 * The window with its thread's status filled in from the list, when the list has the thread. Only
 * asked when it can change the verdict: `guestWaiting` (a guest message after the last staff answer)
 * in a window that holds the thread's newest message.
 */
export async function withThreadStatus(
  client: HostelMateClient,
  threadId: string,
  window: ThreadWindow,
  guestWaiting: boolean,
  call: CallOptions = {},
): Promise<ThreadWindow> {
  const thread = window.thread;
  if (!guestWaiting || !thread || thread.status || !thread.booking_id) return window;
  const end = window.offset + window.messages.length;
  if (!window.reachedNewest || (window.total !== null && end < window.total)) return window;
  try {
    const page = await client.listConversations(
      { limit: BOOKING_THREADS, offset: 0, booking_id: thread.booking_id },
      call,
    );
    const id = threadId.toLowerCase();
    const listed = page.results.find((candidate) => candidate.id.toLowerCase() === id);
    return listed?.status ? { ...window, thread: { ...thread, status: listed.status } } : window;
  } catch (error) {
    // The transcript is worth more than the status: it goes out without it, unless the call was cancelled.
    if (call.signal?.aborted) throw error;
    return window;
  }
}
