// Invariants of the tool registry, as the style guide has it: one tool per file, named after the
// tool and exported as the file's default; names unique and snake_case; and on the list as a client
// receives it, a title, a description of sensible size, read-only annotations, described inputs and
// output schemas a strict client reads without warnings. And the published surface itself: any change
// to a tool's name, description, schema or annotations shows up in the snapshot diff
// (__snapshots__/tools.json) and is reviewed like an API change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { tools } from "../../src/tools/index.js";
import { type Harness, startHarness } from "../helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe("the tool registry", () => {
  it("has each tool as the default export of src/tools/<tool-name>.ts", async () => {
    for (const tool of tools) {
      const file = tool.name.replaceAll("_", "-");
      const module = (await import(`../../src/tools/${file}.ts`)) as { default: unknown };
      expect(module.default, file).toBe(tool);
    }
  });

  it("has unique snake_case names of a verb and what it acts on", () => {
    const names = tools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)+$/);
  });

  it("publishes every tool with a title, a described input, read-only annotations and an object output", async () => {
    const { tools: published } = await harness.client.listTools();
    expect(published.map((tool) => tool.name)).toEqual(tools.map((tool) => tool.name));
    for (const tool of published) {
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
    }
  });

  it("publishes output schemas without union types: a field that may be unknown is optional, not nullable", () => {
    // A strict client (the MCP Inspector's) warns on every type array and every union with null.
    const unions: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== "object" || node === null) return;
      const schema = node as Record<string, unknown>;
      if (Array.isArray(schema.type) || schema.type === "null")
        unions.push(`${path}: type ${JSON.stringify(schema.type)}`);
      for (const key of ["anyOf", "oneOf"]) if (key in schema) unions.push(`${path}: ${key}`);
      for (const [key, value] of Object.entries(schema)) visit(value, `${path}.${key}`);
    };
    for (const tool of tools) visit(z.toJSONSchema(z.object(tool.outputSchema), { io: "output" }), tool.name);
    expect(unions).toEqual([]);
  });
});

describe("tools/list", () => {
  it("matches the reviewed snapshot", async () => {
    const { tools: listed } = await harness.client.listTools();
    await expect(JSON.stringify(listed, null, 2)).toMatchFileSnapshot("__snapshots__/tools.json");
  });

  it("announces the server's instructions, which say nothing is ever sent", () => {
    expect(harness.client.getInstructions()).toMatch(/never sends/);
  });

  it("tells the model in one line what the mirror keeps and how the manager deletes or stops it", () => {
    const lines = (harness.client.getInstructions() ?? "").split("\n").filter((line) => /forget/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/threads, messages, guest names; never the API key/);
    expect(lines[0]).toContain("`hostelmate-mcp forget`");
    expect(lines[0]).toContain("HOSTELMATE_MIRROR=off");
  });
});
