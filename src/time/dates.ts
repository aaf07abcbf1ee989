// `since` and `until` as a person or a model writes them — an ISO date or time, or words like
// "yesterday", "last week", "3 days ago", "since Monday" — resolved in the property's time zone.
// "last week" is the previous calendar week (see calendar-week.ts); the rest is chrono's reading.
// chrono-node is loaded on first use: most calls have no dates, and start-up time matters.
import type { ParsedResult } from "chrono-node";
import { UserInputError } from "../errors/input.js";
import { type Day, previousWeek } from "./calendar-week.js";
import { formatWallTime, type WallTime, wallTimeAt, wallTimeToInstant } from "./zoned-time.js";

/**
 * The earliest day a bound can name: Hostel Mate holds no message before it, and a bound far enough
 * back ("99999999 days ago") is no date at all, or one printed as the year 55822.
 */
export const EARLIEST_DATE = { year: 2000, month: 1, day: 1 } as const;
/** How far ahead a bound can name: later ones are read as this far, since no message is from the future. */
export const MAX_YEARS_AHEAD = 1;

export interface DateRange {
  /** Inclusive bounds; a missing bound is open. */
  from?: Date;
  to?: Date;
  /** The resolved range as the model should read it, e.g. `2026-11-18 00:00 → 2026-11-25 23:59 Europe/Lisbon`. */
  label: string;
  /** Said beside the result, e.g. that a date looks like last year by mistake. */
  notes: string[];
}

type Chrono = typeof import("chrono-node");
let chronoModule: Promise<Chrono> | undefined;
function loadChrono(): Promise<Chrono> {
  chronoModule ??= import("chrono-node");
  return chronoModule;
}

// Words that frame a bound rather than name a time: "since Monday", "before Friday".
const FRAMING = /^(since|from|after|starting|until|till|til|before|up to|through|by)\s+/i;

function unframed(text: string): string {
  return text.trim().replace(FRAMING, "");
}

async function parseMoment(text: string, reference: Date): Promise<ParsedResult | undefined> {
  const chrono = await loadChrono();
  const cleaned = unframed(text);
  // The reference is the zone's wall-clock written as UTC, so results come out in wall-clock terms.
  const ref = { instant: reference, timezone: 0 };
  for (const parser of [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.it, chrono.pt]) {
    const [result] = parser.parse(cleaned, ref);
    if (result && result.index === 0 && result.text.length >= cleaned.length - 1) return result;
  }
  return undefined;
}

function wallOf(result: ParsedResult): WallTime {
  const get = (component: "year" | "month" | "day" | "hour" | "minute") => result.start.get(component) ?? 0;
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

function writesYear(text: string, year: number): boolean {
  return new RegExp(`(?<!\\d)${year}(?!\\d)`).test(text);
}

interface Bound {
  instant: Date;
  /** The day it was clamped to, when the text named a time before EARLIEST_DATE or too far ahead. */
  clampedTo?: string;
}

/** The bound within what Hostel Mate can hold; a time too far to be a date at all counts as too far. */
async function clampBound(
  text: string,
  instant: Date,
  now: Date,
  timeZone: string,
  reference: Date,
): Promise<Bound> {
  const earliest = wallTimeToInstant({ ...EARLIEST_DATE, hour: 0, minute: 0 }, timeZone);
  const nowWall = wallTimeAt(now, timeZone);
  const latest = wallTimeToInstant({ ...nowWall, year: nowWall.year + MAX_YEARS_AHEAD }, timeZone);
  const time = instant.getTime();
  // Past what a Date holds: which way it went is what the same words say with a small number.
  const early = Number.isNaN(time)
    ? ((await parseMoment(text.replace(/\d+/g, "1"), reference))?.start.date().getTime() ?? 0) <
      reference.getTime()
    : time < earliest.getTime();
  if (early) return { instant: earliest, clampedTo: formatWallTime(earliest, timeZone).slice(0, 10) };
  if (Number.isNaN(time) || time > latest.getTime()) {
    return { instant: latest, clampedTo: formatWallTime(latest, timeZone).slice(0, 10) };
  }
  return { instant };
}

async function resolveBound(
  name: "since" | "until",
  text: string,
  now: Date,
  timeZone: string,
  notes: string[],
): Promise<Bound> {
  const nowWall = wallTimeAt(now, timeZone);
  const reference = new Date(
    Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day, nowWall.hour, nowWall.minute),
  );
  const instant = await resolveInstant(name, text, now, timeZone, notes);
  return clampBound(text, instant, now, timeZone, reference);
}

async function resolveInstant(
  name: "since" | "until",
  text: string,
  now: Date,
  timeZone: string,
  notes: string[],
): Promise<Date> {
  const nowWall = wallTimeAt(now, timeZone);
  const week = previousWeek(unframed(text), nowWall);
  if (week) return dayBound(name, name === "since" ? week.first : week.last, timeZone);
  const reference = new Date(
    Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day, nowWall.hour, nowWall.minute),
  );
  const result = await parseMoment(text, reference);
  if (!result) {
    throw new UserInputError(
      `${name}: could not read ${JSON.stringify(text.slice(0, 60))} as a date. Use a date like 2026-11-18, a time like 2026-11-18T09:00, or words like "yesterday", "3 days ago", "last week", "Monday".`,
    );
  }
  const start = result.start;
  const year = start.get("year") ?? nowWall.year;
  // Only a year the text spells out can be a slip: chrono is also certain of the year of
  // "yesterday" or "last week", which in early January rightly fall in the year before.
  if (year < nowWall.year && writesYear(text, year)) {
    notes.push(
      `${name} ${JSON.stringify(text)} is in ${year}; today is ${formatWallTime(now, timeZone).slice(0, 10)}. If you meant this year, ask again with ${nowWall.year}.`,
    );
  }
  // Too far for the zone's calendar ("99999999 days ago"): the farthest Date that way, or none when
  // chrono gives no year; clampBound takes both back to a day Hostel Mate can hold.
  const guessed = start.date().getTime();
  if (!(year >= 1000 && year <= 9999) || Number.isNaN(guessed)) {
    return new Date(Number.isNaN(year) ? Number.NaN : year < 1000 ? -8.64e15 : 8.64e15);
  }
  // A time counted back from now ("2 hours ago") is counted from the reference, the zone's wall-clock
  // written as UTC: the instant is the same distance back from the real now.
  if (result.tags().has("result/relativeDateAndTime")) {
    return new Date(now.getTime() + (start.date().getTime() - reference.getTime()));
  }
  // An explicit offset ("…Z", "+01:00", "9am UTC") is an exact instant.
  if (start.isCertain("timezoneOffset")) return start.date();
  const wall = wallOf(result);
  if (!start.isCertain("hour")) return dayBound(name, wall, timeZone);
  return wallTimeToInstant(wall, timeZone);
}

/** A day as a bound: since its first minute, until the end of its last. */
function dayBound(name: "since" | "until", day: Day, timeZone: string): Date {
  const since = name === "since";
  const instant = wallTimeToInstant({ ...day, hour: since ? 0 : 23, minute: since ? 0 : 59 }, timeZone);
  return since ? instant : new Date(instant.getTime() + 59_999);
}

export async function resolveDateRange(
  input: { since?: string | undefined; until?: string | undefined },
  now: Date,
  timeZone: string,
): Promise<DateRange | undefined> {
  if (!input.since && !input.until) return undefined;
  const notes: string[] = [];
  const since = input.since ? await resolveBound("since", input.since, now, timeZone, notes) : undefined;
  const until = input.until ? await resolveBound("until", input.until, now, timeZone, notes) : undefined;
  const from = since?.instant;
  const to = until?.instant;
  const clamped = [
    since?.clampedTo ? `since: clamped to ${since.clampedTo}` : "",
    until?.clampedTo ? `until: clamped to ${until.clampedTo}` : "",
  ].filter(Boolean);
  if (from && to && from > to) {
    throw new UserInputError(
      `since (${formatWallTime(from, timeZone)}) is after until (${formatWallTime(to, timeZone)}) in ${timeZone}: swap them or widen the range.`,
    );
  }
  const label = `${from ? formatWallTime(from, timeZone) : "the beginning"} → ${to ? formatWallTime(to, timeZone) : "now"} ${timeZone}${clamped.length ? ` (${clamped.join(", ")})` : ""}`;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), label, notes };
}
