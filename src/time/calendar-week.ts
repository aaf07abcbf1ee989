// "last week" as people mean it in a hostel's inbox: the previous calendar week, Monday to Sunday,
// in the property's time zone. chrono reads it as the single day seven days ago, which would make
// "since last week" start mid-week and "until last week" end on today's weekday.
import type { WallTime } from "./zoned-time.js";

export type Day = Pick<WallTime, "year" | "month" | "day">;

// The phrase in the six languages the date parser reads.
const LAST_WEEK =
  /^(last week|previous week|letzte woche|vorige woche|la semaine dernière|semaine dernière|la semana pasada|semana pasada|la settimana scorsa|settimana scorsa|a semana passada|semana passada)$/i;

function shift(day: Day, days: number): Day {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Monday and Sunday of the week before `today`'s, when the text names it; otherwise undefined. */
export function previousWeek(text: string, today: Day): { first: Day; last: Day } | undefined {
  if (!LAST_WEEK.test(text.trim().replace(/\s+/g, " "))) return undefined;
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const monday = shift(today, -((weekday + 6) % 7) - 7);
  return { first: monday, last: shift(monday, 6) };
}
