import { describe, expect, it } from "vitest";
import { PrefixIndex } from "../../src/text/prefixes.js";

const A = "a1b2c3d4-e5f6-4890-abcd-ef1234567890";
const B = "a1b2c3d4-e5f7-4890-abcd-ef1234567890";
const C = "0f000000-0000-4000-8000-000000000000";

describe("PrefixIndex", () => {
  it("prints the minimum length when no other id shares the prefix", () => {
    const index = new PrefixIndex(8);
    for (const id of [A, C]) index.add(id);
    expect(index.shortest(A)).toBe("a1b2c3d4");
    expect(index.shortest(C)).toBe("0f000000");
  });

  it("lengthens past a shared prefix, and never ends on the hyphen", () => {
    const index = new PrefixIndex(8);
    for (const id of [A, B, C]) index.add(id);
    expect(index.shortest(A)).toBe("a1b2c3d4-e5f6");
    expect(index.shortest(B)).toBe("a1b2c3d4-e5f7");
    const near = new PrefixIndex(8);
    near.add("12345678-aaaa-4000-8000-000000000000");
    near.add("12345678-bbbb-4000-8000-000000000000");
    expect(near.shortest("12345678-aaaa-4000-8000-000000000000")).toBe("12345678-a");
  });

  it("shortens an id it does not hold against its would-be neighbours", () => {
    const index = new PrefixIndex(8);
    index.add(A);
    expect(index.shortest(B)).toBe("a1b2c3d4-e5f7");
  });

  it("resolves a prefix to one id, to the candidates, or to none", () => {
    const index = new PrefixIndex(8);
    for (const id of [A, B, C]) index.add(id);
    expect(index.resolve("a1b2c3d4-e5f6")).toEqual({ kind: "one", id: A });
    expect(index.resolve("a1b2c3d4")).toEqual({ kind: "several", ids: [A, B] });
    expect(index.resolve("ffffffff")).toEqual({ kind: "none" });
    expect(index.resolve(A)).toEqual({ kind: "one", id: A });
  });

  it("names at most five candidates", () => {
    const index = new PrefixIndex(8);
    for (let n = 0; n < 9; n++) index.add(`aaaaaaaa-000${n}-4000-8000-000000000000`);
    const match = index.resolve("aaaaaaaa");
    expect(match.kind === "several" && match.ids.length).toBe(5);
  });

  it("forgets the earliest ids past its capacity", () => {
    const index = new PrefixIndex(8, 2);
    index.add(A);
    index.add(B);
    index.add(C);
    expect(index.size).toBe(2);
    expect(index.has(A)).toBe(false);
    expect(index.resolve("a1b2c3d4")).toEqual({ kind: "one", id: B });
  });
});
