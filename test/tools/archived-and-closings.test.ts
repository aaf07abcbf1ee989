// get_messages and the reply prompt say when a thread is archived and when the guest's last words
// only close the conversation; NEEDS REPLY is kept for guests who wait for an answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { type Harness, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const thread = (key: string) => stableUuid("thread", key);

async function read(key: string) {
  const result = await harness.call("get_messages", { thread_id: thread(key) });
  expect(result.isError).toBeFalsy();
  return {
    lines: textOf(result).split("\n"),
    structured: result.structuredContent as Record<string, unknown>,
  };
}

async function promptText(key: string): Promise<string> {
  const result = await harness.client.getPrompt({
    name: "draft_guest_reply",
    arguments: { thread_id: thread(key) },
  });
  const content = result.messages[0]?.content;
  if (content?.type !== "text") throw new Error("expected a text message");
  return content.text;
}

describe("get_messages", () => {
  it("says the guest's last words only close the conversation, with no NEEDS REPLY", async () => {
    const { lines, structured } = await read("late-checkout-thanks-jonas");
    expect(lines[1]).toBe(
      "Closing (thanks) — probably no reply: the guest's last words (2026-11-14 13:30, 10d ago) only close the conversation.",
    );
    expect(lines.join("\n")).not.toContain("NEEDS REPLY");
    expect(structured).toMatchObject({ needs_reply: false, reply: "closing", closing: "thanks" });
  });

  it("keeps NEEDS REPLY when a question came before the thanks, unanswered", async () => {
    const { lines, structured } = await read("question-then-thanks-oscar");
    expect(lines[1]).toMatch(/^NEEDS REPLY: the guest has been waiting since 2026-11-17 15:00/);
    expect(structured).toMatchObject({ needs_reply: true, reply: "needed" });
  });

  it("keeps NEEDS REPLY for 'thanks! one more thing'", async () => {
    const { lines } = await read("thanks-one-more-thing-chiara");
    expect(lines[1]).toMatch(/^NEEDS REPLY: /);
  });

  it("says an archived thread is archived, never NEEDS REPLY, asking the list for the status once", async () => {
    const { lines, structured } = await read("sunglasses-archived-mateo");
    expect(lines[0]).toContain("|WHATSAPP|ARCHIVED|");
    expect(lines[1]).toBe(
      "Archived thread: the guest wrote last (2026-11-05 16:00, 19d ago) with no answer after it, but an archived thread is not counted as needing a reply.",
    );
    expect(structured).toMatchObject({ needs_reply: false, reply: "none" });
    // The messages endpoint has no status: the list of the thread's booking has it.
    expect(harness.sandbox.requests.map((request) => request.path)).toEqual([
      `/api/v1/client/conversations/${thread("sunglasses-archived-mateo")}/messages`,
      "/api/v1/client/conversations",
    ]);
    expect(harness.sandbox.requests[1]?.query.booking_id).toBeTruthy();
  });

  it("says an archived thread whose guest said thanks is both", async () => {
    const { lines } = await read("luggage-after-checkout-luca");
    expect(lines[0]).toContain("|ARCHIVED|");
    expect(lines[1]).toMatch(/^Archived thread\. Closing \(thanks\) — probably no reply: /);
  });

  it("says an archived thread is archived when staff answered last, from the same one listing request", async () => {
    // The listing is read for every transcript (status, subject, the booking's other threads).
    const { lines } = await read("forgotten-charger-hugo");
    expect(lines[1]).toMatch(/^Archived thread\. Answered: staff wrote last/);
    expect(harness.sandbox.requests).toHaveLength(2);
  });

  it("still shows the thread when the status cannot be read", async () => {
    // The messages answer, then the list refuses: the transcript goes out without the status.
    harness.sandbox.faults.failures.push({ status: 400, times: 1, endpoint: "conversations" });
    const result = await harness.call("get_messages", { thread_id: thread("sunglasses-archived-mateo") });
    expect(result.isError).toBeFalsy();
    expect(textOf(result).split("\n")[1]).toMatch(/^NEEDS REPLY: /);
  });
});

describe("draft_guest_reply", () => {
  it("tells the draft a reply is probably not needed after a closing", async () => {
    const text = await promptText("quick-answer-thanks-amelie");
    expect(text).toContain(
      "The guest's last message only closes the conversation (thanks): a reply is probably not needed.",
    );
    expect(text).not.toContain("NEEDS REPLY");
  });

  it("tells the draft the thread is archived", async () => {
    const text = await promptText("sunglasses-archived-mateo");
    const opening = text.split("\n").slice(0, 3);
    expect(
      opening.some((line) => line.startsWith("This thread is archived in Hostel Mate: staff closed it.")),
    ).toBe(true);
    expect(text).toContain("Answer only what the guest asked after that and is still open");
  });

  it("says neither for a guest who waits for an answer", async () => {
    const text = await promptText("question-then-thanks-oscar");
    expect(text).not.toContain("archived");
    expect(text).not.toContain("probably not needed");
    expect(text).toContain("NEEDS REPLY");
  });
});

describe("the conversation resources", () => {
  it("do not call an archived thread or a guest's thanks 'needs reply'", async () => {
    const guest = (content: string) => ({
      direction: "INBOUND" as const,
      source: "GUEST" as const,
      content,
      minutesAgo: 60,
    });
    const small = await startHarness({
      seed: [
        ["archived", "ARCHIVED" as const, "Did you find my sunglasses?"],
        ["thanks", "OPEN" as const, "Merci pour votre rapidité"],
        ["asking", "OPEN" as const, "Is breakfast included?"],
      ].map(([key, status, content]) => ({
        key: key as string,
        channel: "WHATSAPP",
        guestName: key as string,
        subject: null,
        status: status as "OPEN" | "ARCHIVED",
        bookingKey: key as string,
        createdMinutesAgo: 120,
        messages: [guest(content as string)],
      })),
    });
    try {
      const { resources } = await small.client.listResources();
      const described = Object.fromEntries(
        resources.map((resource) => [resource.name, resource.description]),
      );
      expect(described["archived (WHATSAPP)"]).not.toContain("needs reply");
      expect(described["thanks (WHATSAPP)"]).not.toContain("needs reply");
      expect(described["asking (WHATSAPP)"]).toContain("needs reply");
    } finally {
      await small.close();
    }
  });
});
