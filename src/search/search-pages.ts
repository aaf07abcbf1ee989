// Reading Hostel Mate's search results for each phrase and word of a query, within the call's
// attempt budget. Filters the API lacks (status, unread, needs-reply, dates) do not narrow its
// search, so with such filters a word with more hits than one page is read further, page by page,
// until enough threads pass the filters or the budget runs out.
import type { LimitFunction } from "p-limit";
import { AttemptBudgetSpentError } from "../api/attempt-budget.js";
import type { CallOptions, HostelMateClient } from "../api/client.js";
import type { Conversation, ConversationPage } from "../api/schemas.js";

export const RESULTS_PER_SEARCH = 100;

export interface NeedleState {
  needle: string;
  /** Threads of its search read so far: the offset a further read starts at. */
  read: number;
  /** Threads that contain it, when the API says. */
  total: number | null;
  /** True while Hostel Mate has more threads for it than were read. */
  more: boolean;
}

export interface NeedleReader {
  /** Reads the next page of a needle's search; false when the budget could not pay for it. */
  readNext(state: NeedleState): Promise<boolean>;
}

export function needleReader(
  client: HostelMateClient,
  query: { channel?: string | undefined; booking_id?: string | undefined },
  call: CallOptions,
  limit: LimitFunction,
  onThread: (thread: Conversation, needle: string) => void,
): NeedleReader {
  return {
    async readNext(state) {
      let page: ConversationPage;
      try {
        page = await limit(() => {
          call.signal?.throwIfAborted();
          return client.listConversations(
            { limit: RESULTS_PER_SEARCH, offset: state.read, search: state.needle, ...query },
            call,
          );
        });
      } catch (error) {
        if (error instanceof AttemptBudgetSpentError) return false;
        throw error;
      }
      for (const thread of page.results) onThread(thread, state.needle);
      state.read += page.results.length;
      state.total = page.pagination?.total ?? state.total;
      state.more =
        page.results.length > 0 && (page.pagination?.has_more ?? page.results.length === RESULTS_PER_SEARCH);
      return true;
    },
  };
}

/**
 * Reads further pages of the needles that have more, a round at a time, while fewer than `want`
 * threads pass the filters. Each round leaves `reserve()` attempts for quoting. True when the
 * budget, not a lack of pages or enough matches, ended the reading.
 */
export async function readFurther(
  states: readonly NeedleState[],
  reader: NeedleReader,
  options: { want: number; found: () => number; reserve: () => number; remaining: () => number },
): Promise<boolean> {
  for (;;) {
    const open = states.filter((state) => state.more);
    if (open.length === 0 || options.found() >= options.want) return false;
    const affordable = options.remaining() - options.reserve();
    if (affordable <= 0) return true;
    const paid = await Promise.all(open.slice(0, affordable).map((state) => reader.readNext(state)));
    if (paid.includes(false)) return true;
  }
}
