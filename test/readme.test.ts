// The README is part of the published surface: its tables must name what the server serves, and
// every setup snippet must be valid JSON that starts the published package with real settings.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../src/config.js";
import { tools } from "../src/tools/index.js";
import { type Harness, startHarness } from "./helpers.js";

const readme = readFileSync("README.md", "utf8");

/** First-column entries (in backticks) of the table whose header row starts with `| <first> |`. */
function tableNames(first: string): string[] {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  if (start < 0) throw new Error(`README has no table starting with "| ${first} |"`);
  const names: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const name = /^\| `([^`]+)` \|/.exec(line)?.[1];
    if (name) names.push(name);
  }
  return names;
}

/** Fenced code blocks of a language, with the indentation of list items removed. */
function codeBlocks(language: string): string[] {
  const fence = new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm");
  return [...readme.matchAll(fence)].map(([, indent = "", body = ""]) =>
    body
      .split("\n")
      .map((line) => line.slice(indent.length))
      .join("\n"),
  );
}

interface ServerEntry {
  type?: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe("the README", () => {
  it("lists exactly the registry's tools, in order", () => {
    expect(tableNames("tool")).toEqual(tools.map((tool) => tool.name));
  });

  it("lists exactly the server's prompts and resources", async () => {
    const { prompts } = await harness.client.listPrompts();
    expect(tableNames("prompt")).toEqual(prompts.map((prompt) => prompt.name));
    const { resources } = await harness.client.listResources();
    const { resourceTemplates } = await harness.client.listResourceTemplates();
    const fixed = resources.filter((resource) => !resource.uri.startsWith("hostelmate://conversations/"));
    expect(tableNames("resource").sort()).toEqual(
      [
        ...fixed.map((resource) => resource.uri),
        ...resourceTemplates.map((template) => template.uriTemplate),
      ].sort(),
    );
  });

  it("has only JSON snippets that parse, and the Claude Desktop one is mcp.json", () => {
    const blocks = codeBlocks("json");
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const parsed = blocks.map((block) => JSON.parse(block) as unknown);
    expect(parsed[0]).toEqual(JSON.parse(readFileSync("mcp.json", "utf8")));
  });

  it("starts the published package the same way in every client's snippet, with real settings only", () => {
    const entries: ServerEntry[] = codeBlocks("json").flatMap((block) => {
      const config = JSON.parse(block) as {
        mcpServers?: Record<string, ServerEntry>;
        servers?: Record<string, ServerEntry>;
      };
      return Object.values(config.mcpServers ?? config.servers ?? {});
    });
    entries.push(JSON.parse(readFileSync("mcp.json", "utf8")).mcpServers.hostelmate as ServerEntry);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) {
      expect(entry.command).toBe("npx");
      expect(entry.args).toEqual(["-y", "hostelmate-mcp"]);
      for (const name of Object.keys(entry.env ?? {})) expect(USAGE).toContain(name);
    }
    const claudeCode = codeBlocks("sh").find((block) => block.startsWith("claude mcp add"));
    expect(claudeCode).toMatch(/ hostelmate --env HOSTELMATE_API_KEY=\S+ -- npx -y hostelmate-mcp\n$/);
  });

  it("keeps the VS Code key out of the file, behind a password prompt", () => {
    const vscode = codeBlocks("json")
      .map((block) => JSON.parse(block) as { inputs?: Array<Record<string, unknown>>; servers?: unknown })
      .find((config) => config.servers !== undefined);
    expect(vscode?.inputs).toEqual([expect.objectContaining({ type: "promptString", password: true })]);
    expect(JSON.stringify(vscode?.servers)).toContain(`"\${input:${vscode?.inputs?.[0]?.id}}"`);
  });
});
