// `npm run demo` (scripts/demo.ts on the built server): the inbox comes first, the tool definitions
// only with --tools and after the guest data, and the output ends with how to connect a real client.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function demo(args: string[]): string {
  return execFileSync(join("node_modules", ".bin", "tsx"), ["scripts/demo.ts", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const headings = (output: string) =>
  [...output.matchAll(/^━━ (.+?)[:━]/gm)].map(([, heading = ""]) => heading.trim());

describe("npm run demo", () => {
  it("leads with the inbox, leaves the tool definitions out, and ends with the next step", () => {
    const output = demo([]);
    expect(output).toMatch(/^hostelmate-mcp demo: the inbox of Casa Azul Hostel/);
    expect(headings(output)).toEqual([
      "The inbox",
      "One conversation",
      "A search",
      "Drafting a reply",
      "Next",
    ]);
    // A tool definition's argument lines ("  · limit: How many…") are the mark of one.
    expect(output).not.toMatch(/^ {2}· [a-z_]+( \(required\))?: /m);
    const next = output.slice(output.indexOf("━━ Next"));
    expect(next).toContain("npm run demo -- --tools prints them");
    expect(next).toContain("user management → API access");
    expect(next).toContain("open hostelmate-mcp.mcpb with Claude Desktop");
    expect(next).toMatch(/runs node \S+dist[/\\]index\.js with the key in HOSTELMATE_API_KEY/);
    expect(next).toContain("node dist/index.js doctor");
  }, 60_000);

  it("prints the tool definitions last, before the next step, with --tools", () => {
    const output = demo(["--tools"]);
    expect(headings(output)).toEqual([
      "The inbox",
      "One conversation",
      "A search",
      "Drafting a reply",
      "The tool definitions the assistant reads (tools/list)",
      "Next",
    ]);
    expect(output).toContain("list_conversations — List guest conversations");
    expect(output).not.toContain("--tools prints them");
  }, 60_000);
});
