// Times for the model: absolute to the minute in the property's time zone, plus a short relative
// form from one clock.

import { sliceWhole } from "../text/text.js";
import { formatWallTime, offsetMinutes, utcOffsetLabel, wallTimeAt } from "./zoned-time.js";

export type Clock = () => Date;

const UTC_ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?Z$/;
export const systemClock: Clock = () => new Date();

// An ISO date and time without an offset. The API's times are UTC, but Date.parse reads this form in
// the server machine's zone, which would shift it by that zone's offset under a "UTC" label.
const WITHOUT_OFFSET = /^\s*(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*$/;

/** A time from the API as milliseconds since the epoch, NaN when unreadable; without an offset it is UTC. */
export function parseApiTime(iso: string): number {
  const noOffset = WITHOUT_OFFSET.exec(iso);
  return Date.parse(noOffset ? `${noOffset[1]}T${noOffset[2]}Z` : iso);
}

/**
 * `2025-11-02T23:41:07Z` → `2025-11-02 23:41` in UTC, `2025-11-03 08:41` in Asia/Tokyo, or
 * `11-03 08:41` when the reader has been told the year already. Anything unparseable is shown as it
 * came, on one line.
 */
export function shortTime(iso: string | null, timeZone: string, knownYear?: number): string {
  if (!iso) return "time unknown";
  // The API's usual form in UTC needs no Date: a page shows dozens of these.
  if (timeZone === "UTC" && UTC_ISO.test(iso)) {
    const full = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    return Number(iso.slice(0, 4)) === knownYear ? full.slice(5) : full;
  }
  const ms = parseApiTime(iso);
  if (Number.isNaN(ms)) return sliceWhole(iso.replace(/\s+/g, " ").replaceAll("|", "/"), 40);
  const date = new Date(ms);
  // UTC is printed without Intl, whose zone data costs the first call tens of milliseconds.
  const full =
    timeZone === "UTC" ? date.toISOString().slice(0, 16).replace("T", " ") : formatWallTime(date, timeZone);
  return yearIn(ms, timeZone) === knownYear ? full.slice(full.indexOf("-", 1) + 1) : full;
}

/** The one year all these times fall in, in the zone, if they share one: a header can then say it once. */
export function sharedYear(times: readonly (string | null)[], timeZone: string): number | undefined {
  const years = new Set(times.map((iso) => yearOf(iso, timeZone)));
  const [year] = years;
  return years.size === 1 && year !== undefined && !Number.isNaN(year) ? year : undefined;
}

/** The year of a time in the zone, read from its digits when it has the API's usual form in UTC. */
function yearOf(iso: string | null, timeZone: string): number {
  if (!iso) return Number.NaN;
  if (timeZone === "UTC" && UTC_ISO.test(iso)) return Number(iso.slice(0, 4));
  const ms = parseApiTime(iso);
  return Number.isNaN(ms) ? ms : yearIn(ms, timeZone);
}

function yearIn(ms: number, timeZone: string): number {
  return timeZone === "UTC" ? new Date(ms).getUTCFullYear() : wallTimeAt(new Date(ms), timeZone).year;
}

/**
 * What a header says of its times, once: `times UTC 2026`, `times Asia/Tokyo (UTC+9) 2025`, or
 * `times America/New_York (UTC-5/-4) 2026` for a page across a clock change. The offset lets the
 * model relate the property's times to UTC and to its own sense of now.
 */
export function timesNote(
  timeZone: string,
  times: readonly (string | null)[],
  year: number | undefined,
): string {
  const yearPart = year === undefined ? "" : ` ${year}`;
  if (timeZone === "UTC") return `times UTC${yearPart}`;
  const offsets = new Set<number>();
  for (const iso of times) {
    const ms = iso ? parseApiTime(iso) : Number.NaN;
    if (!Number.isNaN(ms)) offsets.add(offsetMinutes(ms, timeZone));
  }
  const labels = [...offsets].sort((a, b) => a - b).map(utcOffsetLabel);
  const offset = labels.length ? ` (${labels.join("/").replaceAll("/UTC", "/")})` : "";
  return `times ${timeZone}${offset}${yearPart}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `3h ago`, `2d ago`, `just now`; `in 5m` for times ahead of the clock (OTA clocks drift). */
export function relativeTime(iso: string | null, now: Date): string | undefined {
  if (!iso) return undefined;
  const ms = parseApiTime(iso);
  if (Number.isNaN(ms)) return undefined;
  const delta = now.getTime() - ms;
  const size = Math.abs(delta);
  if (size < MINUTE) return "just now";
  const amount =
    size < HOUR
      ? `${Math.floor(size / MINUTE)}m`
      : size < DAY
        ? `${Math.floor(size / HOUR)}h`
        : size < 60 * DAY
          ? `${Math.floor(size / DAY)}d`
          : `${Math.floor(size / (30 * DAY))}mo`;
  return delta >= 0 ? `${amount} ago` : `in ${amount}`;
}
