// `npm run bench`: output economy of the tools against the raw API JSON for the same requests, on
// the sandbox's seeded data. Prints one table and exits non-zero when a budget is broken.
// `npm run bench -- --update-readme` also writes the table into README.md.
import { readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { startHarness, TEST_API_KEY, textOf } from "../test/helpers.js";

interface Row {
  what: string;
  textChars: number;
  rawChars: number;
  textTokens: number;
  rawTokens: number;
  budget?: number;
}

const harness = await startHarness();
const rows: Row[] = [];

async function raw(path: string): Promise<string> {
  const response = await fetch(`${harness.sandbox.url}/api/v1/client/${path}`, {
    headers: { "X-API-Key": TEST_API_KEY },
  });
  return response.text();
}

async function measure(
  what: string,
  tool: string,
  args: Record<string, unknown>,
  rawPath: string,
  budget?: number,
) {
  const text = textOf(await harness.call(tool, args));
  const json = await raw(rawPath);
  rows.push({
    what,
    textChars: text.length,
    rawChars: json.length,
    textTokens: countTokens(text),
    rawTokens: countTokens(json),
    ...(budget === undefined ? {} : { budget }),
  });
}

const longest = [...harness.sandbox.threads].sort((a, b) => b.messages.length - a.messages.length)[0];
const typical = harness.sandbox.threads.find(
  (thread) => thread.channel === "EMAIL" && thread.messages.length >= 4 && thread.messages.length <= 20,
);
if (!longest || !typical) throw new Error("the seed lacks the threads this benchmark reads");

for (const offset of [0, 20]) {
  await measure(
    `20-thread page (offset ${offset})`,
    "list_conversations",
    { limit: 20, offset },
    `conversations?limit=20&offset=${offset}`,
    0.35,
  );
}
// Transcripts have no budget yet: long guest emails are mostly content, which the text keeps whole.
await measure(
  "50-message transcript",
  "get_messages",
  { thread_id: longest.id, limit: 50 },
  // Without an offset the tool shows the newest 50: compare with the API's page of those.
  `conversations/${longest.id}/messages?limit=50&offset=${longest.messages.length - 50}`,
);
await measure(
  `${typical.messages.length}-message email transcript`,
  "get_messages",
  { thread_id: typical.id },
  `conversations/${typical.id}/messages?limit=50&offset=0`,
);
await measure(
  'search "locker"',
  "search_conversations",
  { query: "locker" },
  "conversations?limit=10&offset=0&search=locker",
);

const { tools } = await harness.client.listTools();
const definitions = JSON.stringify(tools);
await harness.close();

const ratio = (row: Row) => row.textChars / row.rawChars;
const broken = rows.filter((row) => row.budget !== undefined && ratio(row) > row.budget);
const table = [
  "| output | text chars | raw JSON chars | ratio | budget | text tokens | raw JSON tokens |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (row) =>
      `| ${row.what} | ${row.textChars} | ${row.rawChars} | ${ratio(row).toFixed(3)} | ${row.budget === undefined ? "—" : `≤ ${row.budget}${ratio(row) > row.budget ? " ✗" : " ✓"}`} | ${row.textTokens} | ${row.rawTokens} |`,
  ),
  `| tools/list definitions | ${definitions.length} | — | — | — | ${countTokens(definitions)} | — |`,
].join("\n");
const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}; tokens: o200k_base.`;

process.stdout.write(`${table}\n\n${machine}\n`);

if (process.argv.includes("--update-readme")) {
  const readme = await readFile("README.md", "utf8");
  const updated = readme.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n\n${machine}\n<!-- bench:end -->`,
  );
  await writeFile("README.md", updated);
}
if (broken.length > 0) {
  process.stderr.write(`budget broken: ${broken.map((row) => row.what).join(", ")}\n`);
  process.exit(1);
}
