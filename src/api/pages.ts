// Reading Hostel Mate's lists a page at a time: the one place that decides how a page is asked for,
// whether more follows it, where the next one starts, and when the budget or the call stops the
// reading. Callers decide only what to keep and when they have enough.
import { AttemptBudgetSpentError } from "./attempt-budget.js";
import type { CallOptions, HostelMateClient, ListConversationsQuery } from "./client.js";
import type { ConversationPage, MessagePage, Pagination } from "./schemas.js";

/** Hostel Mate's largest page, on both endpoints. */
export const MAX_PAGE_SIZE = 100;

interface Paged {
  pagination: Pagination | null;
  results: unknown[];
}

export interface PageWindow {
  offset: number;
  limit: number;
}

/** Asks the API for one page of one list. */
export type PageSource<R extends Paged> = (window: PageWindow, call: CallOptions) => Promise<R>;

export interface Page<R extends Paged> {
  /** The answer as the API sent it, for what else it carries (the thread of a messages page). */
  answer: R;
  /** At most `limit` items, whatever the API sent: what lies beyond is the next page's. */
  items: R["results"];
  offset: number;
  limit: number;
  /** Items in the whole list, when the API says. */
  total: number | null;
  /** True when more may follow this page. */
  more: boolean;
  /** Where the next page starts. */
  next: number;
}

/** The list endpoint's pages for one query. */
export function listPages(
  client: HostelMateClient,
  query: Omit<ListConversationsQuery, "limit" | "offset">,
): PageSource<ConversationPage> {
  return (window, call) => client.listConversations({ ...query, ...window }, call);
}

/** One thread's pages of messages, oldest first. */
export function messagePages(client: HostelMateClient, threadId: string): PageSource<MessagePage> {
  return (window, call) => client.getMessages(threadId, window, call);
}

/** How one answer reads as a page. */
function toPage<R extends Paged>(answer: R, { offset, limit }: PageWindow): Page<R> {
  const items = answer.results.slice(0, limit) as R["results"];
  const shown = items.length;
  const total = answer.pagination?.total ?? null;
  // The API sent more than asked: there is more. Otherwise its word; and without it (the messages
  // endpoint may leave pagination out) the total, or else a full page, says there may be more.
  const more =
    shown > 0 &&
    (answer.results.length > shown ||
      (answer.pagination?.has_more ?? (total !== null ? offset + shown < total : shown >= limit)));
  return { answer, items, offset, limit, total, more, next: offset + shown };
}

/** Reads one page. Whatever the client throws (the budget spent, an upstream fault) is thrown. */
export async function readPage<R extends Paged>(
  source: PageSource<R>,
  window: PageWindow,
  call: CallOptions = {},
): Promise<Page<R>> {
  call.signal?.throwIfAborted();
  return toPage(await source(window, call), window);
}

/** One page of the list endpoint, asked for as the client's query is. */
export function readListPage(
  client: HostelMateClient,
  { limit, offset, ...filter }: ListConversationsQuery,
  call: CallOptions = {},
): Promise<Page<ConversationPage>> {
  return readPage(listPages(client, filter), { limit, offset }, call);
}

/** A page's place in the list as the structured answers give it. */
export interface PageInfo {
  total: number | null;
  offset: number;
  limit: number;
  has_more: boolean;
  next_offset: number | null;
}

export function pageInfo(page: Page<Paged>): PageInfo {
  return {
    total: page.total,
    offset: page.offset,
    limit: page.limit,
    has_more: page.more,
    next_offset: page.more ? page.next : null,
  };
}

/** The page that ends a list of `total` items, at most `limit` long. */
export function newestWindow(total: number, limit: number): PageWindow {
  return { offset: Math.max(0, total - limit), limit };
}

export interface CursorOptions {
  /** Where in the list reading begins. */
  start?: number;
  /** Items asked for per page (default and most: Hostel Mate's 100). */
  pageSize?: number;
  /** The call's signal and request budget, handed to every request. */
  call?: CallOptions;
  /** Runs each request, e.g. through a limit on requests in flight. */
  schedule?: <T>(request: () => Promise<T>) => Promise<T>;
}

/** Reads a list onward from a position, a page at a time, remembering where it got to. */
export class PageCursor<R extends Paged> {
  readonly start: number;
  /** Items in the list, as the last page that said so said. */
  total: number | null = null;
  /** False once a page said nothing follows it. */
  more = true;
  #next: number;
  readonly #source: PageSource<R>;
  readonly #options: CursorOptions;

  constructor(source: PageSource<R>, options: CursorOptions = {}) {
    this.#source = source;
    this.#options = options;
    this.start = options.start ?? 0;
    this.#next = this.start;
  }

  /** Where the next page starts. */
  get next(): number {
    return this.#next;
  }

  /** Items read so far. */
  get read(): number {
    return this.#next - this.start;
  }

  /**
   * Reads the next page, `limit` items at most (the page size by default); null, and nothing read,
   * when the request budget could not pay for it. An aborted call or an upstream fault is thrown.
   */
  async readNext(limit = this.#options.pageSize ?? MAX_PAGE_SIZE): Promise<Page<R> | null> {
    const { call = {}, schedule = (request) => request() } = this.#options;
    const window = { offset: this.#next, limit };
    let page: Page<R>;
    try {
      page = await schedule(() => readPage(this.#source, window, call));
    } catch (error) {
      if (error instanceof AttemptBudgetSpentError) return null;
      throw error;
    }
    this.#next = page.next;
    this.total = page.total ?? this.total;
    this.more = page.more;
    return page;
  }

  /** Goes on from `position` of the last page read, for a caller that took only part of it. */
  resumeAt(position: number): void {
    if (position < this.#next) this.more = true;
    this.#next = position;
  }
}

/** Why a reading stopped. */
export type StopReason = "end" | "enough" | "items" | "budget";

export interface Reading {
  /** Where a further reading would resume. */
  next: number;
  read: number;
  total: number | null;
  stop: StopReason;
}

/**
 * Reads the list onward until it ends, `each` returns false (the caller has enough), `maxItems` are
 * read, or the request budget is spent. With neither a budget nor `maxItems`, the client's rate limit
 * paces the reading and only the list's end or the caller stops it.
 */
export async function readPages<R extends Paged>(
  source: PageSource<R>,
  options: CursorOptions & {
    /** Most items to read over all pages; the last page shrinks to fit. */
    maxItems?: number;
    /** Takes each item with its position in the list; false when the caller has enough. */
    each: (item: R["results"][number], position: number) => boolean;
    /** Told after each page how many items were read. */
    onPage?: (read: number) => void;
  },
): Promise<Reading> {
  const cursor = new PageCursor(source, options);
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  const reading = (stop: StopReason): Reading => ({
    next: cursor.next,
    read: cursor.read,
    total: cursor.total,
    stop,
  });
  for (;;) {
    if (cursor.read >= maxItems) return reading("items");
    const page = await cursor.readNext(Math.min(pageSize, maxItems - cursor.read));
    if (!page) return reading("budget");
    let used = 0;
    let enough = false;
    for (const item of page.items) {
      used += 1;
      if (!options.each(item, page.offset + used - 1)) {
        enough = true;
        break;
      }
    }
    // A caller that stops mid-page resumes after the last item it took.
    cursor.resumeAt(page.offset + used);
    options.onPage?.(cursor.read);
    if (used === page.items.length && !page.more) return reading("end");
    if (enough) return reading("enough");
  }
}
