// Reading a window of a thread. Without an offset the newest messages are wanted, but the API
// pages oldest first: read the first page, and if the thread is longer, the last page — at most
// two requests.
import type { CallOptions, HostelMateClient } from "./client.js";
import type { Message, ThreadInfo } from "./schemas.js";

export interface ThreadWindow {
  thread: ThreadInfo | null;
  /** Oldest first. */
  messages: Message[];
  /** Position of the first message in the thread. */
  offset: number;
  /** Messages in the thread, when the API says. */
  total: number | null;
  /** False when the newest were asked for but the API gave no total to find them with. */
  reachedNewest: boolean;
}

export async function readThread(
  client: HostelMateClient,
  threadId: string,
  window: { limit: number; offset?: number | undefined },
  call: CallOptions = {},
): Promise<ThreadWindow> {
  const offset = window.offset ?? 0;
  const first = await client.getMessages(threadId, { limit: window.limit, offset }, call);
  const total = first.pagination?.total ?? null;
  const page = { thread: first.thread, messages: first.results, offset, total };
  if (window.offset !== undefined) return { ...page, reachedNewest: true };
  if (total === null) return { ...page, reachedNewest: first.results.length < window.limit };
  if (total <= window.limit) return { ...page, reachedNewest: true };

  const lastOffset = total - window.limit;
  const last = await client.getMessages(threadId, { limit: window.limit, offset: lastOffset }, call);
  return {
    thread: last.thread ?? first.thread,
    messages: last.results,
    offset: lastOffset,
    total: last.pagination?.total ?? total,
    reachedNewest: true,
  };
}
