// The shared body of list_conversations and search_conversations: one page from the list endpoint,
// as thread lines and as structured summaries that match them.
import type { ListConversationsQuery } from "../api/client.js";
import { pageInfo } from "../api/paging.js";
import { toThreadSummary } from "../format/structured.js";
import { formatThreadList } from "../format/threads.js";
import type { ToolContext } from "./tool.js";

export interface ThreadPageView {
  label: string;
  emptyHint?: string | undefined;
  more: (nextOffset: number) => string;
}

export async function threadPage(
  query: ListConversationsQuery,
  view: ThreadPageView,
  { client, signal, clock }: ToolContext,
) {
  const page = await client.listConversations(query, { signal });
  const info = pageInfo(page.pagination, page.results.length, query.offset, query.limit);
  const list = formatThreadList({
    ...view,
    threads: page.results,
    offset: query.offset,
    total: info.total,
    now: clock(),
    hasMore: info.has_more,
  });
  const cut = list.shown < page.results.length;
  return {
    text: list.text,
    structured: {
      ...info,
      ...(cut ? { has_more: true, next_offset: query.offset + list.shown } : {}),
      threads: page.results.slice(0, list.shown).map(toThreadSummary),
    },
  };
}
