// Opening the top threads of a search to quote the messages that matched: first the opening page
// of each, then, while the budget lasts, the newest page of long threads whose opening page did not
// hold the match. Quotes are a help, not the answer: a thread that cannot be read keeps its line
// and the result says why its quote is missing.
import type { LimitFunction } from "p-limit";
import { type AttemptBudget, AttemptBudgetSpentError } from "../api/attempt-budget.js";
import type { CallOptions, HostelMateClient } from "../api/client.js";
import { ApiError } from "../api/errors.js";
import {
  MAX_PAGE_SIZE,
  messagePages,
  newestWindow,
  type Page,
  type PageWindow,
  readPage,
} from "../api/pages.js";
import type { Message, MessagePage } from "../api/schemas.js";
import { findSnippets, messageMatches, type SnippetLine } from "./snippets.js";

export interface Unquoted {
  /** Threads left unread because the request budget was spent. */
  budget: number;
  /** Threads whose messages Hostel Mate did not give. */
  failed: number;
}

type Outcome = { page: Page<MessagePage> } | { missing: keyof Unquoted };

export async function quoteThreads(
  client: HostelMateClient,
  threads: ReadonlyArray<{ thread: { id: string }; snippets: SnippetLine[] }>,
  needles: readonly string[],
  budget: AttemptBudget,
  call: CallOptions,
  limit: LimitFunction,
): Promise<Unquoted> {
  const unquoted: Unquoted = { budget: 0, failed: 0 };
  // Every read goes through the same limit, so the search never has more requests in flight.
  const read = (threadId: string, window: PageWindow): Promise<Outcome> =>
    limit(async () => {
      try {
        return { page: await readPage(messagePages(client, threadId), window, call) };
      } catch (error) {
        if (error instanceof AttemptBudgetSpentError) return { missing: "budget" };
        // A failure with nothing left in the budget is one that a retry was refused for.
        if (error instanceof ApiError) return { missing: budget.remaining > 0 ? "failed" : "budget" };
        throw error;
      }
    });

  const firstPages = await Promise.all(
    threads.map((entry) => read(entry.thread.id, { offset: 0, limit: MAX_PAGE_SIZE })),
  );
  await Promise.all(
    threads.map(async (entry, index) => {
      const first = firstPages[index];
      if (!first) return;
      if ("missing" in first) {
        unquoted[first.missing] += 1;
        return;
      }
      let messages: Message[] = first.page.items;
      const { total } = first.page;
      const missed = !messages.some((message) => messageMatches(message, needles));
      if (missed && total !== null && total > MAX_PAGE_SIZE && budget.remaining > 0) {
        const newest = await read(entry.thread.id, newestWindow(total, MAX_PAGE_SIZE));
        // Without the newest page, the opening page still gives the thread's context.
        if ("page" in newest) messages = newest.page.items;
      }
      entry.snippets = findSnippets(messages, needles);
    }),
  );
  return unquoted;
}
