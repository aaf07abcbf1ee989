// search_conversations: ask Hostel Mate for each phrase and word in parallel (a few at a time),
// merge and rank the threads, apply the filters the API lacks, and open the top threads to quote
// the messages that matched. Never more than MAX_UPSTREAM_REQUESTS requests per call.
import pLimit from "p-limit";
import type { CallOptions, HostelMateClient } from "../api/client.js";
import type { Conversation, Message } from "../api/schemas.js";
import { lastActivity, matchesFilters, needsReply, type ThreadFilters } from "./filters.js";
import { parseQuery, type SearchQuery } from "./query.js";
import { findSnippets, messageMatches, type SnippetLine } from "./snippets.js";

export const MAX_UPSTREAM_REQUESTS = 12;
const RESULTS_PER_SEARCH = 100;
const MESSAGES_PER_READ = 100;
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
}

export interface SearchOutcome {
  parsed: SearchQuery;
  searched: string[];
  /** Phrases and words left unsearched to stay within the request budget. */
  skipped: string[];
  /** Searches that matched more threads than one request returns. */
  overflowing: string[];
  /** Threads found before the server's own filters. */
  found: number;
  /** All threads that passed the filters, best first. */
  ranked: RankedThread[];
  requests: number;
}

/** A client that counts its requests and refuses to pass the budget: the budget is a promise. */
function budgeted(client: HostelMateClient, max: number, onProgress?: (used: number, max: number) => void) {
  let used = 0;
  let done = 0;
  const take = () => {
    if (used >= max) throw new Error(`search request budget of ${max} exceeded`);
    used += 1;
  };
  const report = <T>(promise: Promise<T>) =>
    promise.finally(() => {
      done += 1;
      onProgress?.(done, max);
    });
  return {
    get used() {
      return used;
    },
    get remaining() {
      return max - used;
    },
    listConversations: (...args: Parameters<HostelMateClient["listConversations"]>) => {
      take();
      return report(client.listConversations(...args));
    },
    getMessages: (...args: Parameters<HostelMateClient["getMessages"]>) => {
      take();
      return report(client.getMessages(...args));
    },
  };
}

function rank(a: RankedThread, b: RankedThread): number {
  return (
    b.matched.length - a.matched.length ||
    Number(b.phraseMatch) - Number(a.phraseMatch) ||
    Number(needsReply(b.thread)) - Number(needsReply(a.thread)) ||
    (lastActivity(b.thread) ?? "").localeCompare(lastActivity(a.thread) ?? "")
  );
}

export async function runSearch(
  client: HostelMateClient,
  input: SearchInput,
  call: CallOptions = {},
): Promise<SearchOutcome> {
  const api = budgeted(client, MAX_UPSTREAM_REQUESTS, input.onProgress);
  const parsed = parseQuery(input.query);
  const needles = [...parsed.phrases, ...parsed.terms];
  const searched = needles.slice(0, Math.max(1, MAX_UPSTREAM_REQUESTS - input.snippets));
  const limit = pLimit(CONCURRENT_REQUESTS);

  const pages = await Promise.all(
    searched.map((needle) =>
      limit(() =>
        api.listConversations(
          {
            limit: RESULTS_PER_SEARCH,
            offset: 0,
            search: needle,
            channel: input.channel,
            booking_id: input.booking_id,
          },
          call,
        ),
      ),
    ),
  );

  const byId = new Map<string, RankedThread>();
  const overflowing: string[] = [];
  pages.forEach((page, index) => {
    const needle = searched[index] ?? "";
    if (page.pagination?.has_more) overflowing.push(needle);
    for (const thread of page.results) {
      const entry = byId.get(thread.id) ?? { thread, matched: [], phraseMatch: false, snippets: [] };
      entry.matched.push(needle);
      if (parsed.phrases.includes(needle)) entry.phraseMatch = true;
      byId.set(thread.id, entry);
    }
  });
  const ranked = [...byId.values()].filter((entry) => matchesFilters(entry.thread, input.filters)).sort(rank);

  // Open the top threads on this page and quote what matched, within what is left of the budget:
  // first the opening page of each, then, while budget lasts, the newest page of long threads whose
  // opening page did not hold the match.
  const toQuote = ranked
    .slice(input.offset, input.offset + input.limit)
    .slice(0, Math.min(input.snippets, api.remaining));
  const firstPages = await Promise.all(
    toQuote.map((entry) =>
      limit(() => api.getMessages(entry.thread.id, { limit: MESSAGES_PER_READ, offset: 0 }, call)),
    ),
  );
  await Promise.all(
    toQuote.map(async (entry, index) => {
      const first = firstPages[index];
      if (!first) return;
      let messages: Message[] = first.results;
      const total = first.pagination?.total ?? null;
      const missed = !messages.some((message) => messageMatches(message, needles));
      if (missed && total !== null && total > MESSAGES_PER_READ && api.remaining > 0) {
        const offset = total - MESSAGES_PER_READ;
        messages = (await api.getMessages(entry.thread.id, { limit: MESSAGES_PER_READ, offset }, call))
          .results;
      }
      entry.snippets = findSnippets(messages, needles);
    }),
  );

  return {
    parsed,
    searched,
    skipped: needles.slice(searched.length),
    overflowing,
    found: byId.size,
    ranked,
    requests: api.used,
  };
}
