// Request sharing on its own, with upstream requests that settle only when the test says so — the
// gap between a cancel and its request settling is where a late identical call used to get lost.
import { describe, expect, it } from "vitest";
import { SharedRequests } from "../../src/api/shared-requests.js";

interface Upstream {
  signal: AbortSignal;
  resolve(value: string): void;
  reject(reason: unknown): void;
}

function upstreams() {
  const started: Upstream[] = [];
  const start = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => started.push({ signal, resolve, reject }));
  return { started, start };
}

describe("SharedRequests", () => {
  it("shares one upstream request between identical calls", async () => {
    const shared = new SharedRequests<string>();
    const { started, start } = upstreams();
    const first = shared.run("k", undefined, start);
    const second = shared.run("k", new AbortController().signal, start);
    expect(started).toHaveLength(1);
    started[0]?.resolve("page");
    expect(await Promise.all([first, second])).toEqual(["page", "page"]);
    expect(shared.size).toBe(0);
  });

  it("starts afresh for an identical call that arrives after the last caller left", async () => {
    const shared = new SharedRequests<string>();
    const { started, start } = upstreams();
    const cancel = new AbortController();
    const leaving = shared.run("k", cancel.signal, start);
    cancel.abort(new Error("cancelled by the client"));
    await expect(leaving).rejects.toThrow("cancelled by the client");
    expect(started[0]?.signal.aborted).toBe(true);

    // The cancelled request has not settled yet; the newcomer must not join it.
    const late = shared.run("k", undefined, start);
    expect(started).toHaveLength(2);
    started[0]?.reject(new Error("aborted upstream"));
    // The old request settling must not forget the new one: a third call still joins it.
    await new Promise((resolve) => setImmediate(resolve));
    const joining = shared.run("k", undefined, start);
    expect(started).toHaveLength(2);
    started[1]?.resolve("page");
    expect(await Promise.all([late, joining])).toEqual(["page", "page"]);
    expect(shared.size).toBe(0);
  });
});
