// Completion of thread ids for the prompt and the thread resource: the recent threads whose id
// starts with, or whose guest name contains, what the user has typed so far.
import type { HostelMateClient } from "./api/client.js";
import type { Logger } from "./log.js";

const RECENT_THREADS = 50;
const MAX_SUGGESTIONS = 20;

export async function completeThreadId(
  client: HostelMateClient,
  typed: string,
  logger: Logger,
): Promise<string[]> {
  const needle = typed.trim().toLocaleLowerCase();
  try {
    const page = await client.listConversations({ limit: RECENT_THREADS, offset: 0 });
    return page.results
      .filter(
        (thread) =>
          needle === "" ||
          thread.id.toLowerCase().startsWith(needle) ||
          (thread.guest_name?.toLocaleLowerCase().includes(needle) ?? false),
      )
      .slice(0, MAX_SUGGESTIONS)
      .map((thread) => thread.id);
  } catch (error) {
    // Completion is a convenience: a failure here must not surface as an error dialog.
    logger.debug(`thread id completion failed: ${error instanceof Error ? error.name : String(error)}`);
    return [];
  }
}
