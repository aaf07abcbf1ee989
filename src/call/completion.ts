// Picking a thread by what a person types: the recent threads whose id starts with, or whose guest
// name contains, the text so far. A name matches without its accents ("Lucia" finds Lucía), as
// people type names on keyboards that have none.
import type { CallOptions, HostelMateClient } from "../api/client.js";
import { cleanId, UUIDS } from "../api/ids.js";
import type { Conversation } from "../api/schemas.js";
import { UserInputError } from "../errors/input.js";
import type { Logger } from "../log/log.js";
import { oneLine } from "../text/guest-text.js";
import { clip } from "../text/text.js";
import { shortTime } from "../time/time.js";
import { isIdPrefix, type ThreadIdBook } from "./thread-ids.js";

const RECENT_THREADS = 50;
const MAX_SUGGESTIONS = 20;

/** Lower case without accents, for matching what is typed against names. */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

async function recentThreadsMatching(
  client: HostelMateClient,
  typed: string,
  call: CallOptions = {},
): Promise<Conversation[]> {
  const needle = folded(typed.trim());
  const page = await client.listConversations({ limit: RECENT_THREADS, offset: 0 }, call);
  // Never more than asked for, whatever the API sends.
  return page.results
    .slice(0, RECENT_THREADS)
    .filter(
      (thread) =>
        needle === "" ||
        thread.id.toLowerCase().startsWith(needle) ||
        folded(thread.guest_name ?? "").includes(needle),
    );
}

/** Completion is a convenience: a failure here must not surface as an error dialog. */
async function suggest(
  typed: string,
  logger: Logger,
  find: () => Promise<Conversation[]>,
  show: (thread: Conversation) => string,
): Promise<string[]> {
  try {
    return (await find()).slice(0, MAX_SUGGESTIONS).map(show);
  } catch (error) {
    logger.debug(
      `thread completion for "${typed}" failed: ${error instanceof Error ? error.name : String(error)}`,
    );
    return [];
  }
}

/** Thread ids, short as the answers print them, for a resource URI, where nothing but the id may stand. */
export function completeThreadId(
  client: HostelMateClient,
  typed: string,
  logger: Logger,
  threadIds: ThreadIdBook,
): Promise<string[]> {
  return suggest(
    typed,
    logger,
    () => recentThreadsMatching(client, typed),
    (thread) => threadIds.shortForm(thread.id),
  );
}

/** Between the parts of a choice's label; the last part is the thread's id. */
const LABEL_SEPARATOR = " · ";

/**
 * "Guest · channel · last message · id": what a person needs to tell two threads of one guest apart,
 * the time in the property's zone, the id short as the answers print it.
 */
function choiceLabel(thread: Conversation, timeZone: string, threadIds: ThreadIdBook): string {
  // The guest wrote the name: an id inside it must not pass for the thread's, which comes last.
  const name = thread.guest_name ? clip(oneLine(thread.guest_name).replace(UUIDS, "…"), 40) : "unknown guest";
  const last = thread.last_message?.created_at;
  return [
    name,
    thread.channel ?? "unknown channel",
    last ? shortTime(last, timeZone) : "no messages",
    threadIds.shortForm(thread.id),
  ].join(LABEL_SEPARATOR);
}

/** Suggestions for a person choosing a thread in a client's prompt dialog; each ends with the id. */
export function completeThreadChoice(
  client: HostelMateClient,
  typed: string,
  logger: Logger,
  timeZone: string,
  threadIds: ThreadIdBook,
): Promise<string[]> {
  return suggest(
    typed,
    logger,
    () => recentThreadsMatching(client, typed),
    (thread) => choiceLabel(thread, timeZone, threadIds),
  );
}

/**
 * The thread a person chose: the last full id in what they gave, or the short id a suggestion ends
 * with, or else the one recent thread whose guest name contains it. None or several: a sentence that
 * says what to pick from.
 */
export async function resolveThreadChoice(
  client: HostelMateClient,
  chosen: string,
  timeZone: string,
  call: CallOptions,
  threadIds: ThreadIdBook,
): Promise<string> {
  const id = chosen.match(UUIDS)?.at(-1);
  if (id) return id.toLowerCase();
  const lastPart = cleanId(chosen.split(LABEL_SEPARATOR).at(-1) ?? "");
  if (isIdPrefix(lastPart)) return threadIds.resolve(lastPart, timeZone);
  const name = oneLine(chosen);
  const matches = name === "" ? [] : await recentThreadsMatching(client, name, call);
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length === 0) {
    throw new UserInputError(
      `No recent conversation has a guest named ${JSON.stringify(clip(name, 60))}. Pick one from the suggestions, or find its thread id with list_conversations or search_conversations.`,
    );
  }
  throw new UserInputError(
    `${matches.length} recent conversations match ${JSON.stringify(clip(name, 60))}; pick one of these: ${matches
      .slice(0, 5)
      .map((thread) => choiceLabel(thread, timeZone, threadIds))
      .join("; ")}.`,
  );
}
