import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectRefused, type Harness, startHarness, TEST_API_KEY, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

async function rawJson(query: string): Promise<string> {
  const response = await fetch(`${harness.sandbox.url}/api/v1/client/conversations?${query}`, {
    headers: { "X-API-Key": TEST_API_KEY },
  });
  return response.text();
}

describe("list_conversations", () => {
  it("shows the first page as compact lines", async () => {
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toMatchSnapshot();
    expect(harness.sandbox.requests.map((request) => request.query)).toEqual([{ limit: "20", offset: "0" }]);
    const structured = result.structuredContent as { threads: unknown[]; total: number; next_offset: number };
    expect(structured.threads).toHaveLength(20);
    expect(structured.total).toBe(harness.sandbox.threads.length);
    expect(structured.next_offset).toBe(20);
  });

  it("costs at most 35% of the raw JSON's characters for a 20-thread page", async () => {
    const text = textOf(await harness.call("list_conversations", { limit: 20 }));
    const raw = await rawJson("limit=20&offset=0");
    expect(text.length / raw.length).toBeLessThanOrEqual(0.35);
  });

  it("ends a page with the exact next call, and the last page without one", async () => {
    const first = textOf(await harness.call("list_conversations", { limit: 5, channel: "EMAIL" }));
    expect(first.split("\n").at(-1)).toBe('more: list_conversations offset=5 limit=5 channel="EMAIL"');
    const total = harness.sandbox.threads.length;
    const last = await harness.call("list_conversations", { limit: 10, offset: total - 3 });
    expect(textOf(last).split("\n")).toHaveLength(4);
    expect(textOf(last)).not.toContain("more:");
    expect(last.structuredContent).toMatchObject({ has_more: false });
    expect(last.structuredContent).not.toHaveProperty("next_offset");
  });

  it("sends only the filters it was given", async () => {
    const bookingId = harness.sandbox.threads[0]?.booking_id;
    const result = await harness.call("list_conversations", {
      channel: "WHATSAPP",
      booking_id: bookingId,
      search: " hi ",
    });
    expect(harness.sandbox.requests[0]?.query).toEqual({
      limit: "20",
      offset: "0",
      channel: "WHATSAPP",
      booking_id: bookingId,
      search: "hi",
    });
    expect(result.isError).toBeFalsy();
  });

  it("says when nothing matches", async () => {
    const text = textOf(await harness.call("list_conversations", { search: "zzz-no-such-words" }));
    expect(text).toBe("Conversations: none.\nTry fewer filters, or search_conversations with other words.");
  });

  it.each([
    [{ limit: 0 }, /limit must be a whole number from 1 to 100, not 0 at limit/],
    [{ limit: 101 }, /limit must be a whole number from 1 to 100, not 101 at limit/],
    [{ limit: 2.5 }, /whole number[\s\S]* at limit/],
    [{ offset: -1 }, /0 or more[\s\S]* at offset/],
    [{ channel: "TELEGRAM" }, /EMAIL, BOOKING_COM, AIRBNB, HOSTELWORLD, WHATSAPP[\s\S]* at channel/],
    [{ booking_id: "12345" }, /booking id like[\s\S]* at booking_id/],
    [{ search: "   " }, /search must be 1–200 characters of text[\s\S]*; it was empty at search/],
    [{ search: "x".repeat(201) }, /1–200 characters[\s\S]*; it had 201 characters at search/],
  ])("refuses %j without calling the API", (args, expected) =>
    expectRefused(harness, "list_conversations", args, expected),
  );

  it("explains a disabled Conversations feature", async () => {
    harness.sandbox.faults.featureDisabled = true;
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    // The sandbox is not at Hostel Mate's own address, so the sentence also points at the setting.
    expect(textOf(result)).toBe(
      `The Conversations/Messaging feature is not enabled for this property (HTTP 404). Ask Hostel Mate support to enable it, then try again. The API address is set to ${new URL(harness.sandbox.url).host}: if that is not Hostel Mate's own address, check HOSTELMATE_API_URL first, since another address answers 404 here too.`,
    );
  });

  it("shows drifted answers as they come", async () => {
    harness.sandbox.faults.drift = true;
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toMatch(/\|(TELEGRAM|VRBO)\|/);
    expect(text).toContain("|SNOOZED|");
    expect(text).toContain("|unknown guest|");
  });

  it("reports a malformed answer without any of it", async () => {
    harness.sandbox.faults.malformed = true;
    const result = await harness.call("list_conversations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^Hostel Mate at 127\.0\.0\.1:\d+ sent an answer this server could not read/,
    );
    expect(textOf(result)).not.toContain("pagination");
  });

  it("filters by status, unread and needing a reply, reading only what it needs", async () => {
    const archived = harness.sandbox.threads.filter((thread) => thread.status === "ARCHIVED").length;
    const result = await harness.call("list_conversations", { status: "ARCHIVED", limit: 100 });
    const text = textOf(result);
    expect(text.split("\n")[0]).toMatch(
      new RegExp(`^Conversations ARCHIVED: ${archived} found in threads 1-49 of 49 · `),
    );
    expect((result.structuredContent as { threads: unknown[] }).threads).toHaveLength(archived);
    expect(
      text
        .split("\n")
        .slice(1)
        .every((line) => line.includes("|ARCHIVED|")),
    ).toBe(true);
    expect(text).not.toContain("more:");

    harness.sandbox.reset();
    const unread = textOf(
      await harness.call("list_conversations", { unread_only: true, needs_reply: true, limit: 3 }),
    );
    const lines = unread.split("\n");
    expect(lines[0]).toMatch(
      /^Conversations unread, needing a reply \(or with an automatic message last\): 3 found in threads 1-\d+ of 49/,
    );
    expect(lines.slice(1, 4).every((line) => /\|\d+ unread\|.*NEEDS REPLY/.test(line))).toBe(true);
    expect(lines[4]).toMatch(
      /^more: list_conversations offset=\d+ limit=3 unread_only=true needs_reply=true$/,
    );
    expect(harness.sandbox.requests).toHaveLength(1);
  });

  it("filters by last activity in the property's time zone and echoes the range", async () => {
    const result = await harness.call("list_conversations", {
      since: "yesterday",
      until: "today",
      limit: 100,
    });
    const text = textOf(result);
    expect(text.split("\n")[0]).toMatch(
      /^Conversations last activity 2026-11-23 00:00 → 2026-11-24 23:59 UTC: \d+ found in threads 1-49 of 49/,
    );
    const anchor = Date.parse("2026-11-24T18:00:00Z");
    const expected = harness.sandbox.threads.filter((thread) => {
      const last = Date.parse(thread.messages.at(-1)?.created_at ?? thread.created_at);
      return last >= Date.parse("2026-11-23T00:00:00Z") && last <= anchor;
    });
    expect((result.structuredContent as { threads: unknown[] }).threads).toHaveLength(expected.length);
  });

  it("notes a date that looks like a stale year", async () => {
    const text = textOf(await harness.call("list_conversations", { since: "2025-11-20" }));
    expect(text).toContain(
      'since "2025-11-20" is in 2025; today is 2026-11-24. If you meant this year, ask again with 2026.',
    );
  });
});

describe("list_conversations over a long inbox", () => {
  let big: Harness;
  beforeAll(async () => {
    big = await startHarness({
      seed: Array.from({ length: 650 }, (_, index) => ({
        key: `guest-${index}`,
        channel: "BOOKING_COM",
        guestName: `Guest ${index}`,
        subject: null,
        status: index >= 640 ? ("ARCHIVED" as const) : ("OPEN" as const),
        bookingKey: `booking-${index}`,
        createdMinutesAgo: 10_000 + index * 10,
        messages: [
          { direction: "INBOUND" as const, source: "GUEST" as const, content: "Hi!", minutesAgo: 10 + index },
        ],
      })),
    });
  });
  afterAll(() => big.close());

  it("stops at the scan budget, says so, and continues from where it stopped", async () => {
    const first = textOf(await big.call("list_conversations", { status: "ARCHIVED" }));
    expect(first).toBe(
      [
        "Conversations ARCHIVED: none in threads 1-500 of 650.",
        "Read 500 threads (threads 1-500 of 650) without filling the page; older threads were not checked yet.",
        'more: list_conversations offset=500 status="ARCHIVED"',
      ].join("\n"),
    );
    expect(big.sandbox.requests.map((request) => request.query.offset)).toEqual([
      "0",
      "100",
      "200",
      "300",
      "400",
    ]);
    big.sandbox.reset();
    const next = await big.call("list_conversations", { status: "ARCHIVED", offset: 500 });
    expect(textOf(next).split("\n")[0]).toMatch(
      /^Conversations ARCHIVED: 10 found in threads 501-650 of 650/,
    );
    expect(next.structuredContent).toMatchObject({ has_more: false });
    expect(next.structuredContent).not.toHaveProperty("next_offset");
  });
});

describe("needs_reply when an automatic message came last", () => {
  // Every email gets an auto-reply: once staff have opened the guest's email, nothing but the
  // auto-reply after it says the guest is still waiting.
  let inbox: Harness;
  beforeAll(async () => {
    inbox = await startHarness({
      seed: [
        {
          key: "auto-replied",
          channel: "EMAIL",
          guestName: "Greta Lind",
          subject: "Airport shuttle",
          guestEmail: "greta@example.com",
          status: "OPEN",
          bookingKey: "auto-replied",
          createdMinutesAgo: 3000,
          messages: [
            {
              direction: "INBOUND",
              source: "GUEST",
              content: "Is there a shuttle?",
              minutesAgo: 2900,
              read: true,
            },
            {
              direction: "OUTBOUND",
              source: "AUTOMATED",
              content: "Thanks, we will answer soon.",
              minutesAgo: 2899,
            },
          ],
        },
        {
          key: "no-messages",
          channel: "AIRBNB",
          guestName: "Ida Berg",
          subject: null,
          status: "OPEN",
          bookingKey: "no-messages",
          createdMinutesAgo: 100,
          messages: [],
        },
        {
          key: "answered",
          channel: "EMAIL",
          guestName: "Hugo Moreau",
          subject: "Towels",
          guestEmail: "hugo@example.com",
          status: "OPEN",
          bookingKey: "answered",
          createdMinutesAgo: 3000,
          messages: [
            { direction: "INBOUND", source: "GUEST", content: "Are towels included?", minutesAgo: 2000 },
            { direction: "OUTBOUND", source: "MANUAL", content: "Yes, they are.", minutesAgo: 1990 },
          ],
        },
      ],
    });
  });
  afterAll(() => inbox.close());

  it("counts the thread as maybe waiting, not as answered", async () => {
    const waiting = textOf(await inbox.call("list_conversations", { needs_reply: true }));
    expect(waiting).toContain("|Greta Lind|");
    expect(waiting).not.toContain("Hugo Moreau");
    const answered = textOf(await inbox.call("list_conversations", { needs_reply: false }));
    expect(answered).toContain("|Hugo Moreau|");
    expect(answered).not.toContain("Greta Lind");
    // A thread with no messages was answered by nobody.
    expect(answered).not.toContain("Ida Berg");
  });
});
