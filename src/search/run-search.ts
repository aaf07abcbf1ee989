// search_conversations: ask Hostel Mate for each phrase and word in parallel (a few at a time),
// merge and rank the threads, apply the filters the API lacks, and open the top threads to quote
// the messages that matched. Never more than SEARCH_REQUEST_BUDGET attempts per call, retries
// included: the budget travels with every request and the client claims from it per attempt.
import pLimit from "p-limit";
import { AttemptBudget } from "../api/attempt-budget.js";
import type { CallOptions, HostelMateClient } from "../api/client.js";
import { listPages, PageCursor } from "../api/pages.js";
import type { Conversation, ConversationPage } from "../api/schemas.js";
import { SEARCH_REQUEST_BUDGET } from "../limits.js";
import {
  hasFilters,
  lastActivityAt,
  matchesFilters,
  needsReply,
  type ThreadFilters,
} from "../triage/filters.js";
import type { ReplySignals } from "../triage/signals.js";
import { parseQuery, type SearchQuery } from "./query.js";
import { quoteThreads, type Unquoted } from "./quote-threads.js";
import type { SnippetLine } from "./snippets.js";

const CONCURRENT_REQUESTS = 3;

export interface SearchInput {
  query: string;
  channel?: string | undefined;
  booking_id?: string | undefined;
  limit: number;
  offset: number;
  /** How many of the top threads shown to open and quote. */
  snippets: number;
  filters: ThreadFilters;
  /** Told after each request, out of the most the search may make. */
  onProgress?: (requests: number, budget: number) => void;
}

export interface RankedThread {
  thread: Conversation;
  /** The phrases and words whose search found this thread. */
  matched: string[];
  phraseMatch: boolean;
  snippets: SnippetLine[];
  /** Who is waiting, judged from the thread's whole history where the mirror holds it. */
  signals?: ReplySignals;
}

export interface Overflow {
  needle: string;
  /** Threads of its search that were read and ranked. */
  read: number;
  /** Threads that contain it, when the API says. */
  total: number | null;
}

export interface SearchOutcome {
  parsed: SearchQuery;
  searched: string[];
  /** Phrases and words left unsearched to stay within the request budget. */
  skipped: string[];
  /** Phrases and words planned but not searched because retries had spent the budget. */
  unsearched: string[];
  /** Searches with more threads than were read. */
  overflowing: Overflow[];
  /** True when the budget stopped reading further pages for the filters. */
  budgetCut: boolean;
  /** Top threads shown without quotes, and why. */
  unquoted: Unquoted;
  /** Threads found before the server's own filters. */
  found: number;
  /** All threads that passed the filters, best first. */
  ranked: RankedThread[];
  requests: number;
  /** Topics (topics.ts) whose words in six languages widened the search; the mirror's search only. */
  widened?: string[];
}

// Compared as instants: as text, "…T19:00:00+02:00" (17:00 UTC) sorts after "…T17:30:00Z". A
// missing or unreadable time ranks as the oldest.
function newestFirst(a: Conversation, b: Conversation): number {
  const at = (thread: Conversation) => {
    const ms = lastActivityAt(thread);
    return Number.isNaN(ms) ? Number.MIN_SAFE_INTEGER : ms;
  };
  return at(b) - at(a);
}

function rank(a: RankedThread, b: RankedThread): number {
  return (
    b.matched.length - a.matched.length ||
    Number(b.phraseMatch) - Number(a.phraseMatch) ||
    Number(needsReply(b.thread)) - Number(needsReply(a.thread)) ||
    newestFirst(a.thread, b.thread)
  );
}

interface NeedleState {
  needle: string;
  /** Where its search's results were read to. */
  cursor: PageCursor<ConversationPage>;
}

/**
 * Reads further pages of the needles that have more, a round at a time, while fewer than `want`
 * threads pass the filters. Each round leaves `reserve()` attempts for quoting. True when the
 * budget, not a lack of pages or enough matches, ended the reading.
 */
async function readFurther(
  states: readonly NeedleState[],
  readNext: (state: NeedleState) => Promise<boolean>,
  options: { want: number; found: () => number; reserve: () => number; remaining: () => number },
): Promise<boolean> {
  for (;;) {
    const open = states.filter(({ cursor }) => cursor.more);
    if (open.length === 0 || options.found() >= options.want) return false;
    const affordable = options.remaining() - options.reserve();
    if (affordable <= 0) return true;
    const paid = await Promise.all(open.slice(0, affordable).map(readNext));
    if (paid.includes(false)) return true;
  }
}

export async function runSearch(
  client: HostelMateClient,
  input: SearchInput,
  call: CallOptions = {},
): Promise<SearchOutcome> {
  // When one request fails the call, the others stop too rather than run on after the answer.
  const stop = new AbortController();
  try {
    return await search(client, input, {
      ...call,
      signal: call.signal ? AbortSignal.any([call.signal, stop.signal]) : stop.signal,
      budget: new AttemptBudget(SEARCH_REQUEST_BUDGET, input.onProgress),
    });
  } finally {
    stop.abort();
  }
}

async function search(
  client: HostelMateClient,
  input: SearchInput,
  options: CallOptions & { budget: AttemptBudget },
): Promise<SearchOutcome> {
  const { budget } = options;
  const parsed = parseQuery(input.query);
  const needles = [...parsed.phrases, ...parsed.terms];
  // One search per needle, leaving room for the quotes; retries may still take some of that room.
  const planned = needles.slice(0, Math.max(1, SEARCH_REQUEST_BUDGET - input.snippets));
  const limit = pLimit(CONCURRENT_REQUESTS);

  const byId = new Map<string, RankedThread>();
  const states: NeedleState[] = planned.map((needle) => ({
    needle,
    cursor: new PageCursor(
      listPages(client, { search: needle, channel: input.channel, booking_id: input.booking_id }),
      {
        call: options,
        schedule: limit,
      },
    ),
  }));
  // Reads a needle's next page and ranks its threads; false when the budget could not pay for it.
  const readNext = async ({ needle, cursor }: NeedleState): Promise<boolean> => {
    const page = await cursor.readNext();
    if (!page) return false;
    for (const thread of page.items) {
      const entry = byId.get(thread.id) ?? { thread, matched: [], phraseMatch: false, snippets: [] };
      if (entry.matched.includes(needle)) continue;
      entry.matched.push(needle);
      if (parsed.phrases.includes(needle)) entry.phraseMatch = true;
      byId.set(thread.id, entry);
    }
    return true;
  };
  const paid = await Promise.all(states.map(readNext));
  const searched = states.filter((_, index) => paid[index]);
  const passing = () => [...byId.values()].filter((entry) => matchesFilters(entry.thread, input.filters));

  // With filters, every page reads as far as the budget allows, keeping the quotes' share: what is
  // read, and so the ranking, is then the same whatever the offset. Reading only until this page was
  // full made a later page read further and re-rank, so its "more:" line repeated some threads and
  // never reached others.
  const budgetCut =
    hasFilters(input.filters) &&
    (await readFurther(searched, readNext, {
      want: Number.POSITIVE_INFINITY,
      found: () => passing().length,
      // Quotes are worth keeping attempts for only once there are threads to quote.
      reserve: () => Math.min(input.snippets, passing().length),
      remaining: () => budget.remaining,
    }));
  const ranked = passing().sort(rank);

  const page = ranked.slice(input.offset, input.offset + input.limit).slice(0, input.snippets);
  const affordable = page.slice(0, Math.max(0, budget.remaining));
  const unquoted = await quoteThreads(client, affordable, needles, budget, options, limit);
  unquoted.budget += page.length - affordable.length;

  return {
    parsed,
    searched: searched.map((state) => state.needle),
    skipped: needles.slice(planned.length),
    unsearched: states.filter((_, index) => !paid[index]).map((state) => state.needle),
    overflowing: searched
      .filter(({ cursor }) => cursor.more)
      .map(({ needle, cursor }) => ({ needle, read: cursor.read, total: cursor.total })),
    budgetCut,
    unquoted,
    found: byId.size,
    ranked,
    requests: budget.used,
  };
}
