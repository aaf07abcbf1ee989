// The sync against the sandbox: the first sync stores what the live API returns, later syncs make
// only the requests the changes need, and disappearing, archived and new threads are reflected.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HostelMateClient } from "../../src/api/client.js";
import { MirrorStore, STATE } from "../../src/mirror/store.js";
import { DEFAULT_FULL_READ_EVERY_MS, syncMirror } from "../../src/mirror/sync.js";
import type { Sandbox } from "../sandbox/server.js";
import {
  bigSeed,
  liveInbox,
  messagePages,
  newMessage,
  newThread,
  requestCounts,
  startInbox,
} from "./inbox.js";
import { openTestDatabase } from "./open.js";

let sandbox: Sandbox;
let client: HostelMateClient;
let store: MirrorStore;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  ({ sandbox, client } = await startInbox());
  store = new MirrorStore(openTestDatabase());
  clock = Date.UTC(2026, 10, 24, 18, 0);
});

afterEach(async () => {
  store.db.close();
  await sandbox.close();
});

async function expectEqualToLive(): Promise<void> {
  const live = await liveInbox(client);
  expect(store.threads()).toEqual(live.threads);
  for (const thread of live.threads) expect(store.messages(thread.id)).toEqual(live.messages.get(thread.id));
}

/** Three list pages; the thread whose last activity is oldest in each of the first three copies. */
function olderThreads(count: number) {
  // Threads with the oldest activity: a new message moves each from deep in the list to the top.
  return [...sandbox.threads]
    .sort((a, b) => (a.messages.at(-1)?.created_at ?? "").localeCompare(b.messages.at(-1)?.created_at ?? ""))
    .slice(0, count);
}

describe("first sync", () => {
  it("stores every thread and message as the live API returns them, with one request per thread and page", async () => {
    expect(bigSeed.length).toBeGreaterThan(200);
    const report = await syncMirror({ client, store, now });
    expect(report.kind).toBe("first");
    const pages = Math.ceil(bigSeed.length / 100);
    const messages = messagePages(sandbox.threads);
    expect(report).toMatchObject({ listRequests: pages, messageRequests: messages, threads: bigSeed.length });
    expect(requestCounts(sandbox)).toEqual({ list: pages, messages, total: pages + messages });
    expect(store.state(STATE.firstSyncDone)).toBe(true);
    expect(store.state(STATE.lastCheckAt)).toBe(clock);
    // The sandbox orders its list by last activity: the read found that out.
    expect(store.state(STATE.listOrder)).toBe("activity");
    expect(sandbox.requests.every((request) => request.query.limit === "100")).toBe(true);
    await expectEqualToLive();
  });

  it("sends every request in the background lane", async () => {
    const lanes: (string | undefined)[] = [];
    const recording: HostelMateClient = {
      listConversations: (query, call) => {
        lanes.push(call?.lane);
        return client.listConversations(query, call);
      },
      getMessages: (id, query, call) => {
        lanes.push(call?.lane);
        return client.getMessages(id, query, call);
      },
    };
    await syncMirror({ client: recording, store, now });
    expect(lanes.length).toBeGreaterThan(200);
    expect(new Set(lanes)).toEqual(new Set(["background"]));
  });

  it("reads the newest threads' messages first", async () => {
    await syncMirror({ client, store, now });
    const order = sandbox.requests
      .filter((request) => request.path.endsWith("/messages"))
      .map((request) => request.path.split("/")[5])
      .filter((id, index, all) => all.indexOf(id) === index);
    const byActivity = store.threads().map((thread) => thread.id);
    // Pages are read in list order; within a page a few threads are read at once.
    expect(order.slice(0, 100).sort()).toEqual(byActivity.slice(0, 100).sort());
    expect(order.slice(100, 200).sort()).toEqual(byActivity.slice(100, 200).sort());
  });
});

describe("incremental sync", () => {
  beforeEach(async () => {
    await syncMirror({ client, store, now });
    sandbox.reset();
    clock += 60_000;
  });

  it("makes one request when nothing changed", async () => {
    const report = await syncMirror({ client, store, now });
    expect(report).toMatchObject({ kind: "incremental", requests: 1, changed: 0 });
    expect(requestCounts(sandbox).total).toBe(1);
  });

  it("after N new messages makes at most N + 2 requests and stores the new messages", async () => {
    const changed = olderThreads(10);
    for (const thread of changed) newMessage(thread);
    const report = await syncMirror({ client, store, now });
    expect(report.kind).toBe("incremental");
    expect(report.changed).toBe(10);
    expect(requestCounts(sandbox).total).toBeLessThanOrEqual(10 + 2);
    expect(requestCounts(sandbox).messages).toBe(10);
    await expectEqualToLive();
  });

  it("reads only the new end of a thread longer than a page", async () => {
    const long = sandbox.threads.find((thread) => thread.messages.length > 100);
    if (!long) throw new Error("the seed has no thread longer than a page");
    newMessage(long);
    await syncMirror({ client, store, now });
    expect(requestCounts(sandbox).messages).toBe(1);
    const read = sandbox.requests.find((request) => request.path.endsWith("/messages"));
    expect(read?.query.offset).toBe(String(long.messages.length - 2));
    await expectEqualToLive();
  });

  it("stores a new thread", async () => {
    const added = newThread(sandbox, "Théo Martin");
    const report = await syncMirror({ client, store, now });
    expect(requestCounts(sandbox).total).toBeLessThanOrEqual(1 + 2);
    expect(report.threads).toBe(bigSeed.length + 1);
    expect(store.thread(added.id)?.guest_name).toBe("Théo Martin");
    await expectEqualToLive();
  });

  it("removes a deleted thread with list reads only", async () => {
    const [gone] = sandbox.threads.splice(120, 1);
    const report = await syncMirror({ client, store, now });
    expect(report.removed).toBe(1);
    expect(store.thread(gone?.id ?? "")).toBeNull();
    expect(store.messages(gone?.id ?? "")).toBeNull();
    expect(requestCounts(sandbox).messages).toBe(0);
    await expectEqualToLive();
  });

  it("reflects an archived thread at the next whole read, without reading its messages", async () => {
    const thread = sandbox.threads.find(
      (candidate) => candidate.status === "OPEN",
    ) as (typeof sandbox.threads)[0];
    thread.status = "ARCHIVED";
    const before = store.countThreads({ status: "ARCHIVED" });
    clock += DEFAULT_FULL_READ_EVERY_MS;
    const report = await syncMirror({ client, store, now });
    expect(report.kind).toBe("full");
    expect(store.thread(thread.id)?.status).toBe("ARCHIVED");
    expect(store.countThreads({ status: "ARCHIVED" })).toBe(before + 1);
    expect(requestCounts(sandbox).messages).toBe(0);
    await expectEqualToLive();
  });

  it("does not read the list whole every time where its total never matched what it lists", async () => {
    const miscounting: HostelMateClient = {
      listConversations: async (query, call) => {
        const page = await client.listConversations(query, call);
        return {
          ...page,
          pagination: page.pagination && { ...page.pagination, total: (page.pagination.total ?? 0) + 5 },
        };
      },
      getMessages: (id, query, call) => client.getMessages(id, query, call),
    };
    expect((await syncMirror({ client: miscounting, store, now, full: true })).kind).toBe("full");
    sandbox.reset();
    clock += 60_000;
    expect(await syncMirror({ client: miscounting, store, now })).toMatchObject({
      kind: "incremental",
      requests: 1,
    });
  });

  it("reads the list whole where it is not ordered by activity", async () => {
    store.setState(STATE.listOrder, "unordered");
    newMessage(olderThreads(1)[0] as (typeof sandbox.threads)[0]);
    await syncMirror({ client, store, now });
    expect(requestCounts(sandbox)).toMatchObject({ list: Math.ceil(bigSeed.length / 100), messages: 1 });
  });
});

describe("interrupted first sync", () => {
  it("goes on where it stopped and reads no thread twice", async () => {
    let allowed = 150;
    const failing: HostelMateClient = {
      listConversations: (query, call) => client.listConversations(query, call),
      getMessages: (id, query, call) => {
        if (allowed-- <= 0) return Promise.reject(new Error("the process stops here"));
        return client.getMessages(id, query, call);
      },
    };
    await expect(syncMirror({ client: failing, store, now })).rejects.toThrow("the process stops here");
    expect(store.state(STATE.firstSyncDone)).toBeUndefined();
    const stored = store.stats().threadsWithMessages;
    expect(stored).toBeGreaterThanOrEqual(100);
    const first = requestCounts(sandbox);
    sandbox.reset();

    const report = await syncMirror({ client, store, now });
    expect(report.kind).toBe("first");
    // The page under way when it stopped is read again; the threads it stored are not.
    expect(sandbox.requests[0]?.query.offset).toBe("100");
    expect(first.messages + requestCounts(sandbox).messages).toBe(messagePages(sandbox.threads));
    await expectEqualToLive();
  });
});

describe("an API that ignores offset", () => {
  it("ends the list and each thread at the first repeated page instead of looping", async () => {
    const stuck: HostelMateClient = {
      listConversations: (query, call) => client.listConversations({ ...query, offset: 0 }, call),
      getMessages: (id, query, call) => client.getMessages(id, { ...query, offset: 0 }, call),
    };
    const report = await syncMirror({ client: stuck, store, now });
    expect(report.kind).toBe("first");
    expect(report.listRequests).toBe(2);
    expect(store.countThreads()).toBe(100);
    const long = sandbox.threads.find((thread) => thread.messages.length > 100 && store.hasThread(thread.id));
    expect(store.messages(long?.id ?? "")).toHaveLength(100);
  });
});

describe("lease", () => {
  it("lets one sync run at a time: another holder is skipped without a request", async () => {
    expect(store.acquireLease("other server", 60_000, clock)).toBe(true);
    const report = await syncMirror({ client, store, now, holder: "this server" });
    expect(report.kind).toBe("skipped");
    expect(sandbox.requests).toHaveLength(0);
    // Once the other's lease lapses, this one takes over.
    clock += 60_001;
    const next = await syncMirror({ client, store, now, holder: "this server" });
    expect(next.kind).toBe("first");
    expect(store.leaseHolder(clock)).toBeNull();
  });
});
