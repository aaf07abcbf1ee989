// `npm run inspect`: the official MCP Inspector (its CLI) drives the built server in demo mode, as
// any MCP client would: it lists the tools, calls every one of them, reads the prompt and the
// resources, and fails when a call fails or returns isError. The Inspector needs Node 22.19+.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SERVER = [process.execPath, "dist/index.js", "--demo"];
const inspectorDir = "node_modules/@modelcontextprotocol/inspector";
const inspectorPackage = JSON.parse(readFileSync(join(inspectorDir, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
};
const inspector = join(inspectorDir, inspectorPackage.bin["mcp-inspector"] ?? "");

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`The MCP Inspector needs Node 22.19 or newer; this is ${process.version}.\n`);
  process.exit(1);
}

let failures = 0;

/** One Inspector run: its parsed JSON result, or undefined (and a failure) when it did not succeed. */
function inspect(what: string, args: string[]): Record<string, unknown> | undefined {
  const run = spawnSync(
    process.execPath,
    [inspector, "--cli", ...SERVER, ...args, "--format", "json", "--quiet"],
    { encoding: "utf8", timeout: 60_000 },
  );
  // Exit 5: the call worked but the tool answered isError.
  if (run.status !== 0) {
    failures += 1;
    const why = run.status === 5 ? "the tool returned isError" : `exit ${run.status ?? run.signal}`;
    process.stdout.write(`✗ ${what}: ${why}\n${(run.stderr || run.stdout).trim()}\n`);
    return undefined;
  }
  const { result } = JSON.parse(run.stdout) as { result: Record<string, unknown> };
  return result;
}

function ok(what: string, detail: string): void {
  process.stdout.write(`✓ ${what} → ${detail}\n`);
}

function report(what: string, text: string): void {
  const first = text.split("\n")[0] ?? "";
  ok(what, `${text.length.toLocaleString("en-US")} chars: ${first.slice(0, 90)}`);
}

const textOf = (result: Record<string, unknown> | undefined) =>
  ((result?.content ?? []) as Array<{ text?: string }>).map((part) => part.text ?? "").join("\n");

process.stdout.write(`MCP Inspector ${inspectorPackage.version} CLI against: ${SERVER.slice(1).join(" ")}\n`);

const listed = inspect("tools/list", ["--method", "tools/list"]);
const tools = ((listed?.tools ?? []) as Array<{ name: string }>).map((tool) => tool.name);
ok("tools/list", tools.join(", "));

// One valid call per tool; a tool without an example here fails the run, so a new tool gets one.
const page = inspect("tools/call list_conversations", [
  "--method",
  "tools/call",
  "--tool-name",
  "list_conversations",
  "--tool-args-json",
  JSON.stringify({ limit: 5 }),
]);
const threads = ((page?.structuredContent as { threads?: Array<{ id: string; last_message: unknown }> })
  ?.threads ?? []) as Array<{ id: string; last_message: unknown }>;
const threadId = threads.find((thread) => thread.last_message !== null)?.id ?? threads[0]?.id ?? "";
const examples: Record<string, Record<string, unknown>> = {
  list_conversations: { limit: 5 },
  get_messages: { thread_id: threadId, limit: 10 },
  search_conversations: { query: "broken locker", snippets: 2 },
};
for (const tool of tools) {
  const example = examples[tool];
  if (!example) {
    failures += 1;
    process.stdout.write(`✗ ${tool}: no example arguments in scripts/inspect.ts\n`);
    continue;
  }
  const what = `tools/call ${tool} ${JSON.stringify(example)}`;
  const result =
    tool === "list_conversations"
      ? page
      : inspect(what, [
          "--method",
          "tools/call",
          "--tool-name",
          tool,
          "--tool-args-json",
          JSON.stringify(example),
        ]);
  if (result) report(what, textOf(result));
}

const prompts = inspect("prompts/list", ["--method", "prompts/list"]);
ok("prompts/list", ((prompts?.prompts ?? []) as Array<{ name: string }>).map((p) => p.name).join(", "));
const prompt = inspect("prompts/get draft_guest_reply", [
  "--method",
  "prompts/get",
  "--prompt-name",
  "draft_guest_reply",
  "--prompt-args",
  `thread_id=${threadId}`,
]);
if (prompt) {
  const messages = (prompt.messages ?? []) as Array<{ content: { text?: string } }>;
  report("prompts/get draft_guest_reply", messages.map((message) => message.content.text ?? "").join("\n"));
}
const resources = inspect("resources/list", ["--method", "resources/list"]);
ok("resources/list", `${((resources?.resources ?? []) as unknown[]).length} resources`);
const notes = inspect("resources/read", [
  "--method",
  "resources/read",
  "--uri",
  "hostelmate://property/notes",
]);
if (notes)
  report(
    "resources/read hostelmate://property/notes",
    ((notes.contents ?? []) as Array<{ text?: string }>).map((content) => content.text ?? "").join("\n"),
  );

if (failures > 0) {
  process.stderr.write(`${failures} Inspector check(s) failed.\n`);
  process.exit(1);
}
process.stdout.write("All Inspector checks passed.\n");
