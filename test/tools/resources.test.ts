import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inlineNotes } from "../../src/notes/notes.js";
import { stableUuid } from "../../src/sandbox/dataset.js";
import { type Harness, shortId, startHarness } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ notes: inlineNotes("# Notes\nCheck-in from 15:00.", "test") });
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

const LOCKER = stableUuid("thread", "broken-locker-sarah");

async function read(uri: string): Promise<string> {
  const result = await harness.client.readResource({ uri });
  const [content] = result.contents;
  if (!content || !("text" in content)) throw new Error("expected text content");
  return content.text;
}

describe("resources", () => {
  it("serves the property notes", async () => {
    expect(await read("hostelmate://property/notes")).toBe("# Notes\nCheck-in from 15:00.");
  });

  it("lists the 20 most recent threads with guest names for attaching", async () => {
    const { resources } = await harness.client.listResources();
    const threads = resources.filter((resource) => resource.uri.startsWith("hostelmate://conversations/"));
    expect(threads).toHaveLength(20);
    const locker = threads.find((resource) => resource.uri === `hostelmate://conversations/${LOCKER}`);
    expect(locker).toMatchObject({
      name: "Sarah Mitchell (HOSTELWORLD)",
      mimeType: "text/plain",
      description: "HOSTELWORLD · needs reply · 2 unread · last message 38m ago",
    });
    expect(resources.some((resource) => resource.uri === "hostelmate://property/notes")).toBe(true);
  });

  it.each([
    ["the feature is disabled", { featureDisabled: true }, /feature is not enabled/],
    [
      "the key is rejected",
      { failures: [{ status: 401, times: Number.POSITIVE_INFINITY }] },
      /rejected the API key/,
    ],
  ] as const)("still lists the property notes when %s", async (_why, faults, sentence) => {
    Object.assign(harness.sandbox.faults, faults);
    harness.log.length = 0;
    const { resources } = await harness.client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(["hostelmate://property/notes"]);
    const warnings = harness.log.filter((line) => line.includes("warn: resources/list: left out"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(sentence);
    expect(harness.log.join("")).not.toMatch(/ error: /);
  });

  it("reads a thread as its transcript", async () => {
    const text = await read(`hostelmate://conversations/${LOCKER}`);
    const bookingId = harness.sandbox.threads.find((thread) => thread.id === LOCKER)?.booking_id;
    expect(text.split("\n")[0]).toBe(
      `Thread ${shortId(LOCKER)}|Sarah Mitchell|HOSTELWORLD|OPEN|booking ${bookingId}`,
    );
    expect(text).toMatch(/NEEDS REPLY: the guest has been waiting since/);
  });

  it("publishes the template and completes its thread id", async () => {
    const { resourceTemplates } = await harness.client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual([
      "hostelmate://conversations/{thread_id}",
    ]);
    const completion = await harness.client.complete({
      ref: { type: "ref/resource", uri: "hostelmate://conversations/{thread_id}" },
      argument: { name: "thread_id", value: "Mitch" },
    });
    expect(completion.completion.values).toEqual([shortId(LOCKER)]);
  });

  it("refuses a URI that names no thread and explains an unknown one", async () => {
    await expect(read("hostelmate://conversations/..%2F..%2Fetc")).rejects.toThrow(
      /must be a thread id like/,
    );
    await expect(read("hostelmate://conversations/00000000-0000-4000-8000-000000000000")).rejects.toThrow(
      /There is no conversation with id/,
    );
    expect(harness.sandbox.requests.filter((request) => request.path.includes("etc"))).toEqual([]);
  });

  it("refuses a URI whose percent-encoding is broken with a sentence, not an internal error", async () => {
    harness.log.length = 0;
    const failure = read("hostelmate://conversations/%E0%A4%A");
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.InvalidParams });
    await expect(failure).rejects.toThrow(/is not a conversation.*percent-encoding is broken/);
    expect(harness.log.join("")).not.toMatch(/ error: |internal error/);
    expect(harness.sandbox.requests).toEqual([]);
  });
});
