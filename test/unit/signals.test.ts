import { describe, expect, it } from "vitest";
import { formatThreadLine } from "../../src/format/threads.js";
import { filterThread, waitingOrder } from "../../src/triage/filters.js";
import { previewSignals, replySignals } from "../../src/triage/signals.js";
import { conversation, lastMessage, message, NOW } from "../fixtures.js";

const thanks = { ...lastMessage, content: "Perfeito, obrigada! 👍" };
const staff = { direction: "OUTBOUND", source: "MANUAL", content: "Sure!" } as const;

describe("reply signals with closings and archived threads", () => {
  it("calls a guest's closing a closing, not a needed reply", () => {
    expect(previewSignals(thanks, { unread_count: 1 })).toMatchObject({
      needs_reply: false,
      reply: "closing",
      closing: "thanks",
    });
    expect(replySignals([message(), message(staff), message({ content: "Thanks!" })])).toMatchObject({
      needs_reply: false,
      reply: "closing",
    });
  });

  it("does not trust a closing with a question before it", () => {
    // In the list, two unread messages may be a question and a thanks; in a transcript, they are.
    expect(previewSignals(thanks, { unread_count: 2 }).reply).toBe("needed");
    expect(replySignals([message(), message({ content: "Thanks!" })]).reply).toBe("needed");
  });

  it("never says an archived thread needs a reply", () => {
    for (const content of ["Where are my sunglasses?", "Thanks!"]) {
      const signals = previewSignals({ ...lastMessage, content }, { status: "ARCHIVED" });
      expect(signals.needs_reply).toBe(false);
    }
    expect(replySignals([message()], { status: "ARCHIVED" })).toMatchObject({
      needs_reply: false,
      reply: "none",
    });
    const line = formatThreadLine(conversation({ status: "ARCHIVED" }), NOW);
    expect(line).toContain("|ARCHIVED|guest ");
    expect(line).not.toContain("NEEDS REPLY");
  });

  it("lets status=ARCHIVED ask for archived threads whose guest waits", () => {
    const archived = conversation({ status: "ARCHIVED" });
    expect(filterThread(archived, { needsReply: true })).toBe("archived");
    expect(filterThread(archived, { needsReply: true, status: "ARCHIVED" })).toBe(true);
    expect(filterThread(archived, { needsReply: false })).toBe(true);
    const closing = conversation({ unread_count: 1, last_message: thanks });
    expect(filterThread(closing, { needsReply: true })).toBe("closing");
    expect(filterThread(closing, { needsReply: false })).toBe(true);
  });

  it("orders waiting guests oldest first, then the rest newest first", () => {
    const at = (hour: number, waiting: boolean, id: string) =>
      conversation({
        id,
        last_message: {
          ...lastMessage,
          ...(waiting ? {} : staff),
          created_at: `2025-11-02T${String(hour).padStart(2, "0")}:00:00Z`,
        },
      });
    const threads = [at(9, false, "a"), at(10, true, "b"), at(8, true, "c"), at(11, false, "d")];
    expect([...threads].sort(waitingOrder(false)).map((thread) => thread.id)).toEqual(["c", "b", "d", "a"]);
  });
});
