// The API's times are UTC; one written without an offset ("2026-11-24T17:00:00") must not be read in
// the server machine's own zone, which is what Date.parse does with it. Each test runs in zones
// either side of UTC, set on this process.
import { afterEach, describe, expect, it } from "vitest";
import { parseApiTime, relativeTime, sharedYear, shortTime } from "../../src/time/time.js";
import { machineTimeZone } from "../../src/time/zoned-time.js";
import { matchesFilters } from "../../src/triage/filters.js";
import { conversation, lastMessage } from "../fixtures.js";

const SERVER_ZONES = ["America/New_York", "Asia/Tokyo", "Pacific/Auckland"];
const originalZone = process.env.TZ;

function inZone(zone: string): void {
  // Node reads TZ again when it is set: later Dates are in this zone.
  process.env.TZ = zone;
  expect(new Date(2026, 10, 24).getTimezoneOffset(), zone).not.toBe(0);
}

afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe("API times without an offset, on a server outside UTC", () => {
  it("are parsed as UTC, with a T or a space, with or without seconds and fractions", () => {
    const utc = Date.parse("2026-11-24T17:00:00Z");
    for (const zone of SERVER_ZONES) {
      inZone(zone);
      expect(parseApiTime("2026-11-24T17:00:00"), zone).toBe(utc);
      expect(parseApiTime("2026-11-24 17:00:00"), zone).toBe(utc);
      expect(parseApiTime("2026-11-24T17:00"), zone).toBe(utc);
      expect(parseApiTime(" 2026-11-24t17:00:00.5 "), zone).toBe(utc + 500);
      expect(parseApiTime("2026-11-24T19:00:00+02:00"), zone).toBe(utc);
      expect(parseApiTime("2026-11-24T17:00:00Z"), zone).toBe(utc);
      expect(parseApiTime("2026-11-24"), zone).toBe(Date.parse("2026-11-24T00:00:00Z"));
      expect(parseApiTime("soon"), zone).toBeNaN();
    }
  });

  it("are printed as the UTC time they are", () => {
    for (const zone of SERVER_ZONES) {
      inZone(zone);
      expect(shortTime("2026-11-24T17:00:00", "UTC"), zone).toBe("2026-11-24 17:00");
      expect(shortTime("2026-11-24 17:00:00.123456", "UTC", 2026), zone).toBe("11-24 17:00");
      expect(shortTime("2026-11-24T17:00", "UTC"), zone).toBe("2026-11-24 17:00");
    }
  });

  it("are as old as they are", () => {
    const now = new Date("2026-11-24T18:00:00Z");
    for (const zone of SERVER_ZONES) {
      inZone(zone);
      expect(relativeTime("2026-11-24T17:00:00", now), zone).toBe("1h ago");
      expect(relativeTime("2026-11-24 17:59:30", now), zone).toBe("just now");
    }
  });

  it("fall in their own UTC year", () => {
    for (const zone of SERVER_ZONES) {
      inZone(zone);
      expect(sharedYear(["2027-01-01T00:30:00", "2027-06-01T12:00:00Z"], "UTC"), zone).toBe(2027);
      expect(sharedYear(["2026-12-31T23:30:00", "2026-06-01T12:00:00Z"], "UTC"), zone).toBe(2026);
    }
  });

  it("are inside a date filter's range exactly when their UTC time is", () => {
    const thread = conversation({ last_message: { ...lastMessage, created_at: "2026-11-24T17:00:00" } });
    const around = {
      from: new Date("2026-11-24T16:30:00Z"),
      to: new Date("2026-11-24T17:30:00Z"),
      label: "",
      notes: [],
    };
    const after = { from: new Date("2026-11-24T17:30:00Z"), label: "", notes: [] };
    for (const zone of SERVER_ZONES) {
      inZone(zone);
      expect(matchesFilters(thread, { range: around }), zone).toBe(true);
      expect(matchesFilters(thread, { range: after }), zone).toBe(false);
    }
  });

  it("leave times with an offset as they are", () => {
    for (const zone of SERVER_ZONES) {
      inZone(zone);
      expect(shortTime("2026-11-24T19:00:00+02:00", "UTC"), zone).toBe("2026-11-24 17:00");
      expect(shortTime("Tue, 24 Nov 2026 13:00:00 GMT", "UTC"), zone).toBe("2026-11-24 13:00");
      expect(relativeTime("2026-11-24T12:00:00-05:00", new Date("2026-11-24T18:00:00Z")), zone).toBe(
        "1h ago",
      );
    }
  });
});

describe("this computer's zone, the default when HOSTELMATE_TIMEZONE is not set", () => {
  it("is read from the system (here TZ), in its own spelling", () => {
    for (const zone of [...SERVER_ZONES, "Europe/Lisbon"]) {
      process.env.TZ = zone;
      expect(machineTimeZone()).toBe(zone);
    }
  });

  it("is UTC when the system's zone is missing or unreadable", () => {
    for (const zone of ["", "Mars/Olympus", ":/nowhere"]) {
      process.env.TZ = zone;
      expect(machineTimeZone(), JSON.stringify(zone)).toBe("UTC");
    }
  });
});
