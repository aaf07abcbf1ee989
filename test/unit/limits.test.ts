// What the tools tell the model about their limits is built from src/limits.ts, so a limit changed
// there cannot leave a description stating the old one. Checked with other values than the real ones.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("../../src/limits.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/limits.js")>()),
  SCAN_BUDGET: 321,
  SEARCH_REQUEST_BUDGET: 7,
  MESSAGE_CLIP_CHARS: 1234,
}));

const { tools } = await import("../../src/tools/index.js");

/** A tool's description and every description in its input schema, as the model reads them. */
function published(name: string): string {
  const tool = tools.find((each) => each.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return `${tool.description}\n${JSON.stringify(z.toJSONSchema(z.object(tool.inputSchema), { io: "input" }))}`;
}

describe("the limits the tools state", () => {
  it("come from src/limits.ts", () => {
    const list = published("list_conversations");
    expect(list).toContain("it reads up to 321 threads to sort them");
    expect(list).toContain("it reads up to 321 threads from Hostel Mate");
    expect(list).not.toMatch(/\b500\b/);
    expect(published("search_conversations")).toContain("Hostel Mate's substring search, at most 7 requests");
    expect(published("get_messages")).toContain("Show messages longer than 1234 characters whole");
  });
});
