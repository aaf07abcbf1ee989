// The tool registry as the style guide has it: one tool per file, named after the tool and exported
// as the file's default; names unique and snake_case. (Titles, descriptions, annotations and
// described inputs are checked on the published list in tools.test.ts.)
import { describe, expect, it } from "vitest";
import { tools } from "../src/tools/index.js";

describe("the tool registry", () => {
  it("has each tool as the default export of src/tools/<tool-name>.ts", async () => {
    for (const tool of tools) {
      const file = tool.name.replaceAll("_", "-");
      const module = (await import(`../src/tools/${file}.ts`)) as { default: unknown };
      expect(module.default, file).toBe(tool);
    }
  });

  it("has unique snake_case names of a verb and what it acts on", () => {
    const names = tools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)+$/);
  });
});
