// What the server's tools, prompts and resources share: the API client, the clock, the property
// notes and the log.
import type { HostelMateClient } from "../api/client.js";
import type { Logger } from "../log/log.js";
import type { NotesSource } from "../notes/notes.js";
import type { Clock } from "../time/time.js";

export interface ServerContext {
  client: HostelMateClient;
  clock: Clock;
  notes: NotesSource;
  logger: Logger;
  /** IANA time zone in which words like "yesterday" are read. */
  timeZone: string;
  /** The most one call may take, retries and waits included. */
  callBudgetMs: number;
}
