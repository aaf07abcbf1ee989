// The mirror as a running server holds it: one store, the background sync (at start, and again
// before a search or triage answer once the last check is older than the interval), and what
// get_messages read live written through. No timer: an idle server makes no requests.
import type { HostelMateClient } from "../api/client.js";
import type { Message } from "../api/schemas.js";
import { type Logger, silentLogger } from "../log/log.js";
import { fingerprintOfMessages, type MirrorStore, STATE } from "./store.js";
import { PROCESS_HOLDER, type SyncReport, syncMirror } from "./sync.js";

/** HOSTELMATE_SYNC_INTERVAL_S's default: no answer from the mirror is older than this. */
export const DEFAULT_SYNC_INTERVAL_S = 60;

export interface MirrorOptions {
  client: HostelMateClient;
  store: MirrorStore;
  /** The longest a search or triage answer may lag behind the API, in ms. */
  intervalMs?: number;
  logger?: Logger;
  now?: () => number;
  holder?: string;
}

export class Mirror {
  readonly store: MirrorStore;
  private readonly options: MirrorOptions;
  private readonly stop = new AbortController();
  private running: Promise<SyncReport | null> | null = null;
  /** When the last sync failed: a search does not wait for another try within the interval. */
  private failedAt: number | null = null;

  constructor(options: MirrorOptions) {
    this.options = options;
    this.store = options.store;
  }

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Starts a sync unless one runs; resolves with its report, or null when it failed (logged). */
  sync(): Promise<SyncReport | null> {
    const logger = this.options.logger ?? silentLogger;
    this.running ??= syncMirror({
      client: this.options.client,
      store: this.store,
      holder: this.options.holder ?? PROCESS_HOLDER,
      signal: this.stop.signal,
      ...(this.options.now ? { now: this.options.now } : {}),
      logger,
    })
      .then((report) => {
        if (report.kind === "skipped")
          // Two servers of one manager (Claude Desktop and Claude Code) share the file and the API's limit.
          logger.debug(
            `mirror: sync skipped: another server holds the sync lease (${this.leaseHolder()}); this one answers from what that one writes`,
          );
        else
          logger.debug(
            `mirror: ${report.kind} sync, ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, ${report.changed} threads changed`,
          );
        return report;
      })
      .catch((error: unknown) => {
        // The next search or triage call tries again; meanwhile answers say how old the mirror is.
        this.failedAt = this.now;
        if (!this.stop.signal.aborted)
          logger.warn(`mirror: the sync stopped (${error instanceof Error ? error.message : String(error)})`);
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * Before a search or triage answer: syncs when the last check is older than the interval and waits
   * for it, unless the first sync is still under way (its answer says how far it got) or `signal`
   * fires first (the sync goes on in the background).
   */
  async ensureFresh(signal?: AbortSignal): Promise<void> {
    // Two sync_state reads, not stats(): its counts scan every message, and this runs before every answer.
    const lastCheck = this.store.state(STATE.lastCheckAt);
    const stats = {
      lastCheckAt: typeof lastCheck === "number" ? lastCheck : null,
      firstSyncDone: this.store.state(STATE.firstSyncDone) === true,
    };
    const intervalMs = this.options.intervalMs ?? DEFAULT_SYNC_INTERVAL_S * 1000;
    const fresh = stats.lastCheckAt !== null && this.now - stats.lastCheckAt < intervalMs;
    // An API that is down fails the sync again: the call's own request says so, once.
    const failedLately = this.failedAt !== null && this.now - this.failedAt < intervalMs;
    if ((fresh || failedLately) && !this.running) return;
    const sync = this.running ?? this.sync();
    if (!stats.firstSyncDone) return;
    if (!signal) return void (await sync);
    await Promise.race([
      sync,
      new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true })),
    ]);
  }

  /**
   * What get_messages read live, when it is the whole thread: stored as the thread's messages. A
   * thread the mirror has not listed yet is left to the sync, which also gives it its list row.
   */
  writeThrough(threadId: string, messages: readonly Message[]): void {
    try {
      if (!this.store.hasThread(threadId)) return;
      this.store.writeMessages(threadId, messages, fingerprintOfMessages(messages));
    } catch (error) {
      // The answer was read live and stands; a busy or broken file must not fail it.
      (this.options.logger ?? silentLogger).warn(
        `mirror: could not store thread ${threadId} (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  /** Who holds the lease now, for the log; a file that cannot be read now must not fail the sync. */
  private leaseHolder(): string {
    try {
      return this.store.leaseHolder(this.now) ?? "released since";
    } catch {
      return "unknown";
    }
  }

  /** Stops a sync under way (it releases the lease) and waits for it. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.running;
  }
}
