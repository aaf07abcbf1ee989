import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { lastActivity, type SandboxThread, stableUuid, unreadCount } from "../../src/sandbox/dataset.js";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { expectRefused, type Harness, shortId, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const LOCKER = stableUuid("thread", "broken-locker-sarah");
const CLASS_TRIP = stableUuid("thread", "class-trip-vogel");
const TOWELS_EARLY = stableUuid("thread", "towels-and-bags-lena");

interface Found {
  total: number;
  searched: string[];
  threads: Array<{ id: string; matched: string[]; snippets: Array<{ role: string; excerpt: string }> }>;
}

async function search(args: Record<string, unknown>): Promise<{ text: string; found: Found }> {
  const result = await harness.call("search_conversations", args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return { text: textOf(result), found: result.structuredContent as unknown as Found };
}

describe("search_conversations", () => {
  it("finds the thread about the broken locker and quotes why it matched", async () => {
    const { text, found } = await search({ query: "broken locker" });
    expect(text).toMatchSnapshot();
    expect(found.threads[0]?.id).toBe(LOCKER);
    expect(found.searched).toEqual(["broken locker", "broken", "locker"]);
    expect(found.threads[0]?.matched).toEqual(["broken locker", "broken", "locker"]);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(
      /^Search "broken locker" · searched: "broken locker", broken, locker · \d+ threads matched · showing 1-\d+ · ▸ matching message/,
    );
    expect(lines[1]).toMatch(new RegExp(`^${shortId(LOCKER)}\\|Sarah Mitchell\\|`));
    expect(lines[2]).toBe('  matched 3/3: "broken locker", broken, locker');
    expect(lines.slice(3, 8).join("\n")).toMatch(/▸ guest .*the \*\*broken locker\*\* door/);
  });

  it("ranks by words matched, then the whole phrase, then needing a reply, then newest", async () => {
    const { found } = await search({ query: "German group late bus", limit: 20, snippets: 0 });
    expect(found.threads[0]?.id).toBe(CLASS_TRIP);
    const counts = found.threads.map((thread) => thread.matched.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(found.searched).toEqual(["german group late bus", "german", "group", "late", "bus"]);
  });

  it("finds a word that only an older message holds, and quotes that message with its neighbours", async () => {
    const { found, text } = await search({ query: "towels" });
    const thread = found.threads.find((candidate) => candidate.id === TOWELS_EARLY);
    expect(thread).toBeDefined();
    const roles = thread?.snippets.map((line) => line.role) ?? [];
    expect(roles).toContain("match");
    expect(roles).toContain("context");
    expect(thread?.snippets.find((line) => line.role === "match")?.excerpt).toMatch(/\*\*towel\*\*s/);
    expect(text).toContain("searched: towel ·");
  });

  it("stays within 12 upstream requests however long the query", async () => {
    const { text, found } = await search({
      query: "towel breakfast locker padlock refund cancel airport metro wifi laundry parking dog invoice",
    });
    expect(harness.sandbox.requests.length).toBeLessThanOrEqual(12);
    expect(found.searched).toHaveLength(7);
    expect(text).toContain(
      "Not searched, to stay within 12 requests: metro, wifi, laundry, parking, dog, invoice. Put the most important words first.",
    );
    expect(harness.sandbox.requests.filter((request) => request.path.endsWith("/messages"))).toHaveLength(5);
  });

  it("applies filters the API lacks and echoes them", async () => {
    const { text, found } = await search({ query: "locker", needs_reply: true, status: "OPEN", snippets: 0 });
    expect(found.threads.map((thread) => thread.id)).toEqual([LOCKER]);
    expect(text.split("\n")[0]).toMatch(
      /filters: OPEN, needing a reply \(or with an automatic message last\) · 5 threads matched, 1 after filters/,
    );
    const dated = await search({ query: "locker", since: "yesterday", snippets: 0 });
    expect(dated.text.split("\n")[0]).toContain("last activity 2026-11-23 00:00 → now UTC");
  });

  it("pages through ranked results with the exact next call, and says how to narrow", async () => {
    const first = await search({ query: "the", limit: 3, snippets: 0, channel: "EMAIL" });
    const lines = first.text.split("\n");
    expect(lines.at(-2)).toMatch(/^narrow: add words/);
    expect(lines.at(-1)).toBe('more: search_conversations query="the" offset=3 limit=3 channel="EMAIL"');
    const second = await search({ query: "the", limit: 3, offset: 3, snippets: 0, channel: "EMAIL" });
    expect(second.found.threads.map((t) => t.id)).not.toContain(first.found.threads[0]?.id);
    expect(second.text.split("\n")[0]).toContain("showing 4-6");
  });

  it("says what it searched when nothing matches", async () => {
    const { text } = await search({ query: "who asked about the helicopter?" });
    expect(text).toBe(
      'Search "who asked about the helicopter?": no threads matched. searched: helicopter.\n' +
        "Try another word or spelling, the guest's language (e.g. toalla, Handtuch, serviette), fewer filters, or list_conversations to browse.",
    );
  });

  it("points a thread id given as the query to get_messages, whole or as lists print it", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "0000ffff", "0000ffff-00"]) {
      const { text } = await search({ query: id });
      expect(text.split("\n").at(-1)).toBe(
        `That looks like a thread id: read the thread with get_messages thread_id="${id}".`,
      );
    }
    const { text } = await search({ query: "helicopter" });
    expect(text).not.toContain("thread id");
  });

  it("says which words it left out that may have been meant", async () => {
    const { text } = await search({ query: "locker 5" });
    expect(text.split("\n")[0]).toMatch(/· searched: "locker 5", locker · left out as too common: 5 ·/);
  });

  it("explains an unreadable date", async () => {
    const result = await harness.call("search_conversations", { query: "locker", since: "the other day" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^since: could not read "the other day" as a date/);
    expect(harness.sandbox.requests).toHaveLength(0);
  });

  it.each([
    [{}, /query is required: 1–200 characters of text[\s\S]* at query/],
    [{ query: "" }, /query must be 1–200 characters of text[\s\S]* at query/],
    [{ query: "locker", limit: 51 }, /limit must be a whole number from 1 to 50[\s\S]* at limit/],
    [{ query: "locker", channel: "e-mail" }, /one of EMAIL[\s\S]* at channel/],
    [{ query: "locker", snippets: 6 }, /snippets must be a whole number from 0 to 5[\s\S]* at snippets/],
    [{ query: "locker", status: "CLOSED" }, /one of OPEN, ARCHIVED[\s\S]* at status/],
    [{ query: "locker", needs_reply: "yes" }, /needs_reply must be true or false, not text at needs_reply/],
  ])("refuses %j without calling the API", (args, expected) =>
    expectRefused(harness, "search_conversations", args, expected),
  );
});

describe("search_conversations on a long thread", () => {
  let longThread: Harness;
  const LONG = stableUuid("thread", "long");
  beforeAll(async () => {
    const messages = Array.from({ length: 130 }, (_, index) => ({
      direction: index % 2 ? ("OUTBOUND" as const) : ("INBOUND" as const),
      source: index % 2 ? ("MANUAL" as const) : ("GUEST" as const),
      content: index === 120 ? "Did anyone find my zebra-print scarf?" : `Message number ${index}.`,
      minutesAgo: 1_000 - index,
    }));
    longThread = await startHarness({
      seed: [
        {
          key: "long",
          channel: "EMAIL",
          guestName: "Ana",
          subject: "Stay",
          status: "OPEN",
          bookingKey: "long",
          createdMinutesAgo: 2_000,
          messages,
        },
      ],
    });
  });
  afterAll(() => longThread.close());

  it("reads the newest page when the opening page does not hold the match", async () => {
    const result = await longThread.call("search_conversations", { query: "zebra" });
    expect(textOf(result)).toMatch(/▸ guest \S+ \S+ "Did anyone find my \*\*zebra\*\*-print scarf\?"/);
    expect(
      longThread.sandbox.requests.map((request) => [
        request.path.endsWith("/messages"),
        request.query.offset,
      ]),
    ).toEqual([
      [false, "0"],
      [true, "0"],
      [true, "30"],
    ]);
    expect(result.structuredContent).toMatchObject({ threads: [{ id: LONG }] });
  });
});

describe("search_conversations with filters over a word with many threads", () => {
  let big: Harness;
  beforeAll(async () => {
    // 650 threads ask for towels; only the 10 oldest are archived, at the end of every search's list.
    big = await startHarness({
      seed: Array.from({ length: 650 }, (_, index) => ({
        key: `towels-${index}`,
        channel: "BOOKING_COM" as const,
        guestName: `Guest ${index}`,
        subject: null,
        status: index >= 640 ? ("ARCHIVED" as const) : ("OPEN" as const),
        bookingKey: `towels-${index}`,
        createdMinutesAgo: 10_000 + index * 10,
        messages: [
          {
            direction: "INBOUND" as const,
            source: "GUEST" as const,
            content: "Do you rent towels?",
            minutesAgo: 10 + index,
          },
        ],
      })),
    });
  });
  afterAll(() => big.close());
  beforeEach(() => big.sandbox.reset());

  const listOffsets = () =>
    big.sandbox.requests
      .filter((request) => !request.path.endsWith("/messages"))
      .map((request) => request.query.offset);

  it("reads further pages with what is left of the budget until the filter finds its threads", async () => {
    const result = await big.call("search_conversations", { query: "towel", status: "ARCHIVED" });
    const text = textOf(result);
    expect(text.split("\n")[0]).toMatch(
      /filters: ARCHIVED · 650 threads matched, 10 after filters · showing 1-10/,
    );
    expect((result.structuredContent as unknown as Found).threads).toHaveLength(10);
    expect(listOffsets()).toEqual(["0", "100", "200", "300", "400", "500", "600"]);
    expect(big.sandbox.requests).toHaveLength(12);
    expect(text).not.toContain("Add words");
  });

  it("reads as far as the budget allows, so that every page ranks the same threads", async () => {
    const args = { query: "towel", status: "OPEN", snippets: 0 };
    await big.call("search_conversations", { ...args, limit: 5 });
    expect(listOffsets()).toEqual(["0", "100", "200", "300", "400", "500", "600"]);
  });

  it("says when the budget ran out, with the exact call that continues", async () => {
    const result = await big.call("search_conversations", { query: "towel rent", status: "ARCHIVED" });
    expect(big.sandbox.requests.length).toBeLessThanOrEqual(12);
    expect(textOf(result)).toBe(
      [
        'Search "towel rent": no threads matched. searched: "towel rent", towel, rent · filters: ARCHIVED (600 matched before filters).',
        "Filters (ARCHIVED) were checked only on the threads read: towel (600 of 650), rent (500 of 650); the 12-request budget ran out. To check the rest, up to 500 threads a call:",
        'continue: list_conversations search="towel" offset=600 status="ARCHIVED"',
        'continue: list_conversations search="rent" offset=500 status="ARCHIVED"',
        "Try another word or spelling, the guest's language (e.g. toalla, Handtuch, serviette), fewer filters, or list_conversations to browse.",
      ].join("\n"),
    );
    big.sandbox.reset();
    const rest = await big.call("list_conversations", { search: "towel", offset: 600, status: "ARCHIVED" });
    expect(textOf(rest).split("\n")[0]).toMatch(
      /^Conversations ARCHIVED: 10 of the 50 threads read match \(threads 601-650 of 650\)/,
    );
  });

  it("without filters, says that only the first threads were ranked and how to list the rest", async () => {
    const text = textOf(await big.call("search_conversations", { query: "towel", limit: 1, snippets: 0 }));
    expect(listOffsets()).toEqual(["0"]);
    expect(text).toContain(
      'More threads than were read contain towel (100 of 650): only those read were ranked. Hostel Mate\'s search narrows only by an exact phrase in "quotes", channel or booking_id. To list the rest:\ncontinue: list_conversations search="towel" offset=100',
    );
  });
});

describe("search_conversations filters, each against the sandbox's own data", () => {
  const containsThe = (thread: SandboxThread) =>
    [thread.guest_name, thread.subject, ...thread.messages.map((message) => message.content)].some((text) =>
      text?.toLowerCase().includes("the"),
    );
  const ids = (found: Found) => found.threads.map((thread) => thread.id).sort();
  const BROAD = { query: "the", limit: 50, snippets: 0 };

  it("unread_only keeps exactly the threads with unread messages", async () => {
    const all = await search(BROAD);
    const { text, found } = await search({ ...BROAD, unread_only: true });
    const expected = harness.sandbox.threads
      .filter((thread) => containsThe(thread) && unreadCount(thread) > 0)
      .map((thread) => thread.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.found.total);
    expect(ids(found)).toEqual(expected);
    expect(text.split("\n")[0]).toContain(
      `filters: unread · ${all.found.total} threads matched, ${expected.length} after filters`,
    );
  });

  it("needs_reply false keeps exactly the threads that needs_reply true leaves out", async () => {
    const all = await search(BROAD);
    const waiting = await search({ ...BROAD, needs_reply: true });
    const answered = await search({ ...BROAD, needs_reply: false });
    expect(waiting.found.total).toBeGreaterThan(0);
    expect(answered.found.total).toBeGreaterThan(0);
    expect([...ids(waiting.found), ...ids(answered.found)].sort()).toEqual(ids(all.found));
    const lines = answered.text.split("\n").filter((line) => /^[0-9a-f]{8}[0-9a-f-]*\|/.test(line));
    expect(lines).toHaveLength(answered.found.total);
    expect(lines.some((line) => line.includes("NEEDS REPLY"))).toBe(false);
    expect(answered.text.split("\n")[0]).toContain("filters: not waiting for a reply");
  });

  it("until keeps exactly the threads whose last message is at or before the end of that day", async () => {
    const { text, found } = await search({ ...BROAD, until: "2026-11-20" });
    const end = Date.parse("2026-11-20T23:59:59.999Z");
    const expected = harness.sandbox.threads
      .filter((thread) => containsThe(thread) && Date.parse(lastActivity(thread)) <= end)
      .map((thread) => thread.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(expected);
    expect(text.split("\n")[0]).toContain("filters: last activity the beginning → 2026-11-20 23:59 UTC");
  });
});

describe("search_conversations quoting messages from an earlier year", () => {
  let lastYear: Harness;
  const DAY = 24 * 60;
  beforeAll(async () => {
    // The clock is 2026-11-24 18:00 UTC: the locker talk was 340 days before, in December 2025.
    const guest = (content: string, minutesAgo: number) =>
      ({ direction: "INBOUND", source: "GUEST", content, minutesAgo }) as const;
    lastYear = await startHarness({
      seed: [
        {
          key: "guitar",
          channel: "EMAIL",
          guestName: "Lena Fischer",
          subject: null,
          status: "OPEN",
          bookingKey: "guitar",
          createdMinutesAgo: 341 * DAY,
          messages: [
            guest("Do you have a locker for my guitar?", 340 * DAY),
            {
              direction: "OUTBOUND",
              source: "MANUAL",
              content: "Yes, big lockers downstairs.",
              minutesAgo: 339 * DAY,
            },
            guest("Hi again, booking for next week", 60),
          ],
        },
      ],
    });
  });
  afterAll(() => lastYear.close());

  it("says no year in the heading that a quoted message's time does not share, and dates that message in full", async () => {
    const text = textOf(await lastYear.call("search_conversations", { query: "locker" }));
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/ · times UTC · /);
    expect(lines[1]).toContain("NEEDS REPLY 2026-11-24 17:00 (1h ago)");
    expect(lines[2]).toBe('  ▸ guest 2025-12-19 18:00 "Do you have a **locker** for my guitar?"');
    expect(lines[3]).toBe('  ▸ staff 2025-12-20 18:00 "Yes, big **locker**s downstairs."');
  });
});

describe("search_conversations ranking tie-breaks", () => {
  let ranked: Harness;
  // Query: "blue door" key room. P matches the phrase and key; Q, R and S match key and room. R and Q
  // need a reply (R is newer); S does not, though it is the newest of them; T matches one word only.
  const thread = (key: string, content: string, guestLast: boolean, minutesAgo: number) => ({
    key,
    channel: "WHATSAPP" as const,
    guestName: key,
    subject: null,
    status: "OPEN" as const,
    bookingKey: key,
    createdMinutesAgo: minutesAgo + 100,
    messages: [
      { direction: "INBOUND" as const, source: "GUEST" as const, content, minutesAgo: minutesAgo + 1 },
      ...(guestLast
        ? []
        : [{ direction: "OUTBOUND" as const, source: "MANUAL" as const, content: "Noted.", minutesAgo }]),
    ],
  });
  beforeAll(async () => {
    ranked = await startHarness({
      seed: [
        thread("P", "The key to the blue door is stuck.", false, 5_000),
        thread("Q", "Where is the key for my room?", true, 3_000),
        thread("R", "Room key broken?", true, 1_000),
        thread("S", "Is the room key at reception?", false, 10),
        thread("T", "I lost my key.", true, 5),
      ],
    });
  });
  afterAll(() => ranked.close());

  it("orders equal word counts by whole phrase, then needing a reply, then newest", async () => {
    const result = await ranked.call("search_conversations", { query: '"blue door" key room', snippets: 0 });
    const found = result.structuredContent as unknown as Found;
    expect(found.searched).toEqual(["blue door", "key", "room"]);
    expect(found.threads.map((entry) => entry.id)).toEqual(
      ["P", "R", "Q", "S", "T"].map((key) => stableUuid("thread", key)),
    );
    expect(found.threads.map((entry) => entry.matched.length)).toEqual([2, 2, 2, 2, 1]);
  });
});

describe("search_conversations ranking times written with an offset", () => {
  let offsets: Harness;
  const towel = (key: string) => ({
    key,
    channel: "EMAIL" as const,
    guestName: key,
    subject: null,
    status: "OPEN" as const,
    bookingKey: key,
    createdMinutesAgo: 100,
    messages: [
      { direction: "INBOUND" as const, source: "GUEST" as const, content: "towel please", minutesAgo: 30 },
    ],
  });
  beforeAll(async () => {
    offsets = await startHarness({ seed: [towel("older"), towel("newer")] });
    const [older, newer] = offsets.sandbox.threads.map((thread) => thread.messages[0]);
    if (!older || !newer) throw new Error("seed threads without messages");
    // 19:00 in UTC+2 is 17:00 UTC, half an hour before the other; as text it sorts after it.
    older.created_at = "2026-11-24T19:00:00+02:00";
    newer.created_at = "2026-11-24T17:30:00Z";
  });
  afterAll(() => offsets.close());

  it("puts the later instant first, not the later-sorting text", async () => {
    const result = await offsets.call("search_conversations", { query: "towel", snippets: 0 });
    const found = result.structuredContent as unknown as Found;
    expect(found.threads.map((entry) => entry.id)).toEqual(
      ["newer", "older"].map((key) => stableUuid("thread", key)),
    );
  });
});

describe("search_conversations in the property's time zone", () => {
  let tokyo: Harness;
  beforeAll(async () => {
    tokyo = await startHarness({ timeZone: "Asia/Tokyo" });
  });
  afterAll(() => tokyo.close());

  it("reads 'yesterday' on Tokyo's calendar and echoes the range in Tokyo time", async () => {
    // The clock is 2026-11-24 18:00 UTC, already 03:00 on the 25th in Tokyo: yesterday began at 15:00 UTC on the 23rd.
    const result = await tokyo.call("search_conversations", {
      query: "the",
      since: "yesterday",
      limit: 50,
      snippets: 0,
    });
    const text = textOf(result);
    expect(text.split("\n")[0]).toContain("filters: last activity 2026-11-24 00:00 → now Asia/Tokyo");
    const from = Date.parse("2026-11-23T15:00:00Z");
    const utcFrom = Date.parse("2026-11-23T00:00:00Z");
    const lastOf = tokyo.sandbox.threads.map((thread) => Date.parse(lastActivity(thread)));
    // Threads between UTC's yesterday and Tokyo's make the zone matter to the answer.
    expect(lastOf.some((at) => at >= utcFrom && at < from)).toBe(true);
    const found = result.structuredContent as unknown as Found;
    expect(found.threads.length).toBeGreaterThan(0);
    for (const entry of found.threads) {
      const threadData = tokyo.sandbox.threads.find((candidate) => candidate.id === entry.id);
      expect(Date.parse(lastActivity(threadData as SandboxThread))).toBeGreaterThanOrEqual(from);
    }
  });
});

describe("search_conversations paging with a filter few threads pass", () => {
  // Every thread mentions towels, a fifth padlocks too, and only every ninth is waiting for a reply:
  // the first page is full long before all towel threads are read.
  const seed: SeedThread[] = Array.from({ length: 260 }, (_, index) => ({
    key: `renter-${index}`,
    channel: "HOSTELWORLD",
    guestName: `Guest ${index}`,
    subject: null,
    status: "OPEN" as const,
    bookingKey: `renter-${index}`,
    createdMinutesAgo: 100_000,
    messages: [
      {
        direction: "INBOUND" as const,
        source: "GUEST" as const,
        content: index % 5 === 0 ? "Do you rent towels and padlocks?" : "Do you rent towels?",
        minutesAgo: 50_000 - index * 100,
      },
      ...(index % 9 === 0
        ? []
        : [
            {
              direction: "OUTBOUND" as const,
              source: "MANUAL" as const,
              content: "Yes, 2 euros.",
              minutesAgo: 50_000 - index * 100 - 5,
            },
          ]),
    ],
  }));
  let renters: Harness;
  beforeAll(async () => {
    renters = await startHarness({ seed });
  });
  afterAll(() => renters.close());

  it("follows more: lines without repeating a thread or skipping one", async () => {
    const args = { query: "towels padlocks", needs_reply: true, snippets: 0 };
    const ids = async (extra: Record<string, number>) =>
      (
        (await renters.call("search_conversations", { ...args, ...extra })).structuredContent as {
          threads: Array<{ id: string }>;
        }
      ).threads.map((thread) => thread.id);
    const pages = [
      await ids({ limit: 5 }),
      await ids({ limit: 5, offset: 5 }),
      await ids({ limit: 5, offset: 10 }),
    ];
    expect(pages.flat()).toEqual(await ids({ limit: 15 }));
    expect(new Set(pages.flat()).size).toBe(15);
  });
});
