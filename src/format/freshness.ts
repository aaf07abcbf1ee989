// How complete and fresh an answer from the mirror is, in a few words the model passes on:
// "all 2,914 threads, as of 14:02" or "first sync 40 % done: threads since 3 Oct". Times are the
// property's, in its time zone.
import type { MirrorStats } from "../mirror/store.js";
import { wallTimeAt } from "../time/zoned-time.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function day(instant: Date, timeZone: string, withYear: boolean): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${wall.day} ${MONTHS[wall.month - 1]}${withYear ? ` ${wall.year}` : ""}`;
}

/** "14:02" today, "23 Nov 14:02" another day of this year, with the year before that. */
function asOf(instant: Date, now: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  const today = wallTimeAt(now, timeZone);
  const clock = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
  if (wall.year === today.year && wall.month === today.month && wall.day === today.day) return clock;
  return `${day(instant, timeZone, wall.year !== today.year)} ${clock}`;
}

export function describeFreshness(stats: MirrorStats, timeZone: string, now: Date): string {
  const count = (n: number) => n.toLocaleString("en-US");
  if (stats.firstSyncDone) {
    const threads = `all ${count(stats.threads)} thread${stats.threads === 1 ? "" : "s"}`;
    return stats.lastCheckAt === null
      ? threads
      : `${threads}, as of ${asOf(new Date(stats.lastCheckAt), now, timeZone)}`;
  }
  const total = Math.max(stats.listTotal ?? stats.threads, stats.threadsWithMessages);
  if (total === 0 || stats.threadsWithMessages === 0) return "first sync just started: no threads yet";
  // Floored, so that 99.6 % is not called done.
  const percent = Math.floor((stats.threadsWithMessages / total) * 100);
  const since = stats.completeSince === null ? null : Date.parse(stats.completeSince);
  const from =
    since === null || Number.isNaN(since)
      ? ""
      : `: threads since ${day(new Date(since), timeZone, wallTimeAt(new Date(since), timeZone).year !== wallTimeAt(now, timeZone).year)}`;
  return `first sync ${percent} % done${from}`;
}
