// What a handler gets: the server's long-lived parts (the API client, the clock, the property notes,
// the log, the time zone) and this call's own (its cancellation, its deadline, its progress). The
// server makes one per call (src/server/server.ts); tools, prompts and resources all take the same.
import type { HostelMateClient } from "../api/client.js";
import type { Logger } from "../log/log.js";
import type { Mirror } from "../mirror/mirror.js";
import type { NotesSource } from "../notes/notes.js";
import type { Clock } from "../time/time.js";
import type { ThreadIdBook } from "./thread-ids.js";

/** The parts every call shares, made once when the server starts. */
export interface ServerContext {
  client: HostelMateClient;
  clock: Clock;
  notes: NotesSource;
  logger: Logger;
  /** IANA time zone in which words like "yesterday" are read. */
  timeZone: string;
  /**
   * The inbox mirror (src/mirror/), when there is one (HOSTELMATE_MIRROR not off and node:sqlite
   * present): handlers read it through this context beside the client.
   */
  mirror?: Mirror | undefined;
  /** The thread ids this server knows, for printing them short and reading short ones back. */
  threadIds: ThreadIdBook;
}

/**
 * One call's cancellation and deadline, as every upstream request of the call takes them (the HTTP
 * client's CallOptions): hand `call` on whole, so neither is ever left behind.
 */
export interface CallScope {
  /** Aborted when the MCP client cancels the call or its budget runs out. */
  signal: AbortSignal;
  /** When the call must be done by (milliseconds, as Date.now()): no retry starts that would end later. */
  deadline: number;
}

/** Reports progress of a long call (a scan, a search) to clients that asked for it. */
export type Progress = (progress: number, total?: number, message?: string) => void;

export interface CallContext extends ServerContext {
  call: CallScope;
  progress: Progress;
}
