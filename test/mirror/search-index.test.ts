// The mirror's search index and the search over it, on a store filled by hand: whole words, folded
// accents, topics across languages, guest names as staff type them, and the index kept in step with
// every write and rebuilt when the analysis changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Conversation, Message } from "../../src/api/schemas.js";
import { INDEX_VERSION, INDEX_VERSION_KEY } from "../../src/mirror/search-index.js";
import { MirrorStore } from "../../src/mirror/store.js";
import { searchMirror } from "../../src/search/mirror-search.js";
import { openTestDatabase } from "./open.js";

let store: MirrorStore;
let count = 0;

beforeEach(() => {
  store = new MirrorStore(openTestDatabase());
});
afterEach(() => store.db.close());

/** Stores a thread with these messages (guest first, then alternating), as a sync would; returns its id. */
function thread(
  guest: string,
  messages: readonly string[],
  extra: { subject?: string; booking?: string } = {},
) {
  count += 1;
  const id = `00000000-0000-4000-8000-${String(count).padStart(12, "0")}`;
  const at = (index: number) => new Date(Date.UTC(2026, 10, 1, 10, count, index)).toISOString();
  const parsed = messages.map((content, index) =>
    Message.parse({
      id: `${id}-m${index}`,
      content,
      direction: index % 2 === 0 ? "INBOUND" : "OUTBOUND",
      source: index % 2 === 0 ? "GUEST" : "STAFF",
      created_at: at(index),
      is_read: true,
    }),
  );
  const last = parsed.at(-1);
  const row = Conversation.parse({
    id,
    booking_id: extra.booking ?? `BK-${count}`,
    channel: "EMAIL",
    guest_name: guest,
    subject: extra.subject ?? null,
    status: "OPEN",
    unread_count: 0,
    created_at: at(0),
    last_message: last ?? null,
  });
  store.writeListRows([row], Date.now());
  store.writeMessages(id, parsed, null);
  return id;
}

function ids(query: string, limit = 10): string[] {
  return searchMirror(store, { query, limit, offset: 0, snippets: 0, filters: {} }).ranked.map(
    (entry) => entry.thread.id,
  );
}

describe("search over the mirror's index", () => {
  it("matches whole words: 'late' is not in 'plate', and the quote bolds only the word", () => {
    const plate = thread("Kim Foster", ["Can I park a car with a German plate overnight?"]);
    const late = thread("Tom Whitaker", [
      "We will arrive late, around 1am. Is the plate of cheese still out?",
    ]);
    expect(ids("late")).toEqual([late]);
    expect(ids("plate").sort()).toEqual([plate, late].sort());
    const outcome = searchMirror(store, { query: "late", limit: 5, offset: 0, snippets: 5, filters: {} });
    const match = outcome.ranked[0]?.snippets.find((line) => line.role === "match");
    expect(match?.needles).toEqual(["late"]);
    expect(match?.wholeWords).toBe(true);
  });

  it("folds accents in names and text alike: Theo finds Théo, Zoe Muller finds Zoë Müller, Jose Garcia finds José García", () => {
    const theo = thread("Théo Martin", ["Bonjour, une question sur le parking."]);
    const zoe = thread("Zoë Müller", ["Hallo, ist das Zimmer ruhig?"]);
    const jose = thread("José García", ["Hola, ¿tenéis taquillas?"]);
    thread("Sarah Mitchell", ["Hello, the locker door is broken."]);
    expect(ids("Theo")).toEqual([theo]);
    expect(ids("Zoe Muller")[0]).toBe(zoe);
    expect(ids("Jose Garcia")[0]).toBe(jose);
    expect(ids("Müller")).toEqual([zoe]);
  });

  it("finds a topic across languages: towels finds toallas and Handtücher, breakfast finds desayuno and Frühstück", () => {
    const toallas = thread("Lucía Fernández", ["¿Hay toallas en la habitación o tengo que traerlas?"]);
    const handtuch = thread("Lena Hoffmann", ["Brauchen wir eigene Handtücher?"]);
    const desayuno = thread("Marco Rossi", ["¿A qué hora es el desayuno?"]);
    const fruhstuck = thread("Anna Schröder", ["Gibt es Frühstück ab 7 Uhr?"]);
    thread("Kevin Brown", ["Can I get a refund for the second night?"]);
    expect(ids("towels").sort()).toEqual([toallas, handtuch].sort());
    expect(ids("breakfast").sort()).toEqual([desayuno, fruhstuck].sort());
  });

  it("keeps the small words of a topic's phrase: a late check-in is not a late check-out", () => {
    const checkout = thread("Jonas Hartmann", ["Ist ein später Check-out am Sonntag möglich?"]);
    const arrival = thread("Tom Whitaker", ["Our bus is delayed, we will arrive around midnight."]);
    expect(ids("late check-in")).toEqual([arrival]);
    expect(ids("late check-out")).toEqual([checkout]);
  });

  it("lets the model's own synonyms widen a search, never narrow it", () => {
    const toallas = thread("Lucía Fernández", ["¿Hay toallas en la habitación?"]);
    const towel = thread("Jack Taylor", ["Do you rent towels?"]);
    expect(ids("towels toallas").sort()).toEqual([toallas, towel].sort());
    // Handtuch joins the towels group rather than asking for a thread with both.
    expect(ids("towels Handtuch").sort()).toEqual([toallas, towel].sort());
  });

  it("reads words joined by OR as alternatives of one group, which widen and never narrow", () => {
    const chien = thread("Julie Moreau", ["Je voyage avec mon petit chien, est-ce possible ?"]);
    const perro = thread("Mateo Ruiz", ["¿Puedo venir con mi perro?"]);
    const dog = thread("Jack Taylor", ["Is a dog allowed in the dorm?"]);
    thread("Kevin Brown", ["Can I travel with a bike?"]);
    expect(ids("a dog OR chien OR perro").sort()).toEqual([chien, perro, dog].sort());
    // Without OR each word is a group of its own: a thread needs them all to rank as one that has both.
    const both = searchMirror(store, { query: "dog chien", limit: 5, offset: 0, snippets: 0, filters: {} });
    const either = searchMirror(store, {
      query: "dog OR chien",
      limit: 5,
      offset: 0,
      snippets: 0,
      filters: {},
    });
    expect(both.searched).toEqual(["dog", "chien"]);
    expect(either.searched).toEqual(["dog / chien"]);
    expect(either.ranked.map((entry) => entry.matched)).toEqual([["dog / chien"], ["dog / chien"]]);
  });

  it("matches guest names with one typo in a name of five letters or more, not in a shorter one", () => {
    const whitaker = thread("Tom Whitaker", ["Arriving at 1am."]);
    const giulia = thread("Giulia Romano", ["Il wifi non funziona."]);
    thread("Tim Brown", ["Hello."]);
    expect(ids("Whitakar")).toEqual([whitaker]);
    expect(ids("Guilia")).toEqual([giulia]);
    // "Tam" is one letter from "Tom" and "Tim", but too short to allow a typo.
    expect(ids("Tam")).toEqual([]);
  });

  it("ranks a guest's name above the same word in someone else's message", () => {
    const mention = thread("Kevin Brown", ["My friend Bernard will pay for both of us, Bernard says hi."]);
    const named = thread("Léa Bernard", ["Bonjour, à quelle heure est le check-in ?"]);
    expect(ids("Bernard")).toEqual([named, mention]);
    expect(ids("Lea Bernard")[0]).toBe(named);
  });

  it("keeps the index in step when a thread's messages change and when it is removed", () => {
    const id = thread("Nina Kowalski", ["Could we have a room with a view?"]);
    expect(ids("parking")).toEqual([]);
    const messages = store.messages(id) ?? [];
    const added = Message.parse({
      id: `${id}-new`,
      content: "Also, is there parking nearby?",
      direction: "INBOUND",
      source: "GUEST",
      created_at: "2026-11-02T10:00:00Z",
      is_read: false,
    });
    store.writeMessages(id, [...messages, added], null);
    expect(ids("parking")).toEqual([id]);
    store.removeThread(id);
    expect(ids("parking")).toEqual([]);
    expect(ids("Kowalski")).toEqual([]);
    expect(store.db.prepare("SELECT count(*) AS n FROM search_docs").get()).toEqual({ n: 0 });
  });

  it("reindexes a thread whose guest name changes in the list, and not one whose row repeats itself", () => {
    const id = thread("Guest 4471", ["Hello"]);
    const row = store.thread(id);
    if (!row) throw new Error("not stored");
    const changesBefore = (store.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    store.writeListRows([row], Date.now());
    const changesAfter = (store.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    // The thread row's upsert only: the index row was not written again.
    expect(changesAfter - changesBefore).toBe(1);
    store.writeListRows([{ ...row, guest_name: "Freya Lindqvist" }], Date.now());
    expect(ids("Freya")).toEqual([id]);
    expect(ids("4471")).toEqual([]);
  });

  it("rebuilds the index from stored rows when INDEX_VERSION changes, with no request", () => {
    const id = thread("Hugo Lefèvre", ["J'ai oublié mon chargeur dans la chambre 7."]);
    // As if an older analysis had written it: its rows are wrong and its version is another.
    store.db.exec("DELETE FROM search_index");
    store.setState(INDEX_VERSION_KEY, INDEX_VERSION - 1);
    expect(ids("chargeur")).toEqual([]);
    const reopened = new MirrorStore(store.db);
    expect(reopened.state(INDEX_VERSION_KEY)).toBe(INDEX_VERSION);
    expect(ids("chargeur")).toEqual([id]);
    expect(ids("Lefevre")).toEqual([id]);
  });
});
