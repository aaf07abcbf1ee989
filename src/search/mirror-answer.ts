// Which way a search is answered when the server has a mirror: from the mirror once its first sync
// is done, searched while the freshness check is on the wire; from the mirror and Hostel Mate's own
// search while the first sync runs; live while it has nothing yet. Each way says so.
import type { CallOptions, HostelMateClient } from "../api/client.js";
import type { Mirror } from "../mirror/mirror.js";
import { mirrorGeneration } from "../mirror/search-index.js";
import { type MirrorStats, type MirrorStore, STATE } from "../mirror/store.js";
import { judgeThreads } from "./mirror-list.js";
import { type MirrorSearchInput, searchMirror, searchStats } from "./mirror-search.js";
import { searchPartialMirror } from "./partial-search.js";
import { runSearch, type SearchInput, type SearchOutcome } from "./run-search.js";

export interface MirrorAnswer {
  outcome: SearchOutcome;
  /** Where the answer comes from, for its heading. */
  source: string;
  notes: string[];
  /** Set when the mirror answered alone: where the data ends is read from it too. */
  store?: MirrorStore;
}

/**
 * The search from the mirror, brought up to date first. The search runs while the freshness check's
 * request is on the wire, and again only when the check changed what the mirror holds: a search
 * then takes about one round trip, not one plus its own time.
 */
async function searchWhileFreshening(
  mirror: Mirror,
  input: MirrorSearchInput,
  signal: AbortSignal | undefined,
): Promise<SearchOutcome> {
  const before = mirrorGeneration(mirror.store.db);
  const freshening = mirror.ensureFresh(signal);
  // One turn of the event loop, so that the request leaves before the search takes the thread.
  await new Promise((resolve) => setImmediate(resolve));
  const early = searchMirror(mirror.store, input);
  await freshening;
  return mirrorGeneration(mirror.store.db) === before ? early : searchMirror(mirror.store, input);
}

/**
 * The threads shown marked as list_conversations marks them from the mirror: who is waiting, from
 * each whole history, so a thread reads the same in a search as in a list.
 */
function markFromHistories(store: MirrorStore, outcome: SearchOutcome, input: SearchInput): SearchOutcome {
  const shown = outcome.ranked.slice(input.offset, input.offset + input.limit);
  const signalsOf = judgeThreads(
    store,
    shown.map((entry) => entry.thread),
  );
  for (const entry of shown) entry.signals = signalsOf(entry.thread, false);
  return outcome;
}

export async function searchWithMirror(
  mirror: Mirror,
  client: HostelMateClient,
  input: SearchInput,
  /** The channel as asked for: the mirror filters any channel, Hostel Mate only its own. */
  channel: string | undefined,
  call: CallOptions & { signal?: AbortSignal },
  describe: (stats: MirrorStats) => string,
): Promise<MirrorAnswer> {
  const mirrored = { ...input, channel };
  if (mirror.store.state(STATE.firstSyncDone) === true) {
    const outcome = await searchWhileFreshening(mirror, mirrored, call.signal);
    return {
      outcome: markFromHistories(mirror.store, outcome, input),
      source: `from the mirror (${describe(searchStats(mirror.store))})`,
      notes: [],
      store: mirror.store,
    };
  }
  // The first sync under way is not waited for: this only starts it again after a failure.
  await mirror.ensureFresh(call.signal);
  const stats = searchStats(mirror.store);
  if (stats.threadsWithMessages === 0)
    return {
      outcome: await runSearch(client, input, call),
      source: "",
      notes: [
        "Searched live in Hostel Mate: the mirror's first sync has just started and holds no thread yet.",
      ],
    };
  const freshness = describe(stats);
  const partial = await searchPartialMirror(mirror.store, client, mirrored, input.channel, call);
  const shown = partial.live
    ? `, and ${partial.live === 1 ? "the one found that way is" : `the ${partial.live} found that way are`} shown last, without quotes: read them with get_messages`
    : "";
  return {
    outcome: partial.outcome,
    source: `from the mirror (${freshness}) and live from Hostel Mate for older threads`,
    notes: [
      `The mirror's first sync is still under way (${freshness}): threads it holds were searched in it, the others live in Hostel Mate, word for word and without other languages${shown}.`,
    ],
  };
}
