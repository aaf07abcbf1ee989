// `npm run demo`: starts the built server in --demo mode over stdio, exactly as Claude Desktop would,
// and prints what an assistant sees for a few typical requests.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

const transport = new StdioClientTransport({
  command: process.execPath,
  args: ["dist/index.js", "--demo"],
  stderr: "inherit",
});
const client = new Client({ name: "hostelmate-demo", version: "1.0.0" });
await client.connect(transport);

function section(title: string, body: string): void {
  process.stdout.write(`\n━━ ${title} ━━\n${body}\n`);
}

async function show(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  section(`${name} ${JSON.stringify(args)}${result.isError ? " → error" : ""}`, text);
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

const { tools } = await client.listTools();
section("tools/list", tools.map(describeTool).join("\n\n"));

const page = await show("list_conversations", { limit: 10 });
const threads = (page.structuredContent?.threads ?? []) as Array<{ id: string; unread_count: number | null }>;
const unread = threads.find((thread) => (thread.unread_count ?? 0) > 0);
if (unread) await show("get_messages", { thread_id: unread.id });
await show("search_conversations", { query: "broken locker", snippets: 2 });

const locker = (
  await client.callTool({ name: "search_conversations", arguments: { query: "broken", limit: 1 } })
).structuredContent as { threads?: Array<{ id: string }> } | undefined;
const lockerId = locker?.threads?.[0]?.id;
if (lockerId) {
  const prompt = await client.getPrompt({ name: "draft_guest_reply", arguments: { thread_id: lockerId } });
  const text = prompt.messages
    .map((message) => (message.content.type === "text" ? message.content.text : ""))
    .join("\n");
  section(`prompts/get draft_guest_reply {"thread_id":"${lockerId}"}`, text);
}

await client.close();
