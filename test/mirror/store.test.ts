// The store on its own and on a file shared by two connections: the lease, filters, and a process
// killed in the middle of a sync.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MirrorStore, STATE } from "../../src/mirror/store.js";
import { DEFAULT_LEASE_MS, syncMirror } from "../../src/mirror/sync.js";
import { KEY, liveInbox, messagePages, requestCounts, startInbox } from "./inbox.js";
import { openTestDatabase } from "./open.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "hostelmate-mirror-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("lease between two connections to one file", () => {
  it("is held by one at a time, renewed only by its holder, and taken over once it lapses", () => {
    const path = join(folder, "mirror.db");
    const a = new MirrorStore(openTestDatabase(path));
    const b = new MirrorStore(openTestDatabase(path));
    try {
      const t0 = 1_000_000;
      expect(a.acquireLease("a", 1_000, t0)).toBe(true);
      expect(b.acquireLease("b", 1_000, t0 + 500)).toBe(false);
      expect(b.leaseHolder(t0 + 500)).toBe("a");
      expect(a.renewLease("a", 1_000, t0 + 900)).toBe(true);
      expect(b.acquireLease("b", 1_000, t0 + 1_800)).toBe(false);
      // a stopped renewing: b takes over, and a cannot take it back by renewing.
      expect(b.acquireLease("b", 1_000, t0 + 1_901)).toBe(true);
      expect(a.renewLease("a", 1_000, t0 + 1_902)).toBe(false);
      a.releaseLease("a");
      expect(a.leaseHolder(t0 + 1_903)).toBe("b");
      b.releaseLease("b");
      expect(a.acquireLease("a", 1_000, t0 + 1_904)).toBe(true);
      // Lapsed but not taken (a slow request outlived it): still a's to renew.
      expect(a.renewLease("a", 1_000, t0 + 5_000)).toBe(true);
      expect(b.acquireLease("b", 1_000, t0 + 5_500)).toBe(false);
    } finally {
      a.db.close();
      b.db.close();
    }
  });

  it("lets the other connection read what one syncs", async () => {
    const { sandbox, client } = await startInbox();
    const path = join(folder, "mirror.db");
    const writer = new MirrorStore(openTestDatabase(path));
    const reader = new MirrorStore(openTestDatabase(path));
    try {
      await syncMirror({ client, store: writer, holder: "writer" });
      expect(reader.stats()).toMatchObject({ threads: sandbox.threads.length, firstSyncDone: true });
      sandbox.reset();
      // The reader's own sync finds a fresh mirror and reads only the first page.
      const report = await syncMirror({ client, store: reader, holder: "reader" });
      expect(report).toMatchObject({ kind: "incremental", requests: 1 });
    } finally {
      writer.db.close();
      reader.db.close();
      await sandbox.close();
    }
  });
});

describe("filters", () => {
  it("match status, channel, booking, unread and last activity, newest first", async () => {
    const { sandbox, client } = await startInbox();
    const store = new MirrorStore(openTestDatabase());
    try {
      await syncMirror({ client, store });
      const live = (await liveInbox(client)).threads;
      const archived = live.filter((thread) => thread.status === "ARCHIVED");
      expect(store.threads({ status: "archived" })).toEqual(archived);
      expect(store.countThreads({ status: "ARCHIVED" })).toBe(archived.length);
      expect(store.threads({ channel: "EMAIL", unread: true })).toEqual(
        live.filter((thread) => thread.channel === "EMAIL" && (thread.unread_count ?? 0) > 0),
      );
      const booking = live[3]?.booking_id ?? "";
      expect(store.threads({ bookingId: booking.toUpperCase() })).toEqual(
        live.filter((thread) => thread.booking_id === booking),
      );
      const since = "2026-11-20T00:00:00Z";
      // A thread without messages counts from its creation.
      const activity = (thread: (typeof live)[0]) =>
        thread.last_message?.created_at ?? thread.created_at ?? "";
      const recent = live.filter((thread) => activity(thread) >= since);
      expect(store.threads({ since })).toEqual(recent);
      expect(store.threads({ until: since, limit: 5, offset: 2 })).toEqual(
        live.filter((thread) => activity(thread) < since).slice(2, 7),
      );
      expect(store.threads({ order: "oldest", limit: 1 })).toEqual([live.at(-1)]);
    } finally {
      store.db.close();
      await sandbox.close();
    }
  });
});

describe("a sync killed with SIGKILL", () => {
  it("leaves a file that passes integrity_check and a sync that goes on from there", async () => {
    const { sandbox, client } = await startInbox();
    const path = join(folder, "mirror.db");
    try {
      openTestDatabase(path).close();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "test/mirror/sync-child.ts", path, sandbox.url, KEY],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      const exited = once(child, "exit");
      // Killed once it is well into the messages: 60 threads stored or being stored.
      await new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (requestCounts(sandbox).messages >= 60) {
            clearInterval(poll);
            resolve();
          }
        }, 5);
        child.once("exit", () => {
          clearInterval(poll);
          reject(new Error("the child ended before it was killed"));
        });
      });
      child.kill("SIGKILL");
      const [, signal] = await exited;
      expect(signal).toBe("SIGKILL");
      const before = requestCounts(sandbox).messages;
      sandbox.reset();

      const store = new MirrorStore(openTestDatabase(path));
      try {
        const integrity = store.db.prepare("PRAGMA integrity_check").all();
        expect(integrity).toEqual([{ integrity_check: "ok" }]);
        expect(store.state(STATE.firstSyncDone)).toBeUndefined();
        // The killed process still holds the lease until it lapses; then this one takes over.
        expect((await syncMirror({ client, store, holder: "after the kill" })).kind).toBe("skipped");
        const later = () => Date.now() + DEFAULT_LEASE_MS + 1;
        const report = await syncMirror({ client, store, holder: "after the kill", now: later });
        expect(report.kind).toBe("first");
        const after = requestCounts(sandbox).messages;
        const live = await liveInbox(client);
        expect(store.threads()).toEqual(live.threads);
        for (const thread of live.threads)
          expect(store.messages(thread.id)).toEqual(live.messages.get(thread.id));
        // Threads stored before the kill are not read again; the four in flight at the kill may be.
        expect(before + after).toBeLessThanOrEqual(messagePages(sandbox.threads) + 4);
      } finally {
        store.db.close();
      }
    } finally {
      await sandbox.close();
    }
    // A child compiled by tsx and a sync to 60 threads, then a whole sync: about 4 s alone, and over
    // 20 s on a 2-core machine running other suites beside it.
  }, 90_000);
});
