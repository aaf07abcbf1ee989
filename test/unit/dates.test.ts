import { describe, expect, it } from "vitest";
import { UserInputError } from "../../src/errors/input.js";
import { EARLIEST_DATE, resolveDateRange } from "../../src/time/dates.js";
import { formatWallTime, wallTimeToInstant } from "../../src/time/zoned-time.js";

// A Wednesday, noon UTC: 07:00 in New York, 21:00 in Tokyo.
const NOW = new Date("2026-11-25T12:00:00Z");

async function range(since: string | undefined, until: string | undefined, zone: string) {
  const resolved = await resolveDateRange({ since, until }, NOW, zone);
  return {
    from: resolved?.from?.toISOString(),
    to: resolved?.to?.toISOString(),
    label: resolved?.label,
    notes: resolved?.notes,
  };
}

describe("since and until", () => {
  it.each([
    ["UTC", "2026-11-24T00:00:00.000Z", "2026-11-24T23:59:59.999Z"],
    ["America/New_York", "2026-11-24T05:00:00.000Z", "2026-11-25T04:59:59.999Z"],
    ["Asia/Tokyo", "2026-11-23T15:00:00.000Z", "2026-11-24T14:59:59.999Z"],
  ])("reads 'yesterday' as the property's yesterday in %s", async (zone, from, to) => {
    const result = await range("yesterday", "yesterday", zone);
    expect(result.from).toBe(from);
    expect(result.to).toBe(to);
  });

  it("echoes the resolved range in the property's time zone", async () => {
    expect((await range("last week", undefined, "Asia/Tokyo")).label).toBe(
      "2026-11-16 00:00 → now Asia/Tokyo",
    );
    expect((await range(undefined, "2026-11-20", "America/New_York")).label).toBe(
      "the beginning → 2026-11-20 23:59 America/New_York",
    );
  });

  it.each([
    ["3 days ago", "2026-11-22T00:00:00.000Z"],
    ["since Monday", "2026-11-23T00:00:00.000Z"],
    ["2026-11-18", "2026-11-18T00:00:00.000Z"],
    ["2026-11-18T09:30", "2026-11-18T09:30:00.000Z"],
    ["2026-11-18T09:30:00+02:00", "2026-11-18T07:30:00.000Z"],
    ["2 hours ago", "2026-11-25T10:00:00.000Z"],
    ["gestern", "2026-11-24T00:00:00.000Z"],
  ])("reads %j", async (since, from) => {
    expect((await range(since, undefined, "UTC")).from).toBe(from);
  });

  it.each(["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"])(
    "counts hours and minutes ago from the real now in %s",
    async (zone) => {
      const back = async (since: string) =>
        NOW.getTime() - Date.parse((await range(since, undefined, zone)).from ?? "");
      expect(await back("3 hours ago")).toBe(3 * 3_600_000);
      expect(await back("30 minutes ago")).toBe(30 * 60_000);
      expect(await back("last 24 hours")).toBe(24 * 3_600_000);
      expect(await back("vor 3 Stunden")).toBe(3 * 3_600_000);
      // Whole days still start at the property's midnight.
      const threeDaysBack = formatWallTime(new Date(NOW.getTime() - 3 * 86_400_000), zone).slice(0, 10);
      expect((await range("3 days ago", undefined, zone)).label).toBe(`${threeDaysBack} 00:00 → now ${zone}`);
    },
  );

  it("follows daylight saving time", async () => {
    // Lisbon moves from UTC+0 to UTC+1 on 29 March 2026.
    expect(
      wallTimeToInstant({ year: 2026, month: 3, day: 30, hour: 0, minute: 0 }, "Europe/Lisbon").toISOString(),
    ).toBe("2026-03-29T23:00:00.000Z");
    expect(formatWallTime(new Date("2026-07-01T12:00:00Z"), "Europe/Lisbon")).toBe("2026-07-01 13:00");
  });

  it("notes a past year that looks like a slip, with today's date", async () => {
    const { notes } = await range("2024-11-20", undefined, "UTC");
    expect(notes).toEqual([
      'since "2024-11-20" is in 2024; today is 2026-11-25. If you meant this year, ask again with 2026.',
    ]);
    expect((await range("2026-11-20", undefined, "UTC")).notes).toEqual([]);
  });

  it("refuses what it cannot read, and a range that ends before it starts", async () => {
    await expect(range("whenever", undefined, "UTC")).rejects.toThrow(UserInputError);
    await expect(range("whenever", undefined, "UTC")).rejects.toThrow(
      /since: could not read "whenever" as a date/,
    );
    await expect(range("today", "last week", "UTC")).rejects.toThrow(
      /since \(2026-11-25 00:00\) is after until/,
    );
  });

  it("has no range without since or until", async () => {
    expect(await resolveDateRange({}, NOW, "UTC")).toBeUndefined();
  });
});

describe("the stale-year note", () => {
  // New Year's Day: yesterday, last week and 3 days ago are all in the year before, rightly.
  const NEW_YEAR = new Date("2027-01-01T12:00:00Z");

  it.each(["yesterday", "last week", "3 days ago"])(
    "is not given for %j, which falls in last year by itself",
    async (since) => {
      const resolved = await resolveDateRange({ since }, NEW_YEAR, "UTC");
      expect(resolved?.from?.getUTCFullYear()).toBe(2026);
      expect(resolved?.notes).toEqual([]);
    },
  );

  it("is given for a date that writes out a past year", async () => {
    const resolved = await resolveDateRange({ since: "2025-11-20" }, new Date("2026-11-28T10:00:00Z"), "UTC");
    expect(resolved?.notes).toEqual([
      'since "2025-11-20" is in 2025; today is 2026-11-28. If you meant this year, ask again with 2026.',
    ]);
  });
});

describe("last week", () => {
  it("is the previous calendar week, Monday to Sunday, as since and as until", async () => {
    // NOW is Wednesday 25 November: last week ran from Monday 16 to Sunday 22.
    expect(await range("last week", "last week", "UTC")).toMatchObject({
      from: "2026-11-16T00:00:00.000Z",
      to: "2026-11-22T23:59:59.999Z",
      label: "2026-11-16 00:00 → 2026-11-22 23:59 UTC",
    });
    expect((await range("since last week", undefined, "UTC")).from).toBe("2026-11-16T00:00:00.000Z");
    expect((await range("letzte Woche", undefined, "UTC")).from).toBe("2026-11-16T00:00:00.000Z");
  });

  it.each([
    ["a Monday", "2026-11-23T09:00:00Z", "2026-11-16T00:00:00.000Z"],
    ["a Sunday", "2026-11-29T09:00:00Z", "2026-11-16T00:00:00.000Z"],
  ])("is the week before this one on %s", async (_, now, from) => {
    expect((await resolveDateRange({ since: "last week" }, new Date(now), "UTC"))?.from?.toISOString()).toBe(
      from,
    );
  });

  it("follows the property's calendar: Sunday evening in UTC is already Monday in Tokyo", async () => {
    const sundayEvening = new Date("2026-11-29T20:00:00Z");
    const utc = await resolveDateRange({ since: "last week", until: "last week" }, sundayEvening, "UTC");
    const tokyo = await resolveDateRange(
      { since: "last week", until: "last week" },
      sundayEvening,
      "Asia/Tokyo",
    );
    expect(utc?.label).toBe("2026-11-16 00:00 → 2026-11-22 23:59 UTC");
    expect(tokyo?.label).toBe("2026-11-23 00:00 → 2026-11-29 23:59 Asia/Tokyo");
    expect(tokyo?.from?.toISOString()).toBe("2026-11-22T15:00:00.000Z");
  });
});

describe("dates Hostel Mate cannot hold", () => {
  const EARLIEST_DAY = "2000-01-01";
  it("names the earliest date once", () => {
    expect(EARLIEST_DATE).toEqual({ year: 2000, month: 1, day: 1 });
  });

  it.each([
    ["99999999 days ago", "UTC", "2000-01-01T00:00:00.000Z"],
    ["10000 years ago", "UTC", "2000-01-01T00:00:00.000Z"],
    ["1900-01-01", "UTC", "2000-01-01T00:00:00.000Z"],
    ["10000 years ago", "America/New_York", "2000-01-01T05:00:00.000Z"],
  ])("clamps since %s to the earliest date, and says so (%s)", async (since, zone, from) => {
    const result = await range(since, undefined, zone);
    expect(result.from).toBe(from);
    expect(result.label).toBe(`2000-01-01 00:00 → now ${zone} (since: clamped to ${EARLIEST_DAY})`);
  });

  it("clamps until in the far past, and both bounds in the far future, naming each", async () => {
    const past = await range(undefined, "99999999 days ago", "UTC");
    expect(past.to).toBe("2000-01-01T00:00:00.000Z");
    expect(past.label).toBe(`the beginning → 2000-01-01 00:00 UTC (until: clamped to ${EARLIEST_DAY})`);
    const future = await range("in 10000 years", "9999-12-31", "UTC");
    expect(future.from).toBe("2027-11-25T12:00:00.000Z");
    expect(future.to).toBe("2027-11-25T12:00:00.000Z");
    expect(future.label).toBe(
      "2027-11-25 12:00 → 2027-11-25 12:00 UTC (since: clamped to 2027-11-25, until: clamped to 2027-11-25)",
    );
  });

  it("leaves dates it can hold as they are", async () => {
    expect((await range("2000-01-02", "in 2 days", "UTC")).label).toBe(
      "2000-01-02 00:00 → 2026-11-27 23:59 UTC",
    );
  });
});
