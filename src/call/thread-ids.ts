// Short thread ids. A full UUID is a third of a thread list's tokens, and a model copying 36
// characters may corrupt one: the text prints each thread id as its shortest prefix of at least 8
// characters that no other thread id this server knows starts with, and every tool, resource and
// the prompt take such a prefix back. The ids known are the mirror's threads, when it is on, and the
// threads this server has read from Hostel Mate (remembered here, one book per server).
// structuredContent keeps full ids.
import type {
  CallOptions,
  GetMessagesQuery,
  HostelMateClient,
  ListConversationsQuery,
} from "../api/client.js";
import { cleanId, isUuid, UUIDS } from "../api/ids.js";
import { UserInputError } from "../errors/input.js";
import type { ShortenIds } from "../format/short-ids.js";
import { activityOf, type MirrorStore } from "../mirror/store.js";
import { type IdCandidate, neighbourIds, threadsWithPrefix } from "../mirror/thread-ids.js";
import { oneLine } from "../text/guest-text.js";
import { clip } from "../text/text.js";
import { shortTime } from "../time/time.js";

/** The fewest characters of an id printed: 8 hex digits leave one chance in 4 billion of a clash. */
export const SHORT_ID_MIN = 8;
/** Ids remembered without the mirror; the oldest seen are forgotten first. */
const REMEMBERED_IDS = 20_000;
/** Candidates an ambiguous prefix's answer lists. */
const CANDIDATES_SHOWN = 5;
const TEMPLATE = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

/** Whether `text` (cleaned: lower case) is the start of a UUID, at least SHORT_ID_MIN characters long. */
export function isIdPrefix(text: string): boolean {
  if (text.length < SHORT_ID_MIN || text.length > TEMPLATE.length) return false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (TEMPLATE[index] === "-" ? char !== "-" : !/[0-9a-f]/.test(char)) return false;
  }
  return true;
}

function sharedLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return length;
}

/** The first index in `sorted` whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Remembered {
  guestName: string | null;
  lastActivity: string | null;
}

export class ThreadIdBook {
  /** Ids seen, in the order last seen (a Map keeps it), with what an ambiguous answer names. */
  private readonly seen = new Map<string, Remembered>();
  /** The same ids, sorted: an id's longest shared prefix is with one of its two neighbours. */
  private readonly sorted: string[] = [];
  /** Grows with each id learnt: a shortener's remembered forms are stale once it has. */
  private version = 0;

  /** `mirror` gives the mirror's store while the mirror is on. */
  constructor(private readonly mirror: () => MirrorStore | undefined = () => undefined) {}

  /** Remembers a thread this server read; ids that are no UUID are never printed short. */
  remember(id: string, about: Partial<Remembered> = {}): void {
    const key = id.toLowerCase();
    if (!isUuid(key)) return;
    const before = this.seen.get(key);
    if (before) this.seen.delete(key);
    this.seen.set(key, {
      guestName: about.guestName === undefined ? (before?.guestName ?? null) : clipName(about.guestName),
      lastActivity: about.lastActivity ?? before?.lastActivity ?? null,
    });
    if (before) return;
    this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    this.version += 1;
    if (this.seen.size > REMEMBERED_IDS) {
      const oldest = this.seen.keys().next().value as string;
      this.seen.delete(oldest);
      this.sorted.splice(lowerBound(this.sorted, oldest), 1);
    }
  }

  /** The client with every thread it reads remembered: the ids a text may print come from it. */
  watch(client: HostelMateClient): HostelMateClient {
    return {
      listConversations: async (query: ListConversationsQuery, options?: CallOptions) => {
        const page = await client.listConversations(query, options);
        for (const thread of page.results)
          this.remember(thread.id, { guestName: thread.guest_name, lastActivity: activityOf(thread) });
        return page;
      },
      getMessages: async (threadId: string, query: GetMessagesQuery, options?: CallOptions) => {
        const page = await client.getMessages(threadId, query, options);
        this.remember(threadId);
        return page;
      },
    };
  }

  /** The shortest prefix of `id` (at least SHORT_ID_MIN characters) no other known id starts with. */
  shortForm(id: string): string {
    const key = id.toLowerCase();
    let shared = 0;
    for (const other of [
      ...this.bookNeighbours(key),
      ...this.mirrorRead((store) => neighbourIds(store, key), []),
    ])
      shared = Math.max(shared, sharedLength(key, other));
    let length = Math.max(SHORT_ID_MIN, shared + 1);
    // A prefix never ends on a dash: it would read as a cut-off id.
    if (key[length - 1] === "-") length += 1;
    return length >= key.length ? key : key.slice(0, length);
  }

  /**
   * What prints the thread ids this server knows short, for one call. Forms are kept for the call,
   * until the book learns another id (which may lengthen some).
   */
  shortener(): ShortenIds {
    const forms = new Map<string, string>();
    let version = this.version;
    return (text) => {
      if (version !== this.version) {
        forms.clear();
        version = this.version;
      }
      return text.replace(UUIDS, (match) => {
        const key = match.toLowerCase();
        let form = forms.get(key);
        if (form === undefined) {
          form = this.knows(key) ? this.shortForm(key) : match;
          forms.set(key, form);
        }
        return form;
      });
    };
  }

  /**
   * The full id `given` stands for: a full id as it is, a prefix as the one known thread whose id
   * starts with it. A prefix of none or of several is an input error that says what to do.
   */
  resolve(given: string, timeZone: string): string {
    const prefix = cleanId(given);
    if (isUuid(prefix) || !isIdPrefix(prefix)) return prefix;
    const candidates = this.candidates(prefix, CANDIDATES_SHOWN + 1);
    if (candidates.length === 1) return (candidates[0] as IdCandidate).id;
    if (candidates.length === 0) throw new UserInputError(this.unknownSentence(prefix));
    const count =
      candidates.length > CANDIDATES_SHOWN ? `more than ${CANDIDATES_SHOWN}` : String(candidates.length);
    const listed = candidates.slice(0, CANDIDATES_SHOWN).map((candidate) => {
      const guest = candidate.guestName ? candidate.guestName : "unknown guest";
      const when = candidate.lastActivity ? shortTime(candidate.lastActivity, timeZone) : "time unknown";
      return `${candidate.id} (${guest}, last activity ${when})`;
    });
    throw new UserInputError(
      `The thread id ${prefix} fits ${count} conversations; give one of these ids instead: ${listed.join("; ")}.`,
    );
  }

  private unknownSentence(prefix: string): string {
    const store = this.mirror();
    if (!store)
      return `No thread I know has an id starting with ${prefix}. I only know ids of threads I've listed; list or search first, or give the full id.`;
    const stillReading = this.mirrorRead((mirror) => !mirror.stats().firstSyncDone, false);
    return stillReading
      ? `No thread I know has an id starting with ${prefix}. The first sync of the inbox has not reached every thread yet: list or search first, or give the full id.`
      : `No conversation has an id starting with ${prefix}. Check the id on the line it came from, or find the thread with list_conversations or search_conversations.`;
  }

  private knows(key: string): boolean {
    return this.seen.has(key) || this.mirrorRead((store) => store.hasThread(key), false);
  }

  private bookNeighbours(key: string): string[] {
    const at = lowerBound(this.sorted, key);
    const after = this.sorted[at] === key ? at + 1 : at;
    return [this.sorted[at - 1], this.sorted[after]].filter((other): other is string => other !== undefined);
  }

  /** Known threads whose id starts with `prefix`, up to `limit`, what the mirror says of each preferred. */
  private candidates(prefix: string, limit: number): IdCandidate[] {
    const found = new Map<string, IdCandidate>();
    for (const candidate of this.mirrorRead((store) => threadsWithPrefix(store, prefix, limit), []))
      found.set(candidate.id, { ...candidate, guestName: clipName(candidate.guestName) });
    for (let at = lowerBound(this.sorted, prefix); found.size < limit; at += 1) {
      const id = this.sorted[at];
      if (id === undefined || !id.startsWith(prefix)) break;
      if (!found.has(id)) found.set(id, { id, ...(this.seen.get(id) as Remembered) });
    }
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  /** A read of the mirror; without one, or when its file fails, the answer goes on without it. */
  private mirrorRead<T>(read: (store: MirrorStore) => T, otherwise: T): T {
    const store = this.mirror();
    if (!store) return otherwise;
    try {
      return read(store);
    } catch {
      return otherwise;
    }
  }
}

/** A guest name as an answer about ids prints it: one line, short, holding no id of its own. */
function clipName(name: string | null): string | null {
  if (!name) return null;
  const line = oneLine(name).replace(UUIDS, "…").trim();
  return line ? clip(line, 40) : null;
}
