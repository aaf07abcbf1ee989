import { describe, expect, it } from "vitest";
import { describeFreshness } from "../../src/format/freshness.js";
import type { MirrorStats } from "../../src/mirror/store.js";

const base: MirrorStats = {
  threads: 2914,
  messages: 20_000,
  threadsWithMessages: 2914,
  firstSyncDone: true,
  lastCheckAt: Date.parse("2026-11-24T14:02:30Z"),
  listTotal: 2914,
  completeSince: "2023-01-04T10:00:00.000Z",
};
const now = new Date("2026-11-24T14:03:00Z");

describe("describeFreshness", () => {
  it("says a complete mirror holds all threads, as of the last check in the property's zone", () => {
    expect(describeFreshness(base, "UTC", now)).toBe("all 2,914 threads, as of 14:02");
    expect(describeFreshness(base, "Asia/Tokyo", now)).toBe("all 2,914 threads, as of 23:02");
    // Past midnight in Tokyo the check was yesterday there.
    expect(describeFreshness(base, "Asia/Tokyo", new Date("2026-11-24T15:30:00Z"))).toBe(
      "all 2,914 threads, as of 24 Nov 23:02",
    );
  });

  it("says how far a first sync got and since when its threads are whole", () => {
    const partial = {
      ...base,
      firstSyncDone: false,
      threadsWithMessages: 1166,
      completeSince: "2026-10-03T08:00:00.000Z",
    };
    expect(describeFreshness(partial, "UTC", now)).toBe("first sync 40 % done: threads since 3 Oct");
    expect(describeFreshness({ ...partial, completeSince: "2025-10-03T08:00:00.000Z" }, "UTC", now)).toBe(
      "first sync 40 % done: threads since 3 Oct 2025",
    );
    expect(describeFreshness({ ...partial, threadsWithMessages: 0, completeSince: null }, "UTC", now)).toBe(
      "first sync just started: no threads yet",
    );
  });
});
