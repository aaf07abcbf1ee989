// The published surface: any change to a tool's name, description, schema or annotations shows up
// in the snapshot diff and is reviewed like an API change.
import { readdirSync } from "node:fs";
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

  it("gives every tool a title, a described input, read-only annotations and a file named after it", async () => {
    const { tools } = await harness.client.listTools();
    const files = readdirSync("src/tools");
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length ?? 0, tool.name).toBeGreaterThan(100);
      expect(tool.description?.length ?? 0, tool.name).toBeLessThan(1000);
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      });
      expect(tool.outputSchema?.type).toBe("object");
      for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
      }
      expect(files).toContain(`${tool.name.replaceAll("_", "-")}.ts`);
    }
  });

  it("announces the server's instructions, which say nothing is ever sent", () => {
    expect(harness.client.getInstructions()).toMatch(/never sends/);
  });
});
