// Ids, channels and statuses come from the API, not from guests: they are kept on one line like guest
// text, but never card-masked. Guest-text cleaning spares digits that touch a letter, yet about 1 UUID
// in 15,000 still has all-digit groups between dashes that pass for a card number, and a thread id
// shown as "[card ending …]" could no longer be handed to get_messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableUuid } from "../../src/sandbox/dataset.js";
import type { SeedThread } from "../../src/sandbox/seed-types.js";
import { apiField, field } from "../../src/text/guest-text.js";
import { type Harness, shortId, startHarness, textOf } from "../helpers.js";

// Keys whose derived UUIDs hold a Luhn-valid run of 13+ digits across their dashes, with no letter
// touching it.
const threadId = stableUuid("thread", "locker-11191");
const bookingId = stableUuid("booking", "booking-14731");

describe("a value the API generates, as a field", () => {
  it("leaves a UUID whole where guest-text cleaning would mask it as a card", () => {
    // The premise: these ids are exactly the ones guest-text cleaning would damage.
    expect(field(threadId)).toContain("[card ending");
    expect(field(bookingId)).toContain("[card ending");
    expect(apiField(threadId)).toBe(threadId);
    expect(apiField(bookingId)).toBe(bookingId);
  });

  it("still keeps an odd value on one line and off the separator", () => {
    expect(apiField("OPEN|ARCHIVED")).toBe("OPEN/ARCHIVED");
    expect(apiField("NEEDS\nREPLY\u200B  now ")).toBe("NEEDS REPLY now");
    expect(apiField("a b", " ")).toBe("a/b");
    expect(apiField("BOOKING_COM")).toBe("BOOKING_COM");
    expect(apiField("")).toBe("");
  });
});

describe("ids that look like card numbers, through the real server", () => {
  const seed: SeedThread[] = [
    {
      key: "locker-11191",
      channel: "EMAIL",
      guestName: "Ana Lima",
      subject: "Broken locker",
      guestEmail: "ana@example.com",
      status: "OPEN",
      bookingKey: "booking-14731",
      createdMinutesAgo: 90,
      messages: [
        { direction: "INBOUND", source: "GUEST", content: "Locker 12 will not open.", minutesAgo: 60 },
      ],
    },
  ];
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ seed });
  });
  afterAll(() => harness.close());

  it("lists the thread under its real id, which get_messages then accepts", async () => {
    const list = textOf(await harness.call("list_conversations", {}));
    expect(list.split("\n")[1]?.startsWith(`${shortId(threadId)}|Ana Lima|EMAIL|`)).toBe(true);
    expect(list).not.toContain("[card ending");

    const transcript = await harness.call("get_messages", { thread_id: threadId });
    expect(transcript.isError).toBeFalsy();
    const header = textOf(transcript).split("\n")[0];
    expect(header?.startsWith(`Thread ${shortId(threadId)}|Ana Lima|EMAIL|OPEN|booking ${bookingId}`)).toBe(
      true,
    );
  });
});
