// Opening the top threads of a search to quote the messages that matched: first the opening page
// of each, then, while the budget lasts, the newest page of long threads whose opening page did not
// hold the match. Quotes are a help, not the answer: a thread that cannot be read keeps its line
// and the result says why its quote is missing.
import type { LimitFunction } from "p-limit";
import { type AttemptBudget, AttemptBudgetSpentError } from "../api/attempt-budget.js";
import type { CallOptions, HostelMateClient } from "../api/client.js";
import { ApiError } from "../api/errors.js";
import type { Message, MessagePage } from "../api/schemas.js";
import { findSnippets, messageMatches, type SnippetLine } from "./snippets.js";

const MESSAGES_PER_READ = 100;

export interface Unquoted {
  /** Threads left unread because the request budget was spent. */
  budget: number;
  /** Threads whose messages Hostel Mate did not give. */
  failed: number;
}

type Outcome = { page: MessagePage } | { missing: keyof Unquoted };

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
  const read = (threadId: string, offset: number): Promise<Outcome> =>
    limit(async () => {
      call.signal?.throwIfAborted();
      try {
        return { page: await client.getMessages(threadId, { limit: MESSAGES_PER_READ, offset }, call) };
      } catch (error) {
        if (error instanceof AttemptBudgetSpentError) return { missing: "budget" };
        // A failure with nothing left in the budget is one that a retry was refused for.
        if (error instanceof ApiError) return { missing: budget.remaining > 0 ? "failed" : "budget" };
        throw error;
      }
    });

  const firstPages = await Promise.all(threads.map((entry) => read(entry.thread.id, 0)));
  await Promise.all(
    threads.map(async (entry, index) => {
      const first = firstPages[index];
      if (!first) return;
      if ("missing" in first) {
        unquoted[first.missing] += 1;
        return;
      }
      let messages: Message[] = first.page.results;
      const total = first.page.pagination?.total ?? null;
      const missed = !messages.some((message) => messageMatches(message, needles));
      if (missed && total !== null && total > MESSAGES_PER_READ && budget.remaining > 0) {
        const newest = await read(entry.thread.id, total - MESSAGES_PER_READ);
        // Without the newest page, the opening page still gives the thread's context.
        if ("page" in newest) messages = newest.page.results;
      }
      entry.snippets = findSnippets(messages, needles);
    }),
  );
  return unquoted;
}
