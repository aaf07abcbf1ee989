// While the mirror's first sync is under way: the threads whose messages it holds (the newest, since
// the sync reads newest first) are searched in the mirror, and Hostel Mate's own search, as the live
// path runs it, finds the rest. The mirror's threads rank first; the live ones follow, unquoted.
import type { CallOptions, HostelMateClient } from "../api/client.js";
import { holdsMessages } from "../mirror/search-index.js";
import type { MirrorStore } from "../mirror/store.js";
import { type MirrorSearchInput, mirrorQueryGroups, quoteFromStore, searchMirror } from "./mirror-search.js";
import { runSearch, type SearchInput, type SearchOutcome } from "./run-search.js";

export interface PartialOutcome {
  outcome: SearchOutcome;
  /** Threads found live that the mirror does not hold yet. */
  live: number;
}

export async function searchPartialMirror(
  store: MirrorStore,
  client: HostelMateClient,
  input: SearchInput & Pick<MirrorSearchInput, "channel">,
  liveChannel: string | undefined,
  call: CallOptions,
): Promise<PartialOutcome> {
  const upTo = input.offset + input.limit;
  const mirror = searchMirror(store, { ...input, offset: 0, limit: upTo, snippets: 0, storedOnly: true });
  const live = await runSearch(
    client,
    { ...input, channel: liveChannel, offset: 0, limit: upTo, snippets: 0 },
    call,
  );
  const held = new Set(mirror.ranked.map((entry) => entry.thread.id));
  const older = live.ranked.filter(
    (entry) => !held.has(entry.thread.id) && !holdsMessages(store.db, entry.thread.id),
  );
  const ranked = [...mirror.ranked, ...older];
  const page = ranked.slice(input.offset, upTo).slice(0, input.snippets);
  quoteFromStore(
    store,
    page.filter((entry) => held.has(entry.thread.id)),
    mirrorQueryGroups(input.query),
  );
  return {
    outcome: {
      ...live,
      searched: mirror.searched,
      parsed: mirror.parsed,
      found: mirror.found + older.length,
      ranked,
      unquoted: { budget: 0, failed: 0 },
      widened: mirror.widened ?? [],
    },
    live: older.length,
  };
}
