// `npm run demo`: starts the built server in --demo mode over stdio, exactly as Claude Desktop would,
// and prints what an assistant sees for a few typical requests: the inbox first (what needs a reply,
// one transcript, a search, the drafting prompt), then how to connect a real inbox.
// `npm run demo -- --tools` also prints the tool definitions the assistant reads, at the end.
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

const showTools = process.argv.includes("--tools");

const transport = new StdioClientTransport({
  command: process.execPath,
  args: ["dist/index.js", "--demo"],
  // The server's start-up lines would come before the inbox; warnings and errors still show.
  env: { ...getDefaultEnvironment(), HOSTELMATE_LOG_LEVEL: "warn" },
  stderr: "inherit",
});
const client = new Client({ name: "hostelmate-demo", version: "1.0.0" });
await client.connect(transport);

function section(title: string, body: string): void {
  process.stdout.write(`\n━━ ${title} ━━\n${body}\n`);
}

async function show(heading: string, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  section(`${heading}: ${name} ${JSON.stringify(args)}${result.isError ? " → error" : ""}`, text);
  return result;
}

type ListedTool = Awaited<ReturnType<typeof client.listTools>>["tools"][number];

/** A tool as the assistant reads it: name, title, description, then each input with its description. */
function describeTool(tool: ListedTool): string {
  const required = new Set(tool.inputSchema.required ?? []);
  const inputs = Object.entries(tool.inputSchema.properties ?? {}).map(([name, schema]) => {
    const { description = "" } = schema as { description?: string };
    return `  · ${name}${required.has(name) ? " (required)" : ""}: ${description}`;
  });
  return [`${tool.name} — ${tool.title ?? ""}`, `  ${tool.description ?? ""}`, ...inputs].join("\n");
}

process.stdout.write(
  "hostelmate-mcp demo: the inbox of Casa Azul Hostel, a made-up hostel in Lisbon, as an AI assistant reads it. Nothing here is real, and nothing is sent.\n",
);

const page = await show("The inbox", "list_conversations", { limit: 10 });
const threads = (page.structuredContent?.threads ?? []) as Array<{ id: string; unread_count: number | null }>;
const unread = threads.find((thread) => (thread.unread_count ?? 0) > 0);
if (unread) await show("One conversation", "get_messages", { thread_id: unread.id });
// The server copies the inbox into its mirror as it starts (a few seconds for the demo's 55 threads);
// search reads the mirror once that first sync is done, and reads Hostel Mate live beside it until
// then. Show the search as it is after those few seconds, not half-way.
for (const started = Date.now(); Date.now() - started < 20_000; ) {
  const probe = (await client.callTool({
    name: "search_conversations",
    arguments: { query: "locker", limit: 1, snippets: 0 },
  })) as CallToolResult;
  const heading = probe.content[0]?.type === "text" ? probe.content[0].text.split("\n")[0] : "";
  if (!heading?.includes("first sync")) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
await show("A search", "search_conversations", { query: "broken locker", snippets: 2 });

const locker = (
  await client.callTool({ name: "search_conversations", arguments: { query: "broken", limit: 1 } })
).structuredContent as { threads?: Array<{ id: string }> } | undefined;
const lockerId = locker?.threads?.[0]?.id;
if (lockerId) {
  const prompt = await client.getPrompt({ name: "draft_guest_reply", arguments: { thread_id: lockerId } });
  const text = prompt.messages
    .map((message) => (message.content.type === "text" ? message.content.text : ""))
    .join("\n");
  section(`Drafting a reply: the prompt draft_guest_reply {"thread_id":"${lockerId}"}`, text);
}

const { tools } = await client.listTools();
if (showTools)
  section("The tool definitions the assistant reads (tools/list)", tools.map(describeTool).join("\n\n"));
await client.close();

process.stdout.write(
  `\n━━ Next: your own inbox ━━
${showTools ? "" : `The assistant also reads the definitions of the ${tools.length} tools (${tools.map((tool) => tool.name).join(", ")}): npm run demo -- --tools prints them.\n`}To connect Claude or another assistant to your real Hostel Mate inbox:
  1. Get your property's API key in Hostel Mate, under user management → API access (it starts with hm_live_).
  2. Claude Desktop: run npm run bundle, then open hostelmate-mcp.mcpb with Claude Desktop; it asks for the key.
     Other clients (Claude Code, Cursor, VS Code): a config that runs node ${join(process.cwd(), "dist", "index.js")} with the key in HOSTELMATE_API_KEY; README.md, "Connect it to your assistant", has each one.
  3. Check the setup: HOSTELMATE_API_KEY=hm_live_… node dist/index.js doctor
`,
);
