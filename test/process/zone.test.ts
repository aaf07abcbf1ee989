// Times in the hostel's own clock: every time the model sees (lists, transcripts, search quotes, the
// prompt, resources, completions) is printed in the property's zone, and each header names it once.
// A guest's "tonight" or "23:40" then means what the model thinks it means.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { sharedYear, shortTime, timesNote } from "../../src/time/time.js";
import { type Harness, shortId, startHarness, TEST_API_KEY, textOf } from "../helpers.js";
import type { Sandbox } from "../sandbox/server.js";
import { startSandbox } from "../sandbox/server.js";
import { ENTRY, initialize, run, textOfResult } from "../stdio-process.js";

// The sample inbox pinned to a Saturday in 2025, so that its days are the issue's: on 2025-11-20 in
// Tokyo (2025-11-19 15:00 → 2025-11-20 14:59 UTC) five threads had their last message, two of them
// on 2025-11-19 in UTC.
const ANCHOR = new Date("2025-11-22T09:00:00Z");
const MINUTE = 60_000;

function minutesBefore(anchor: Date, iso: string): number {
  return (anchor.getTime() - Date.parse(iso)) / MINUTE;
}

/** One thread whose messages were sent at these UTC times, a guest's and the staff's in turn. */
function seedAt(anchor: Date, times: readonly string[]): SeedThread[] {
  return [
    {
      key: "clock",
      channel: "WHATSAPP",
      guestName: "Ana Clock",
      subject: null,
      status: "OPEN",
      bookingKey: "clock",
      createdMinutesAgo: minutesBefore(anchor, times[0] ?? anchor.toISOString()) + 5,
      messages: times.map((iso, index) => ({
        direction: index % 2 === 0 ? "INBOUND" : "OUTBOUND",
        source: index % 2 === 0 ? "GUEST" : "MANUAL",
        content: index % 2 === 0 ? `Guest message ${index + 1}: can I check in at 23:40 tonight?` : "Sure!",
        minutesAgo: minutesBefore(anchor, iso),
      })),
    },
  ];
}

/** The thread lines of a list: every line after the heading that starts with a thread id. */
function threadLines(text: string): string[] {
  return text.split("\n").filter((line) => /^[0-9a-f]{8}[0-9a-f-]*\|/.test(line));
}

describe("times in Asia/Tokyo, through the server", () => {
  let harness: Harness;
  let zoe: string;

  beforeAll(async () => {
    harness = await startHarness({ anchor: ANCHOR, timeZone: "Asia/Tokyo" });
    zoe = harness.sandbox.threads.find((thread) => thread.guest_name === "Zoë Müller")?.id ?? "";
  });
  afterAll(() => harness.close());

  it("lists the threads of 2025-11-20 in Tokyo with times printed on 11-20, the heading naming the zone", async () => {
    const text = textOf(
      await harness.call("list_conversations", { since: "2025-11-20", until: "2025-11-20", limit: 100 }),
    );
    const [heading = ""] = text.split("\n");
    expect(heading).toContain("· times Asia/Tokyo (UTC+9) 2025 ·");
    expect(text).not.toContain("UTC ");
    const from = Date.parse("2025-11-19T15:00:00Z");
    const to = Date.parse("2025-11-20T15:00:00Z");
    const expected = harness.sandbox.threads.filter((thread) => {
      const last = Date.parse(thread.messages.at(-1)?.created_at ?? thread.created_at);
      return last >= from && last < to;
    });
    expect(expected.length).toBe(5);
    const lines = threadLines(text);
    expect(lines.map((line) => line.split("|")[0]).sort()).toEqual(
      expected.map((thread) => shortId(thread.id)).sort(),
    );
    // The last field: who wrote last, then the time ("NEEDS REPLY 11-20 07:55 (2d ago)").
    for (const line of lines) expect(line).toMatch(/\|[^|]* 11-20 \d\d:\d\d \(\d+d ago\) "[^|]*$/);
    // 2025-11-19 17:00 UTC: printed as 11-19 before, under a heading that said UTC.
    expect(lines.find((line) => line.startsWith(`${shortId(zoe)}|`))).toContain(
      "|staff 11-20 02:00 (2d ago)",
    );
  });

  it("prints every page kind of the list in Tokyo time: plain, filtered, and longest wait first", async () => {
    for (const args of [{ limit: 5 }, { needs_reply: true, limit: 5 }, { order: "waiting", limit: 5 }]) {
      const text = textOf(await harness.call("list_conversations", args));
      expect(text.split("\n")[0], JSON.stringify(args)).toContain("· times Asia/Tokyo (UTC+9)");
      expect(text, JSON.stringify(args)).not.toContain("times UTC");
    }
    // Zoë's last message, 2025-11-19 17:00 UTC, is 11-20 02:00 in Tokyo on the waiting page too.
    const waiting = textOf(await harness.call("list_conversations", { order: "waiting", limit: 100 }));
    expect(threadLines(waiting).find((line) => line.startsWith(`${shortId(zoe)}|`))).toContain(
      " 11-20 02:00 ",
    );
  });

  it("prints a transcript's times and its reply signal in Tokyo time", async () => {
    const text = textOf(await harness.call("get_messages", { thread_id: zoe }));
    expect(text).toContain("Answered: staff wrote last (2025-11-20 02:00, 2d ago).");
    expect(text).toContain("· oldest first · times Asia/Tokyo (UTC+9) 2025 ·");
    // 2025-11-19 16:00 UTC, the guest's question.
    expect(text).toContain("\n11-20 01:00 guest\n>Wow, danke!");
    expect(text.match(/Asia\/Tokyo/g)).toHaveLength(1);
  });

  it("prints search quotes in Tokyo time", async () => {
    const text = textOf(await harness.call("search_conversations", { query: "passport locker", limit: 5 }));
    expect(text.split("\n")[0]).toContain("· times Asia/Tokyo (UTC+9) 2025 ·");
    // Liam's message at 2025-11-07 03:00 UTC.
    expect(text).toContain('  ▸ guest 11-07 12:00 "HELP – I think I left my **passport** in the **locker**');
  });

  it("prints the drafting prompt's transcript, the resource and the thread choices in Tokyo time", async () => {
    const prompt = await harness.client.getPrompt({
      name: "draft_guest_reply",
      arguments: { thread_id: zoe },
    });
    const promptText = prompt.messages
      .map((message) => (message.content as { text: string }).text)
      .join("\n");
    expect(promptText).toContain("times Asia/Tokyo (UTC+9) 2025");
    expect(promptText).toContain("\n11-20 01:00 guest\n");

    const resource = await harness.client.readResource({ uri: `hostelmate://conversations/${zoe}` });
    const resourceText = resource.contents.map((part) => ("text" in part ? part.text : "")).join("\n");
    expect(resourceText).toContain("times Asia/Tokyo (UTC+9) 2025");
    expect(resourceText).toContain("\n11-20 01:00 guest\n");

    const completion = await harness.client.complete({
      ref: { type: "ref/prompt", name: "draft_guest_reply" },
      argument: { name: "thread_id", value: "Zoë" },
    });
    expect(completion.completion.values).toEqual([
      `Zoë Müller · HOSTELWORLD · 2025-11-20 02:00 · ${shortId(zoe)}`,
    ]);
  });
});

describe("times across a clock change and a new year, through the server", () => {
  it("America/New_York: both 01:30s of the night summer time ends, and 23:40 on that day, under UTC-5/-4", async () => {
    const anchor = new Date("2025-11-03T12:00:00Z");
    const harness = await startHarness({
      anchor,
      timeZone: "America/New_York",
      // 01:30 EDT (UTC-4), 01:30 EST (UTC-5), then 23:40 EST, all on 2025-11-02 in New York.
      seed: seedAt(anchor, ["2025-11-02T05:30:00Z", "2025-11-02T06:30:00Z", "2025-11-03T04:40:00Z"]),
    });
    try {
      const id = harness.sandbox.threads[0]?.id ?? "";
      const transcript = textOf(await harness.call("get_messages", { thread_id: id }));
      expect(transcript).toContain("· times America/New_York (UTC-5/-4) 2025 ·");
      expect(transcript).toContain("NEEDS REPLY: the guest has been waiting since 2025-11-02 23:40, 7h ago.");
      expect(transcript.split("\n").filter((line) => /^\d\d-\d\d \d\d:\d\d /.test(line))).toEqual([
        "11-02 01:30 guest",
        "11-02 01:30 property",
        "11-02 23:40 guest",
      ]);
      // The day of the change, as the filter reads it in New York: the thread's last message is on it.
      const list = textOf(
        await harness.call("list_conversations", { since: "2025-11-02", until: "2025-11-02" }),
      );
      expect(list.split("\n")[0]).toContain("· times America/New_York (UTC-5) 2025 ·");
      expect(threadLines(list)).toHaveLength(1);
      expect(threadLines(list)[0]).toContain("|NEEDS REPLY 11-02 23:40 (7h ago)");
    } finally {
      await harness.close();
    }
  });

  it("Europe/Lisbon: the hour that summer time skips, under UTC+0/+1", async () => {
    const anchor = new Date("2026-03-29T12:00:00Z");
    const harness = await startHarness({
      anchor,
      timeZone: "Europe/Lisbon",
      // 00:30 WET, then 02:30 WEST an hour later: 01:00-02:00 does not exist on 2026-03-29 in Lisbon.
      seed: seedAt(anchor, ["2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"]),
    });
    try {
      const id = harness.sandbox.threads[0]?.id ?? "";
      const transcript = textOf(await harness.call("get_messages", { thread_id: id }));
      expect(transcript).toContain("· times Europe/Lisbon (UTC+0/+1) 2026 ·");
      expect(transcript).toContain("\n03-29 00:30 guest\n");
      expect(transcript).toContain("\n03-29 02:30 property\n");
    } finally {
      await harness.close();
    }
  });

  it("Asia/Tokyo: the year of the header is Tokyo's, already 2026 when UTC is still in 2025", async () => {
    const anchor = new Date("2026-01-02T03:00:00Z");
    const harness = await startHarness({
      anchor,
      timeZone: "Asia/Tokyo",
      seed: seedAt(anchor, ["2025-12-31T16:00:00Z", "2026-01-01T02:00:00Z"]),
    });
    try {
      const id = harness.sandbox.threads[0]?.id ?? "";
      const transcript = textOf(await harness.call("get_messages", { thread_id: id }));
      expect(transcript).toContain("· times Asia/Tokyo (UTC+9) 2026 ·");
      expect(transcript).toContain("\n01-01 01:00 guest\n");
      expect(transcript).toContain("\n01-01 11:00 property\n");
    } finally {
      await harness.close();
    }
  });
});

describe("printing a time in a zone", () => {
  it("converts every form the API may send, and shows what it cannot read as it came", () => {
    expect(shortTime("2025-11-19T17:00:00Z", "Asia/Tokyo")).toBe("2025-11-20 02:00");
    expect(shortTime("2025-11-19T17:00:00", "Asia/Tokyo")).toBe("2025-11-20 02:00");
    expect(shortTime("2025-11-19T19:00:00+02:00", "Asia/Tokyo", 2025)).toBe("11-20 02:00");
    expect(shortTime("2025-11-19T17:00:00Z", "Asia/Kolkata")).toBe("2025-11-19 22:30");
    expect(shortTime("soon|ish", "Asia/Tokyo")).toBe("soon/ish");
    expect(shortTime(null, "Asia/Tokyo")).toBe("time unknown");
  });

  it("takes the shared year in the zone", () => {
    expect(sharedYear(["2025-12-31T16:00:00Z", "2026-01-01T02:00:00Z"], "Asia/Tokyo")).toBe(2026);
    expect(sharedYear(["2025-12-31T16:00:00Z", "2026-01-01T02:00:00Z"], "UTC")).toBeUndefined();
    expect(sharedYear(["2026-01-01T02:00:00Z"], "America/New_York")).toBe(2025);
  });

  it("names the zone with the offsets of the times shown, and UTC alone as UTC", () => {
    expect(timesNote("UTC", ["2026-07-01T12:00:00Z"], 2026)).toBe("times UTC 2026");
    expect(timesNote("Asia/Kolkata", ["2026-07-01T12:00:00Z"], undefined)).toBe(
      "times Asia/Kolkata (UTC+5:30)",
    );
    expect(timesNote("America/St_Johns", ["2026-01-01T12:00:00Z"], 2026)).toBe(
      "times America/St_Johns (UTC-3:30) 2026",
    );
    expect(timesNote("Europe/Lisbon", [null, "junk"], undefined)).toBe("times Europe/Lisbon");
  });
});

describe("the zone over real stdio", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first (npm test does).`);
    sandbox = await startSandbox({ apiKey: TEST_API_KEY, anchor: ANCHOR });
  });
  afterAll(() => sandbox.close());

  const live = () => ({ HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url });
  const listOf20th = { name: "list_conversations", arguments: { since: "2025-11-20", until: "2025-11-20" } };

  it("prints in this computer's zone when HOSTELMATE_TIMEZONE is not set", async () => {
    const server = run([], { ...live(), TZ: "Asia/Tokyo" });
    await initialize(server);
    const text = textOfResult(await server.request("tools/call", listOf20th));
    expect(text.split("\n")[0]).toContain("· times Asia/Tokyo (UTC+9) 2025 ·");
    expect(threadLines(text)).toHaveLength(5);
    for (const line of threadLines(text)) expect(line).toMatch(/ 11-20 \d\d:\d\d /);
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
  });

  it("prints in HOSTELMATE_TIMEZONE when it is set, whatever this computer's zone", async () => {
    const server = run([], { ...live(), TZ: "Asia/Tokyo", HOSTELMATE_TIMEZONE: "america/new_york" });
    await initialize(server);
    const text = textOfResult(await server.request("tools/call", listOf20th));
    expect(text.split("\n")[0]).toContain("2025-11-20 23:59 America/New_York");
    expect(text.split("\n")[0]).toContain("· times America/New_York (UTC-5) 2025 ·");
    for (const line of threadLines(text)) expect(line).toMatch(/ 11-20 \d\d:\d\d /);
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
  });

  it("doctor says which zone is in force and why", async () => {
    const machine = run(["doctor"], { ...live(), TZ: "Europe/Lisbon" });
    expect(await machine.exit).toBe(0);
    expect(machine.stdoutLines).toContain(
      "  ok    time zone Europe/Lisbon (this computer's; set HOSTELMATE_TIMEZONE if the hostel is in another)",
    );
    const set = run(["doctor"], { ...live(), TZ: "Europe/Lisbon", HOSTELMATE_TIMEZONE: "Asia/Tokyo" });
    expect(await set.exit).toBe(0);
    expect(set.stdoutLines).toContain("  ok    time zone Asia/Tokyo (HOSTELMATE_TIMEZONE)");
  });
});
