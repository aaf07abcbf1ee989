// For `npm run bench`: the least an MCP server built on the same SDK does for the same request —
// one tool that fetches the list page and returns the body as its text, with no client layer,
// parsing, formatting or structured content. What hostelmate-mcp costs beyond this is its own.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const apiUrl = process.env.HOSTELMATE_API_URL ?? "";
const apiKey = process.env.HOSTELMATE_API_KEY ?? "";

const server = new McpServer({ name: "bench-reference", version: "1.0.0" });
server.registerTool(
  "list_conversations",
  { inputSchema: { limit: z.number().int().min(1).max(100).default(20) } },
  async ({ limit }) => {
    const response = await fetch(`${apiUrl}/api/v1/client/conversations?limit=${limit}&offset=0`, {
      headers: { "X-API-Key": apiKey, Accept: "application/json" },
    });
    return { content: [{ type: "text", text: await response.text() }] };
  },
);
await server.connect(new StdioServerTransport());
process.stdin.on("end", () => process.exit(0));
