// Needs-reply from a thread's whole history (triage/history.ts), through the same filter and sort
// that judge a list row by its last message.
import { describe, expect, it } from "vitest";
import type { Conversation, Message } from "../../src/api/schemas.js";
import { buildDataset, unreadCount } from "../../src/sandbox/dataset.js";
import { seedThreads } from "../../src/sandbox/seed-threads.js";
import { filterThread, listSignals, type SignalsOf, waitingOrder } from "../../src/triage/filters.js";
import { historyMatters, historySignals } from "../../src/triage/history.js";
import { conversation, lastMessage, message } from "../fixtures.js";

const staff = { direction: "OUTBOUND", source: "MANUAL", sender: "property" } as const;
const auto = { direction: "OUTBOUND", source: "AUTOMATED", sender: "property" } as const;

/** A list row whose last message is the history's last, and the history itself. */
function threadOf(id: string, messages: Message[], status = "OPEN"): [Conversation, Message[]] {
  const last = messages.at(-1) as Message;
  const unread = messages.filter((m) => m.direction === "INBOUND" && !m.is_read).length;
  return [
    conversation({
      id,
      status,
      unread_count: unread,
      last_message: { ...lastMessage, ...last, id: last.id },
    }),
    messages,
  ];
}

function signalsFrom(threads: [Conversation, Message[]][]): SignalsOf {
  const histories = new Map(threads.map(([thread, messages]) => [thread.id, messages]));
  return (thread, archivedToo) => {
    const messages = histories.get(thread.id);
    return messages ? historySignals(thread, messages, archivedToo) : listSignals(thread, archivedToo);
  };
}

const question = (at: string) =>
  message({ content: "Can I leave my bags after check-out?", created_at: at, is_read: true });
const bye = (at: string) => message({ content: "Thanks, bye!", created_at: at, is_read: false });

describe("needs-reply from the whole history", () => {
  const asked = threadOf("asked", [question("2025-11-01T10:00:00Z"), bye("2025-11-01T10:05:00Z")]);
  const answered = threadOf("answered", [
    question("2025-11-01T09:00:00Z"),
    message({ ...staff, content: "Of course!", created_at: "2025-11-01T09:10:00Z" }),
    bye("2025-11-01T09:15:00Z"),
  ]);
  const autoLast = threadOf("auto", [
    question("2025-10-30T08:00:00Z"),
    message({ ...auto, content: "We answer within 24 hours.", created_at: "2025-10-30T08:01:00Z" }),
  ]);
  const later = threadOf("later", [
    message({ content: "Is there a bed tonight?", created_at: "2025-11-01T11:00:00Z" }),
  ]);
  const archived = threadOf("archived", [question("2025-10-01T08:00:00Z")], "ARCHIVED");
  const all = [asked, answered, autoLast, later, archived];
  const signalsOf = signalsFrom(all);

  it("keeps a question waiting under a later thanks, which the list row alone calls a closing", () => {
    const [thread] = asked;
    expect(listSignals(thread).reply).toBe("closing");
    expect(signalsOf(thread, false)).toMatchObject({
      reply: "needed",
      waiting_since: "2025-11-01T10:00:00Z",
    });
    expect(filterThread(thread, { needsReply: true }, signalsOf)).toBe(true);
    expect(filterThread(thread, { needsReply: true })).toBe("closing");
  });

  it("calls a thanks after a staff answer a closing, from the history as from the row", () => {
    const [thread] = answered;
    expect(filterThread(thread, { needsReply: true }, signalsOf)).toBe("closing");
    expect(filterThread(thread, { needsReply: false }, signalsOf)).toBe(true);
  });

  it("sees the question an auto-reply hides, and judges an archived thread as open only when asked by status", () => {
    expect(listSignals(autoLast[0]).reply).toBe("maybe");
    expect(signalsOf(autoLast[0], false).reply).toBe("needed");
    expect(filterThread(archived[0], { needsReply: true }, signalsOf)).toBe("archived");
    expect(filterThread(archived[0], { needsReply: true, status: "ARCHIVED" }, signalsOf)).toBe(true);
  });

  it("puts the longest wait first, counted from the oldest unanswered guest message", () => {
    const open = [answered, later, asked, autoLast].map(([thread]) => thread);
    const sorted = [...open].sort(waitingOrder(false, signalsOf)).map((thread) => thread.id);
    expect(sorted).toEqual(["auto", "asked", "later", "answered"]);
    // The list row alone takes the question under a thanks for a closing, among those nobody waits on.
    expect([...open].sort(waitingOrder(false)).map((thread) => thread.id)).toEqual([
      "auto",
      "later",
      "asked",
      "answered",
    ]);
  });
});

describe("threads whose history need not be read", () => {
  it("are judged by the list row exactly as by the whole history", () => {
    // The seed's threads, each with its list row as the API gives it, and each status both ways.
    const rows = buildDataset(seedThreads, new Date("2026-11-24T18:00:00Z")).flatMap((sandboxThread) =>
      ["OPEN", "ARCHIVED"].map((status) => {
        const messages = sandboxThread.messages.map((m) => message({ ...m, sender: m.sender }));
        const last = messages.at(-1);
        const unread = unreadCount(sandboxThread);
        const row = conversation({
          id: sandboxThread.id,
          status,
          unread_count: unread,
          is_read: unread === 0,
          last_message: last ? { ...lastMessage, ...last } : null,
        });
        return { row, messages };
      }),
    );
    const settled = rows.filter(({ row }) => !historyMatters(row));
    expect(settled.length).toBeGreaterThan(20);
    for (const { row, messages } of settled) {
      for (const archivedToo of [false, true]) {
        expect(historySignals(row, messages, archivedToo), row.id).toEqual(listSignals(row, archivedToo));
      }
    }
  });
});
