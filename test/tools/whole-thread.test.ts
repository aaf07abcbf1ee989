// What a reply needs to see, through the real server: the header and structured content describe the
// whole thread whatever page is shown, with its subject, status and other threads of its booking; a
// long message shows its end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stableUuid } from "../../src/sandbox/dataset.js";
import type { SeedMessage, SeedThread } from "../../src/sandbox/seed-types.js";
import { type Harness, shortId, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ retryLimit: 1 });
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const byName = (name: string, channel?: string) => {
  const thread = harness.sandbox.threads.find(
    (t) => t.guest_name === name && (channel === undefined || t.channel === channel),
  );
  if (!thread) throw new Error(`the seed has no thread of ${name}`);
  return thread;
};

interface Structured {
  thread: { subject?: string; status?: string; same_booking: string[] };
  needs_reply?: boolean;
  waiting_since?: string;
  waiting_since_at_least: boolean;
  last_from?: string;
  offset: number;
  messages: Array<{ id: string }>;
}

/** The requests made, the first one first: the two after it go side by side, in either order. */
const queries = (): Array<[string | undefined, Record<string, string>]> => {
  const all = harness.sandbox.requests.map((request): [string | undefined, Record<string, string>] => [
    request.path.split("/").at(-1),
    request.query,
  ]);
  const rest = all.slice(1).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return [...all.slice(0, 1), ...rest];
};

describe("get_messages tells the whole thread's state on any page", () => {
  it("says the guest is waiting when a first page ends with staff but the guest wrote last", async () => {
    // Kevin's thread: auto-reply, guest, staff, guest, guest.
    const thread = byName("Kevin Doyle");
    expect(thread.messages.map((m) => m.direction)).toEqual([
      "OUTBOUND",
      "INBOUND",
      "OUTBOUND",
      "INBOUND",
      "INBOUND",
    ]);
    const result = await harness.call("get_messages", { thread_id: thread.id, offset: 0, limit: 3 });
    const lines = textOf(result).split("\n");
    expect(lines[1]).toMatch(
      /^NEEDS REPLY: the guest has been waiting since \d{4}-\d{2}-\d{2} \d{2}:\d{2}, /,
    );
    expect(lines[1]).not.toContain("at least");
    expect(lines[2]).toMatch(
      /^Messages 1-3 of 5 \(an older page; the line above is about the whole thread\) · /,
    );
    const structured = result.structuredContent as unknown as Structured;
    expect(structured).toMatchObject({
      needs_reply: true,
      last_from: "guest",
      waiting_since: thread.messages[3]?.created_at,
      waiting_since_at_least: false,
    });
    // The page shown is still the one asked for.
    expect(structured.messages.map((m) => m.id)).toEqual(thread.messages.slice(0, 3).map((m) => m.id));
    // One request for the page, one for the newest messages, one for the listing (subject, status).
    expect(queries()).toEqual([
      ["messages", { limit: "3", offset: "0" }],
      ["conversations", { booking_id: thread.booking_id, limit: "100", offset: "0" }],
      ["messages", { limit: "20", offset: "0" }],
    ]);
  });

  it("says a long thread was answered when a page from its middle ends with the guest", async () => {
    const thread = harness.sandbox.threads.find((t) => t.messages.length > 100);
    if (!thread) throw new Error("the seed has no long thread");
    const total = thread.messages.length;
    expect(thread.messages.at(-1)?.direction).toBe("OUTBOUND");
    expect(thread.messages[10]?.direction).toBe("INBOUND");
    const result = await harness.call("get_messages", { thread_id: thread.id, offset: 10, limit: 5 });
    const lines = textOf(result).split("\n");
    expect(lines[1]).toMatch(/^Answered: staff wrote last \(/);
    expect(lines[2]).toMatch(new RegExp(`^Messages 11-15 of ${total} \\(an older page; `));
    expect(result.structuredContent).toMatchObject({ needs_reply: false, last_from: "staff", offset: 10 });
    // Unknown fields are left out of structuredContent rather than sent as null.
    expect(result.structuredContent).not.toHaveProperty("waiting_since");
    expect(queries()).toEqual([
      ["messages", { limit: "5", offset: "10" }],
      ["conversations", { booking_id: thread.booking_id, limit: "100", offset: "0" }],
      ["messages", { limit: "20", offset: String(total - 20) }],
    ]);
  });

  it("needs no request for the newest when the page reaches them", async () => {
    const thread = byName("Kevin Doyle");
    const result = await harness.call("get_messages", { thread_id: thread.id, offset: 2, limit: 10 });
    expect(textOf(result).split("\n")[2]).toMatch(/^Messages 3-5 of 5 \(newest\) · /);
    expect(queries().filter(([endpoint]) => endpoint === "messages")).toHaveLength(1);
  });

  it("says the state is unknown when the API gives no count to find the newest with", async () => {
    harness.sandbox.faults.omitMessagesPagination = true;
    const thread = harness.sandbox.threads.find((t) => t.messages.length > 100);
    const result = await harness.call("get_messages", { thread_id: thread?.id, offset: 10, limit: 5 });
    expect(textOf(result).split("\n")[1]).toBe(
      "Whether the guest is waiting is unknown: the API did not say how many messages this thread has, so its newest could not be read.",
    );
    for (const field of ["needs_reply", "waiting_since", "last_from"]) {
      expect(result.structuredContent).not.toHaveProperty(field);
    }
  });

  it("shows the thread's state on an offset past its end", async () => {
    const thread = byName("Kevin Doyle");
    const text = textOf(await harness.call("get_messages", { thread_id: thread.id, offset: 40, limit: 5 }));
    expect(text.split("\n").slice(1)).toEqual([
      expect.stringMatching(/^NEEDS REPLY: the guest has been waiting since /),
      "No messages at offset 40 (the thread has 5).",
    ]);
  });
});

describe("get_messages on a long run of guest messages", () => {
  let long: Harness;
  const key = "many-guest-messages";
  beforeAll(async () => {
    const at = (index: number) => 10_000 - index * 10;
    const messages: SeedMessage[] = Array.from({ length: 40 }, (_, index) =>
      index < 10 && index % 2 === 1
        ? { direction: "OUTBOUND", source: "MANUAL", content: `answer ${index}`, minutesAgo: at(index) }
        : { direction: "INBOUND", source: "GUEST", content: `question ${index}`, minutesAgo: at(index) },
    );
    const seed: SeedThread = {
      key,
      channel: "WHATSAPP",
      guestName: "Ada Byron",
      subject: null,
      status: "OPEN",
      bookingKey: key,
      createdMinutesAgo: 20_000,
      messages,
    };
    long = await startHarness({ seed: [seed] });
  });
  afterAll(() => long.close());

  it("says 'since at least' the oldest of the newest messages when they hold no staff answer", async () => {
    const id = stableUuid("thread", key);
    const thread = long.sandbox.threads[0];
    const middle = await long.call("get_messages", { thread_id: id, offset: 0, limit: 5 });
    expect(textOf(middle).split("\n")[1]).toMatch(/^NEEDS REPLY: the guest has been waiting since at least /);
    expect(middle.structuredContent).toMatchObject({
      needs_reply: true,
      waiting_since: thread?.messages[20]?.created_at,
      waiting_since_at_least: true,
    });
    // The whole thread in view: the exact time, the first question after the last answer.
    const whole = await long.call("get_messages", { thread_id: id });
    expect(textOf(whole).split("\n")[1]).not.toContain("at least");
    expect(whole.structuredContent).toMatchObject({
      waiting_since: thread?.messages[10]?.created_at,
      waiting_since_at_least: false,
    });
  });
});

describe("get_messages shows what a reply needs", () => {
  it("gives an email thread's subject and status in the header and structured content", async () => {
    const thread = byName("Daniel Okafor");
    const result = await harness.call("get_messages", { thread_id: thread.id });
    expect(textOf(result).split("\n")[0]).toBe(
      `Thread ${shortId(thread.id)}|Daniel Okafor|EMAIL|OPEN|booking ${thread.booking_id}|subj "Payment link not working – booking for 3 nights"`,
    );
    expect((result.structuredContent as unknown as Structured).thread).toMatchObject({
      subject: "Payment link not working – booking for 3 nights",
      status: "OPEN",
      same_booking: [],
    });
    expect(queries()).toEqual([
      ["messages", { limit: "50", offset: "0" }],
      ["conversations", { booking_id: thread.booking_id, limit: "100", offset: "0" }],
    ]);
  });

  it("names an archived thread's status and the booking's other thread", async () => {
    const archived = byName("Rohan Mehta", "BOOKING_COM");
    const email = byName("Rohan Mehta", "EMAIL");
    expect(archived.booking_id).toBe(email.booking_id);
    const result = await harness.call("get_messages", { thread_id: archived.id });
    expect(textOf(result).split("\n")[0]).toBe(
      `Thread ${shortId(archived.id)}|Rohan Mehta|BOOKING_COM|ARCHIVED|booking ${archived.booking_id}|same booking: ${shortId(email.id)} EMAIL`,
    );
    expect((result.structuredContent as unknown as Structured).thread.same_booking).toEqual([email.id]);
  });

  it("says the status is unknown when the list cannot be read, and still shows the messages", async () => {
    harness.sandbox.faults.failures.push({ status: 500, times: Infinity, endpoint: "conversations" });
    const thread = byName("Daniel Okafor");
    const result = await harness.call("get_messages", { thread_id: thread.id });
    expect(result.isError).toBeFalsy();
    expect(textOf(result).split("\n")[0]).toBe(
      `Thread ${shortId(thread.id)}|Daniel Okafor|EMAIL|status unknown|booking ${thread.booking_id}`,
    );
    expect((result.structuredContent as unknown as Structured).thread).not.toHaveProperty("status");
  });

  it("shows a long message's beginning and its end, where the guest says what they want", async () => {
    const thread = byName("Margaret Hale");
    const complaint = thread.messages[0]?.content ?? "";
    expect(complaint.length).toBeGreaterThan(2_000);
    const result = await harness.call("get_messages", { thread_id: thread.id });
    const text = textOf(result);
    expect(text).toContain(">I am writing to complain formally");
    expect(text).toContain("I expect a partial refund");
    expect(text).toContain(">Margaret Hale\n");
    const mark = /\n>\[… ([\d,]+) characters left out; full_text=true shows all …\]\n>… /.exec(text);
    expect(mark).not.toBeNull();
    const shown = (result.structuredContent as { messages: Array<{ content: string | null }> }).messages[0]
      ?.content;
    // Beginning, mark and end: about the clip length, and the count is what is not shown.
    expect(shown?.length).toBeLessThanOrEqual(2_100);
    expect(shown).toContain(mark?.[0].split("\n>").slice(1, 2)[0]);
    const whole = textOf(await harness.call("get_messages", { thread_id: thread.id, full_text: true }));
    expect(whole).not.toContain("characters left out");
  });
});
