// Thread lines tell which threads on a page share a booking (the guest wrote by email and on
// Booking.com about one stay), so the model sees it without opening either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shortId, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const byName = (name: string, channel: string) => {
  const thread = harness.sandbox.threads.find((t) => t.guest_name === name && t.channel === channel);
  if (!thread) throw new Error(`the seed has no ${channel} thread of ${name}`);
  return thread;
};

describe("list_conversations marks threads of one booking", () => {
  it("tags each thread on the page that shares its booking with another", async () => {
    const archived = byName("Rohan Mehta", "BOOKING_COM");
    const email = byName("Rohan Mehta", "EMAIL");
    const lines = textOf(await harness.call("list_conversations", { search: "Rohan" })).split("\n");
    const line = (id: string) => lines.find((candidate) => candidate.startsWith(`${shortId(id)}|`)) ?? "";
    // Each names the other by the short id its own line starts with.
    expect(line(email.id)).toContain(`|same booking as ${shortId(archived.id)}|`);
    expect(line(archived.id)).toContain(`|same booking as ${shortId(email.id)}|`);
    const single = textOf(await harness.call("list_conversations", { search: "Daniel" }));
    expect(single).not.toContain("same booking");
  });
});
