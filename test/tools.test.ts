// The published surface: any change to a tool's name, description, schema or annotations shows up
// in the snapshot diff and is reviewed like an API change. The registry's invariants are in
// registry.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe("tools/list", () => {
  it("matches the reviewed snapshot", async () => {
    const { tools } = await harness.client.listTools();
    await expect(JSON.stringify(tools, null, 2)).toMatchFileSnapshot("__snapshots__/tools.json");
  });

  it("announces the server's instructions, which say nothing is ever sent", () => {
    expect(harness.client.getInstructions()).toMatch(/never sends/);
  });
});
