// `hostelmate-mcp sync`: one full sync of the inbox mirror in the foreground. Progress goes to
// stderr when it is a terminal; the summary (threads, messages, requests, time) to stdout. Exit 0,
// or 1 with the reason.
import type { HostelMateClient } from "../api/client.js";
import { describeError } from "../errors/describe.js";
import type { MirrorStore } from "../mirror/store.js";
import { type SyncProgress, syncMirror } from "../mirror/sync.js";

export interface SyncCommandOptions {
  client: HostelMateClient;
  store: MirrorStore;
  /** Where the mirror lives, for the summary ("in memory" for --demo). */
  where: string;
  stdout: (text: string) => void;
  /** The reason when it fails. */
  stderr: (text: string) => void;
  /** Progress, only when stderr is a terminal. */
  progress?: ((text: string) => void) | undefined;
  now?: () => number;
}

const count = (n: number) => n.toLocaleString("en-US");

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function progressLine({ phase, listed, total, threadsWithMessages, requests }: SyncProgress): string {
  const of = total === null ? "" : ` of ${count(total)}`;
  const percent = total ? ` (${Math.floor((Math.min(listed, total) / total) * 100)} %)` : "";
  return `\r${phase} sync: ${count(listed)}${of} threads listed${percent}, ${count(threadsWithMessages)} with messages, ${count(requests)} requests `;
}

export async function runSyncCommand(options: SyncCommandOptions): Promise<number> {
  const { progress } = options;
  try {
    const report = await syncMirror({
      client: options.client,
      store: options.store,
      full: true,
      ...(options.now ? { now: options.now } : {}),
      ...(progress ? { onProgress: (step: SyncProgress) => progress(progressLine(step)) } : {}),
    });
    progress?.("\n");
    if (report.kind === "skipped" || report.kind === "lost") {
      options.stderr(
        "Another hostelmate-mcp (Claude Desktop or Claude Code, say) is syncing this mirror now; it brings it up to date. Try again in a minute if you want this summary.\n",
      );
      return 1;
    }
    options.stdout(
      `Mirror ${options.where}: ${count(report.threads)} threads, ${count(report.messages)} messages; ${count(report.requests)} requests in ${seconds(report.durationMs)}.\n`,
    );
    return 0;
  } catch (error) {
    progress?.("\n");
    options.stderr(
      `The sync stopped: ${describeError(error)} What was read so far is kept; run it again to go on.\n`,
    );
    return 1;
  }
}
