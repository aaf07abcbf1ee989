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
    [{ channel: "TELE GRAM" }, /EMAIL, BOOKING_COM, AIRBNB, HOSTELWORLD, WHATSAPP[\s\S]* at channel/],
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
      new RegExp(
        `^Conversations ARCHIVED: ${archived} of the 55 threads read match \\(threads 1-55 of 55\\) · `,
      ),
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
      /^Conversations unread, needing a reply \(or with an automatic message last\): 3 of the \d+ threads read match \(threads 1-\d+ of 55\)/,
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
      /^Conversations last activity 2026-11-23 00:00 → 2026-11-24 23:59 UTC: \d+ of the 55 threads read match \(threads 1-55 of 55\)/,
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
      /^Conversations ARCHIVED: 10 of the 150 threads read match \(threads 501-650 of 650\)/,
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

describe("NEEDS REPLY means a reply is needed", () => {
  // The seed holds guests who only said thanks (in German, French, Portuguese, Italian, English), a
  // guest who asked and then said thanks before anyone answered, one who said thanks and asked one
  // more thing, and archived threads whose guest wrote last.
  let inbox: Harness;
  beforeAll(async () => {
    inbox = await startHarness();
  });
  afterAll(() => inbox.close());
  beforeEach(() => inbox.sandbox.reset());

  const lineOf = (text: string, name: string) => text.split("\n").find((line) => line.includes(`|${name}|`));

  interface Summary {
    id: string;
    guest_name?: string;
    status?: string;
    needs_reply?: boolean;
    last_from?: string;
    reply?: string;
    closing?: string;
    last_message?: { created_at?: string };
  }

  /** Every page of a call, followed by next_offset: a page of 100 is cut to fit 25,000 characters. */
  async function allPages(args: Record<string, unknown>): Promise<{ text: string; threads: Summary[] }> {
    let text = "";
    const threads: Summary[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = await inbox.call("list_conversations", { ...args, offset, limit: 100 });
      const structured = page.structuredContent as { threads: Summary[]; next_offset?: number };
      text += `${textOf(page)}\n`;
      threads.push(...structured.threads);
      offset = structured.next_offset ?? null;
    }
    return { text, threads };
  }

  it("marks a guest's closing as probably needing no reply, and an archived thread never as NEEDS REPLY", async () => {
    const { text, threads } = await allPages({});
    for (const name of ["Jonas Hartmann", "Amélie Girard", "Beatriz Lima", "Ben Carter"]) {
      expect(lineOf(text, name)).toMatch(/\|closing \(thanks\) — probably no reply \d\d-\d\d /);
    }
    // A question before the thanks, unread, and "thanks! one more thing" still need a reply.
    expect(lineOf(text, "Oscar Lindgren")).toContain("|2 unread|NEEDS REPLY ");
    expect(lineOf(text, "Chiara Bassi")).toContain("|NEEDS REPLY ");
    expect(lineOf(text, "Mateo Ruiz")).toContain("|ARCHIVED|guest ");
    const archived = text.split("\n").filter((line) => line.includes("|ARCHIVED|"));
    expect(archived.length).toBe(inbox.sandbox.threads.filter((t) => t.status === "ARCHIVED").length);
    expect(archived.filter((line) => line.includes("NEEDS REPLY"))).toEqual([]);

    const summary = (name: string) => threads.find((thread) => thread.guest_name === name);
    // reply says what needs_reply would: the row sends it alone.
    expect(summary("Jonas Hartmann")).toMatchObject({ reply: "closing", closing: "thanks" });
    expect(summary("Oscar Lindgren")).toMatchObject({ reply: "needed" });
    expect(summary("Mateo Ruiz")).toMatchObject({ reply: "none" });
    expect(summary("Ethan Brooks")).toMatchObject({ reply: "maybe" });
    expect(summary("Ethan Brooks")).not.toHaveProperty("needs_reply");
  });

  it("leaves closings and archived threads out of needs_reply=true, says how many, and how to see them", async () => {
    const result = await inbox.call("list_conversations", { needs_reply: true, limit: 100 });
    const text = textOf(result);
    const threads = (result.structuredContent as { threads: Summary[] }).threads;
    expect(threads.every((thread) => thread.status !== "ARCHIVED" && thread.reply !== "closing")).toBe(true);
    expect(text).toContain("|Oscar Lindgren|");
    expect(text).toContain("|Chiara Bassi|");
    for (const name of ["Jonas Hartmann", "Amélie Girard", "Beatriz Lima", "Mateo Ruiz", "Luca Esposito"]) {
      expect(text).not.toContain(`|${name}|`);
    }
    const all = await allPages({});
    const closings = all.threads.filter((thread) => thread.reply === "closing").length;
    // Archived, and not answered by staff last: a guest message or an automatic one after it.
    const archivedWaiting = all.threads.filter(
      (thread) => thread.status === "ARCHIVED" && thread.reply === "none" && thread.last_from !== "staff",
    ).length;
    expect(archivedWaiting).toBeGreaterThanOrEqual(2);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(
      new RegExp(
        `^Conversations needing a reply \\(or with an automatic message last\\): ${threads.length} of the 55 threads read match \\(threads 1-55 of 55\\) · `,
      ),
    );
    expect(lines).toContain(
      `Left out ${closings} threads of those read whose guest only closed the conversation (thanks, goodbye, ok; probably no reply needed). See them, among the threads nobody is waiting on, with list_conversations needs_reply=false`,
    );
    expect(lines).toContain(
      `Left out ${archivedWaiting} archived threads of those read whose guest wrote last. See them with list_conversations status="ARCHIVED" needs_reply=true`,
    );

    // The calls it gives show what it left out.
    const shown = (await allPages({ needs_reply: false })).text;
    expect(shown).toMatch(/\|Jonas Hartmann\|[^\n]*closing \(thanks\)/);
    const archived = textOf(
      await inbox.call("list_conversations", { status: "ARCHIVED", needs_reply: true, limit: 100 }),
    );
    expect(archived).toContain("|Mateo Ruiz|WHATSAPP|ARCHIVED|guest ");
    expect(archived).not.toContain("|Luca Esposito|");
  });

  it("orders by how long the guest has waited, oldest wait first, then the rest newest first", async () => {
    const { text, threads } = await allPages({ order: "waiting" });
    expect(threads).toHaveLength(55);
    const waiting = threads.filter((thread) => thread.reply === "needed" || thread.reply === "maybe");
    expect(threads.slice(0, waiting.length)).toEqual(waiting);
    const times = (list: Summary[]) =>
      list.map((thread) => Date.parse(thread.last_message?.created_at ?? ""));
    const waits = times(waiting);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waiting[0]?.guest_name).toBe("Chiara Bassi");
    const rest = times(threads.slice(waiting.length)).filter((time) => !Number.isNaN(time));
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(text.split("\n")[0]).toMatch(
      /^Conversations, longest wait first: all 55 threads read match \(threads 1-55 of 55\); showing 1-\d+ · /,
    );

    // Pages go through the sorted list, and the next call keeps the order.
    const first = await inbox.call("list_conversations", { order: "waiting", needs_reply: true, limit: 3 });
    expect(textOf(first).split("\n").at(-1)).toBe(
      'more: list_conversations offset=3 limit=3 order="waiting" needs_reply=true',
    );
    const second = await inbox.call("list_conversations", {
      order: "waiting",
      needs_reply: true,
      limit: 3,
      offset: 3,
    });
    const ids = (page: typeof first) =>
      (page.structuredContent as { threads: Summary[] }).threads.map((t) => t.id);
    expect([...ids(first), ...ids(second)]).toEqual(waiting.slice(0, 6).map((thread) => thread.id));
    expect(textOf(second).split("\n")[0]).toContain("; showing 4-6 · ");
  });
});
