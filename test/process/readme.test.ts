// The README is part of the published surface: its tables must name what the server serves, every
// setup snippet must be valid JSON that starts the server with real settings, and, while the package
// is not on npm, every client's snippet runs the clone's build and each `npx -y hostelmate-mcp` is
// said to be unpublished. It opens for the hostel owner, with the engineers' commands near the top.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/config.js";
import { defaultMirrorFolder } from "../../src/mirror/location.js";
import { INSTRUCTIONS } from "../../src/server/server.js";
import { tools } from "../../src/tools/index.js";
import { VERSION } from "../../src/version.js";
import { type Harness, startHarness } from "../helpers.js";
import { initialize, runCommand } from "../stdio-process.js";

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

/** The server as the clone's snippets run it; the placeholder is the clone's folder. */
const CLONE_DIR = "/full/path/to/hostelmate-mcp";
const CLONE_ENTRY = `${CLONE_DIR}/dist/index.js`;
const NPX = /npx -y hostelmate-mcp|"-y",\s*"hostelmate-mcp"/;

/** Every server entry of the README's JSON snippets, in order. */
function serverEntries(): ServerEntry[] {
  return codeBlocks("json").flatMap((block) => {
    const config = JSON.parse(block) as {
      mcpServers?: Record<string, ServerEntry>;
      servers?: Record<string, ServerEntry>;
    };
    return Object.values(config.mcpServers ?? config.servers ?? {});
  });
}

/** The README cut at its headings (not at lines starting with # inside code blocks). */
function sections(): Array<{ heading: string; text: string }> {
  const found: Array<{ heading: string; text: string }> = [{ heading: "", text: "" }];
  let fenced = false;
  for (const line of readme.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line)) found.push({ heading: line, text: "" });
    const current = found[found.length - 1];
    if (current) current.text += `${line}\n`;
  }
  return found;
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

  it("has only JSON snippets that parse, and the npx one is mcp.json", () => {
    const blocks = codeBlocks("json");
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const parsed = blocks.map((block) => JSON.parse(block) as unknown);
    const mcpJson = JSON.parse(readFileSync("mcp.json", "utf8")) as unknown;
    expect(parsed.filter((config) => JSON.stringify(config).includes('"npx"'))).toEqual([mcpJson]);
  });

  it("starts the clone's build in every client's snippet, and npx only as mcp.json does, with real settings only", () => {
    const entries = serverEntries();
    const npx = entries.filter((entry) => entry.command === "npx");
    const node = entries.filter((entry) => entry.command !== "npx");
    // Claude Desktop by hand, Cursor and VS Code; npx once, for when it is published.
    expect(node.length).toBeGreaterThanOrEqual(3);
    for (const entry of node) {
      expect(entry.command).toBe("node");
      expect(entry.args).toEqual([CLONE_ENTRY]);
    }
    expect(npx).toHaveLength(1);
    expect(npx[0]?.args).toEqual(["-y", "hostelmate-mcp"]);
    for (const entry of entries)
      for (const name of Object.keys(entry.env ?? {})) expect(USAGE).toContain(name);
    const claudeCode = codeBlocks("sh").find((block) => block.startsWith("claude mcp add"));
    expect(claudeCode).toMatch(
      new RegExp(
        ` hostelmate --env HOSTELMATE_API_KEY=\\S+ -- node ${CLONE_ENTRY.replaceAll(".", "\\.")}\n$`,
      ),
    );
  });

  it("has a node snippet that serves, with this checkout's path in place of the placeholder", async () => {
    const desktop = serverEntries()[0];
    if (!desktop) throw new Error("no server snippet");
    expect(desktop.command).toBe("node");
    const args = desktop.args.map((arg) => arg.replace(CLONE_DIR, process.cwd()));
    const server = runCommand(process.execPath, [...args, "--demo"], { PATH: process.env.PATH ?? "" });
    const init = await initialize(server);
    expect(init.result).toMatchObject({ serverInfo: { name: "hostelmate-mcp", version: VERSION } });
    server.child.stdin.end();
    expect(await server.exit).toBe(0);
  }, 30_000);

  it("says, wherever it runs npx -y hostelmate-mcp, that the package is not published yet", () => {
    const npxSections = sections().filter((section) => NPX.test(section.text));
    expect(npxSections.length).toBeGreaterThanOrEqual(2);
    for (const section of npxSections)
      expect({
        heading: section.heading,
        warned: /\bnot (?:published|on npm) yet\b/.test(section.text),
      }).toEqual({
        heading: section.heading,
        warned: true,
      });
  });

  it("opens for the hostel owner, with the clone step and the two commands before the developer section", () => {
    const headings = sections().map((section) => section.heading);
    const engineers = headings.indexOf("## For engineers");
    expect(engineers).toBeGreaterThan(0);
    const owner = [
      "## What you need",
      "## Install in Claude Desktop: the one-click bundle",
      "## What happens to guest data",
    ].map((heading) => headings.indexOf(heading));
    expect(owner.every((index) => index > 0 && index < engineers)).toBe(true);
    expect(owner).toEqual([...owner].sort((a, b) => a - b));

    const developerSection = readme.indexOf("\n## For engineers\n");
    const clone = readme.indexOf("git clone ");
    const demo = readme.indexOf("npm run demo");
    const test = readme.indexOf("npm test");
    expect(clone).toBeGreaterThan(0);
    expect(clone).toBeLessThan(demo);
    expect(clone).toBeLessThan(test);
    expect(Math.max(demo, test)).toBeLessThan(developerSection);
    // The first snippet is the engineers' three lines, in order.
    expect(codeBlocks("sh")[0]).toMatch(/^git clone .+\nnpm ci && npm run demo .*\nnpm test .*\n$/);

    // A section's text on one line, as it reads.
    const text = (heading: string) =>
      (sections().find((section) => section.heading === heading)?.text ?? "").replace(/\s+/g, " ");
    expect(text("## What you need")).toContain("user management and then API access");
    const data = text("## What happens to guest data");
    expect(data).toContain("It goes to the AI provider you use");
    expect(data).toContain("Nothing is sent to guests");
    expect(data).toContain("On this computer it keeps what you configure, and a copy of the conversations");
    expect(headings.indexOf("### The mirror: a copy of your conversations on this computer")).toBe(
      headings.indexOf("## What happens to guest data") + 1,
    );
  });

  it("keeps the VS Code key out of the file, behind a password prompt", () => {
    const vscode = codeBlocks("json")
      .map((block) => JSON.parse(block) as { inputs?: Array<Record<string, unknown>>; servers?: unknown })
      .find((config) => config.servers !== undefined);
    expect(vscode?.inputs).toEqual([expect.objectContaining({ type: "promptString", password: true })]);
    expect(JSON.stringify(vscode?.servers)).toContain(`"\${input:${vscode?.inputs?.[0]?.id}}"`);
  });
});

describe("the README's mirror section", () => {
  const mirror = (
    sections().find(
      (section) => section.heading === "### The mirror: a copy of your conversations on this computer",
    )?.text ?? ""
  ).replace(/\s+/g, " ");

  it("names only settings the server reads and commands it has", () => {
    const settings = new Set(readme.match(/HOSTELMATE_[A-Z_]+/g));
    expect(settings.size).toBeGreaterThan(5);
    for (const name of settings) expect(USAGE).toContain(`  ${name} `);
    for (const command of ["doctor", "forget", "forget --all"]) {
      expect(mirror).toContain(`${command}\``);
      expect(USAGE).toContain(`hostelmate-mcp ${command} `);
    }
    expect(mirror).toContain('"HOSTELMATE_MIRROR": "off"');
    expect(mirror).toContain("Never the API key");
    // The model is told the same two ways out.
    expect(INSTRUCTIONS).toContain("`hostelmate-mcp forget`");
    expect(INSTRUCTIONS).toContain("HOSTELMATE_MIRROR=off");
  });

  it("gives the cache folder each system's convention gives the server", () => {
    const platform = Object.getOwnPropertyDescriptor(process, "platform");
    const saved = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, LOCALAPPDATA: process.env.LOCALAPPDATA };
    const folderOn = (system: NodeJS.Platform) => {
      Object.defineProperty(process, "platform", { value: system });
      return defaultMirrorFolder().replace(homedir(), "~");
    };
    try {
      delete process.env.XDG_CACHE_HOME;
      process.env.LOCALAPPDATA = "%LOCALAPPDATA%";
      const folders = {
        linux: folderOn("linux").replaceAll("\\", "/"),
        darwin: folderOn("darwin").replaceAll("\\", "/"),
        win32: folderOn("win32").replaceAll("/", "\\"),
      };
      expect(folders.linux).toBe("~/.cache/hostelmate-mcp");
      for (const folder of Object.values(folders)) expect(mirror).toContain(`\`${folder}\``);
    } finally {
      if (platform) Object.defineProperty(process, "platform", platform);
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe("the README's architecture", () => {
  it("draws the layers in the order the import rule enforces them", async () => {
    const { createRequire } = await import("node:module");
    const rules = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as {
      forbidden: { name: string }[];
    };
    // The rule file's layers, from its rule names ("layer:tools", …) in the order it lists them.
    const ruled = [
      ...new Set(rules.forbidden.filter((r) => r.name.startsWith("layer:")).map((r) => r.name.slice(6))),
    ];
    const line = /In\s+one\s+line:\s+`([^`]+)`/.exec(readme)?.[1]?.replace(/\s+/g, " ") ?? "";
    const drawn = line
      .split("→")
      .flatMap((rank) => rank.split("|"))
      .map((name) => name.trim())
      .filter((name) => name !== "index");
    // The entry points are the top rank: nothing may import them, so they need no rule of their own.
    expect(drawn).toEqual(ruled);
  });
});
