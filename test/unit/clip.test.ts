// A long message is shown as its beginning and its end: the end of a long complaint is where the
// guest says what they want.
import { describe, expect, it } from "vitest";
import { messageBody } from "../../src/format/transcript.js";

const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("messageBody clipping", () => {
  it("keeps the beginning and the end, cut at whole words, with the count left out between", () => {
    const words = Array.from({ length: 600 }, (_, index) => `word${index}`).join(" ");
    const body = messageBody(words, 2_000, "full_text=true shows all");
    const [start, mark, end] = body.split("\n");
    expect(start).toMatch(/^word0 word1 .* word\d+ …$/);
    expect(end).toMatch(/^… word\d+ .* word599$/);
    const shown = `${start?.slice(0, -2)} ${end?.slice(2)}`.split(" ");
    const left = words.length - (start?.length ?? 0) + 2 - ((end?.length ?? 0) - 2);
    expect(mark).toBe(`[… ${left.toLocaleString("en-US")} characters left out; full_text=true shows all …]`);
    // Every word shown is whole.
    for (const word of shown) expect(word).toMatch(/^word\d+$/);
    expect(body.length).toBeLessThanOrEqual(2_000);
  });

  it("never cuts an emoji in half at either end", () => {
    for (const pad of ["", "a", "ab"]) {
      const body = messageBody(`${pad}${"😀".repeat(1_500)}`, 2_000, "");
      expect(isWellFormed(body)).toBe(true);
      expect(body).toMatch(/\n\[… [\d,]+ characters left out …\]\n… 😀/);
    }
  });

  it("leaves a message at the limit whole", () => {
    expect(messageBody("x".repeat(2_000), 2_000, "")).toBe("x".repeat(2_000));
  });
});
