// Thread ids by their beginning in the mirror (src/mirror/thread-ids.ts), and the id book reading
// them: a thread the server never listed makes another's id longer and is found by its prefix.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Conversation } from "../../src/api/schemas.js";
import { ThreadIdBook } from "../../src/call/thread-ids.js";
import { MirrorStore, STATE } from "../../src/mirror/store.js";
import { neighbourIds, threadsWithPrefix } from "../../src/mirror/thread-ids.js";
import { openTestDatabase } from "./open.js";

const ids = [
  "11111111-0000-4000-8000-000000000000",
  "2222aaaa-0000-4000-8000-000000000000",
  "2222aaaa-1000-4000-8000-000000000000",
  "2222aaab-0000-4000-8000-000000000000",
  "33333333-0000-4000-8000-000000000000",
];

function row(id: string, index: number): Conversation {
  return {
    id,
    booking_id: null,
    channel: "EMAIL",
    guest_name: `Guest ${index}`,
    subject: null,
    is_read: true,
    unread_count: 0,
    status: "OPEN",
    last_message: null,
    created_at: `2026-11-2${index}T10:00:00Z`,
  };
}

let store: MirrorStore;
beforeEach(() => {
  store = new MirrorStore(openTestDatabase());
  store.writeListRows(
    ids.map((id, index) => row(id, index)),
    1,
  );
});
afterEach(() => store.db.close());

describe("the mirror's thread ids by their beginning", () => {
  it("gives the ids just before and after one, itself left out, stored or not", () => {
    expect(neighbourIds(store, ids[2] as string)).toEqual([ids[1], ids[3]]);
    expect(neighbourIds(store, ids[0] as string)).toEqual([ids[1]]);
    expect(neighbourIds(store, "2222aaaa-0500-4000-8000-000000000000")).toEqual([ids[1], ids[2]]);
  });

  it("gives the threads whose id starts with a prefix, in id order, with guest and last activity", () => {
    expect(threadsWithPrefix(store, "2222aaa", 10).map((thread) => thread.id)).toEqual(ids.slice(1, 4));
    expect(threadsWithPrefix(store, "2222aaaa-1", 10)).toEqual([
      { id: ids[2], guestName: "Guest 2", lastActivity: "2026-11-22T10:00:00.000Z" },
    ]);
    expect(threadsWithPrefix(store, "2222aaa", 2)).toHaveLength(2);
    expect(threadsWithPrefix(store, "44444444", 10)).toEqual([]);
  });
});

describe("the id book with the mirror", () => {
  it("prints ids unique among the mirror's threads and reads back one it never listed", () => {
    const book = new ThreadIdBook(() => store);
    expect(book.shortForm(ids[0] as string)).toBe("11111111");
    expect(book.shortForm(ids[1] as string)).toBe("2222aaaa-0");
    expect(book.shortForm(ids[3] as string)).toBe("2222aaab");
    expect(book.shortener()(`${ids[2]} and ${ids[4]}`)).toBe("2222aaaa-1 and 33333333");
    expect(book.resolve("2222aaaa-1", "UTC")).toBe(ids[2]);
    expect(() => book.resolve("2222aaaa", "UTC")).toThrow(
      /^The thread id 2222aaaa fits 2 conversations; give one of these ids instead: 2222aaaa-0000-4000-8000-000000000000 \(Guest 1, last activity 2026-11-21 10:00\); 2222aaaa-1000/,
    );
  });

  it("says the first sync has not reached every thread while it runs, and plainly once it is done", () => {
    const book = new ThreadIdBook(() => store);
    expect(() => book.resolve("44444444", "UTC")).toThrow(
      "No thread I know has an id starting with 44444444. The first sync of the inbox has not reached every thread yet: list or search first, or give the full id.",
    );
    store.setState(STATE.firstSyncDone, true);
    expect(() => book.resolve("44444444", "UTC")).toThrow(
      "No conversation has an id starting with 44444444. Check the id on the line it came from, or find the thread with list_conversations or search_conversations.",
    );
  });

  it("goes on with what it remembers when the mirror's file fails", () => {
    const book = new ThreadIdBook(() => store);
    book.remember(ids[0] as string);
    store.db.close();
    expect(book.shortForm(ids[1] as string)).toBe("2222aaaa");
    expect(book.resolve("11111111", "UTC")).toBe(ids[0]);
    store = new MirrorStore(openTestDatabase());
  });
});
