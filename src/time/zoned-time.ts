// Wall-clock time in an IANA time zone, both ways, with the platform's own zone data (Intl).

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's own spelling of its name ("asia/tokyo" → "Asia/Tokyo"); an offset of zero is UTC. */
export function canonicalTimeZone(timeZone: string): string {
  const name = formatter(timeZone).resolvedOptions().timeZone;
  return /^[+-]00(:?00)?$/.test(name) ? "UTC" : name;
}

/**
 * The zone this computer is set to (TZ, /etc/localtime, the system setting), or UTC when it has none
 * Intl can use ("Etc/Unknown" for an empty TZ, nothing for a TZ it cannot read). Loading Intl costs
 * a start tens of milliseconds, so this is called when a time is first printed, not at start.
 */
export function machineTimeZone(): string {
  let zone: string | undefined;
  try {
    zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    zone = undefined;
  }
  return zone && zone !== "Etc/Unknown" && isValidTimeZone(zone) ? canonicalTimeZone(zone) : "UTC";
}

export function wallTimeAt(instant: Date, timeZone: string): WallTime & { second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .filter((part) => part.type !== "literal")
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutes(instant: number, timeZone: string): number {
  const wall = wallTimeAt(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time in the zone stands for (on a DST change, the first valid one). */
export function wallTimeToInstant(wall: WallTime, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = naive - offsetMinutes(naive, timeZone) * 60_000;
  const second = naive - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second);
}

/** `UTC+9`, `UTC-3:30`, `UTC+0`: an offset in minutes as people write it. */
export function utcOffsetLabel(minutes: number): string {
  const size = Math.abs(minutes);
  const hours = Math.floor(size / 60);
  const rest = size % 60;
  return `UTC${minutes < 0 ? "-" : "+"}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

export function formatWallTime(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${String(wall.year).padStart(4, "0")}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}
