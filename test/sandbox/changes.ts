// Changes to a running sandbox's inbox, as the real inbox changes while a server syncs it: a guest
// writes, a new thread opens, staff archive one, one is deleted. The honest sandbox reads its thread
// list afresh on every request, so each change shows in the next answer of both endpoints.
import {
  lastActivity,
  PROPERTY_EMAIL,
  type SandboxMessage,
  type SandboxThread,
  stableUuid,
} from "../../src/sandbox/dataset.js";

export interface NewMessage {
  content: string;
  /** Default INBOUND: a guest writing, unread. */
  direction?: "INBOUND" | "OUTBOUND";
  source?: string;
  /** Default: one minute after the inbox's newest time so far, so it is the newest message. */
  at?: Date;
  isRead?: boolean;
}

export interface NewThread {
  channel?: string;
  guestName?: string | null;
  subject?: string | null;
  status?: "OPEN" | "ARCHIVED";
  /** Its first messages; default one unread message from the guest. */
  messages?: NewMessage[];
  at?: Date;
}

export interface InboxChanges {
  addMessage(threadId: string, message: NewMessage): SandboxMessage;
  addThread(thread?: NewThread): SandboxThread;
  archive(threadId: string): SandboxThread;
  /** Removes the thread: the list leaves it out and its messages answer 404. */
  remove(threadId: string): SandboxThread;
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function inboxChanges(threads: SandboxThread[], anchor: Date): InboxChanges {
  let changes = 0;
  // Times move on a minute a change from the newest time in the inbox, so every change is newer
  // than all that came before it, whatever the seed's anchor.
  let clock = Math.max(anchor.getTime(), ...threads.map((thread) => Date.parse(lastActivity(thread))));
  const tick = (at: Date | undefined): string => {
    changes += 1;
    if (at) return iso(at);
    clock += 60_000;
    return iso(new Date(clock));
  };

  function find(threadId: string): SandboxThread {
    const thread = threads.find((candidate) => candidate.id === threadId);
    if (!thread) throw new Error(`no thread ${threadId} in the sandbox`);
    return thread;
  }

  function message(thread: SandboxThread, spec: NewMessage): SandboxMessage {
    const inbound = (spec.direction ?? "INBOUND") === "INBOUND";
    const email = thread.channel === "EMAIL";
    return {
      id: stableUuid("message", `change-${changes}#${thread.id}#${thread.messages.length}`),
      content: spec.content,
      direction: inbound ? "INBOUND" : "OUTBOUND",
      source: spec.source ?? (inbound ? "GUEST" : "MANUAL"),
      sender: email ? (inbound ? "guest@example.com" : PROPERTY_EMAIL) : inbound ? "guest" : "property",
      is_read: spec.isRead ?? !inbound,
      created_at: tick(spec.at),
    };
  }

  return {
    addMessage(threadId, spec) {
      const thread = find(threadId);
      const added = message(thread, spec);
      thread.messages.push(added);
      return added;
    },
    addThread(spec = {}) {
      const created_at = tick(spec.at);
      const thread: SandboxThread = {
        id: stableUuid("thread", `change-${changes}`),
        booking_id: stableUuid("booking", `change-${changes}`),
        channel: spec.channel ?? "WHATSAPP",
        guest_name: spec.guestName === undefined ? `New Guest ${changes}` : spec.guestName,
        subject: spec.subject ?? null,
        status: spec.status ?? "OPEN",
        created_at,
        messages: [],
      };
      const firsts = spec.messages ?? [{ content: "Hi! Do you have a bed for tonight?" }];
      for (const [index, first] of firsts.entries()) {
        // The first message opens the thread; later ones follow a minute apart.
        thread.messages.push(message(thread, index === 0 ? { at: new Date(created_at), ...first } : first));
      }
      threads.push(thread);
      return thread;
    },
    archive(threadId) {
      const thread = find(threadId);
      thread.status = "ARCHIVED";
      return thread;
    },
    remove(threadId) {
      const thread = find(threadId);
      threads.splice(threads.indexOf(thread), 1);
      return thread;
    },
  };
}
