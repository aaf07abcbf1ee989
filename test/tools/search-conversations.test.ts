import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectRefused, type Harness, startHarness, textOf } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => harness.sandbox.reset());

describe("search_conversations", () => {
  it("finds the thread about the broken locker", async () => {
    const result = await harness.call("search_conversations", { query: "locker" });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toMatchSnapshot();
    expect(text.split("\n")[0]).toMatch(/^Threads matching "locker" 1-\d+ of \d+/);
    expect(harness.sandbox.requests[0]?.query).toEqual({ limit: "10", offset: "0", search: "locker" });
    const expected = harness.sandbox.threads.filter((thread) =>
      [thread.guest_name, thread.subject, ...thread.messages.map((m) => m.content)].some((t) =>
        t?.toLowerCase().includes("locker"),
      ),
    );
    expect((result.structuredContent as { total: number }).total).toBe(expected.length);
  });

  it("matches words in older messages, not only the last one", async () => {
    const result = await harness.call("search_conversations", { query: "towel", limit: 50 });
    const ids = (result.structuredContent as { threads: Array<{ id: string }> }).threads.map(
      (thread) => thread.id,
    );
    const onlyInOlder = harness.sandbox.threads.find(
      (thread) =>
        thread.messages.slice(0, -1).some((m) => m.content.toLowerCase().includes("towel")) &&
        !thread.messages.at(-1)?.content.toLowerCase().includes("towel"),
    );
    expect(onlyInOlder).toBeDefined();
    expect(ids).toContain(onlyInOlder?.id);
  });

  it("narrows by channel and points to list_conversations for more", async () => {
    const result = await harness.call("search_conversations", { query: "the", channel: "EMAIL", limit: 2 });
    const text = textOf(result);
    expect(
      text
        .split("\n")
        .slice(1, 3)
        .every((line) => line.split("|")[2] === "EMAIL"),
    ).toBe(true);
    expect(text.split("\n").at(-1)).toBe('more: list_conversations search="the" offset=2 channel="EMAIL"');
  });

  it("says what it searched when nothing matches", async () => {
    const text = textOf(await harness.call("search_conversations", { query: "helicopter" }));
    expect(text).toBe(
      'Threads matching "helicopter": none.\nTry a shorter word, another spelling or language, or list_conversations to browse.',
    );
  });

  it.each([
    [{}, /expected string, received undefined at query/],
    [{ query: "" }, /must not be empty[\s\S]* at query/],
    [{ query: "locker", limit: 51 }, /between 1 and 50[\s\S]* at limit/],
    [{ query: "locker", channel: "email" }, /one of EMAIL[\s\S]* at channel/],
  ])("refuses %j without calling the API", (args, expected) =>
    expectRefused(harness, "search_conversations", args, expected),
  );
});
