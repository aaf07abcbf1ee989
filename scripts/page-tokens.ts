// `npx tsx scripts/page-tokens.ts`: what short thread ids save on a 20-thread list page, in o200k
// tokens (gpt-tokenizer) against the API's raw JSON for the same page — the text as sent (short ids)
// beside the same text with every thread id whole, as it was printed before. Goal (issue 14): the
// text at most 0.30 of the raw JSON. Runs the server in-process on the sandbox's seed, without the
// mirror (the seed's ids print the same with it: none shares 8 characters). Exits 1 over the goal.
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { startHarness, textOf } from "../test/helpers.js";

const GOAL = 0.3;

const harness = await startHarness();
try {
  const rows: string[] = [];
  let worst = 0;
  for (const offset of [0, 20]) {
    const result = await harness.call("list_conversations", { limit: 20, offset });
    const text = textOf(result);
    const ids = (result.structuredContent as { threads: { id: string }[] }).threads.map(
      (thread) => thread.id,
    );
    // Each short id back to its whole id: the page as it read before ids were shortened.
    const whole = text.replace(/(?<![0-9a-f-])[0-9a-f]{8}(?:-[0-9a-f-]*)?(?![0-9a-f-])/g, (short) => {
      const matches = ids.filter((id) => id.startsWith(short));
      return matches.length === 1 ? (matches[0] as string) : short;
    });
    const response = await fetch(
      `${harness.sandbox.url}/api/v1/client/conversations?limit=20&offset=${offset}`,
      {
        headers: { "X-API-Key": harness.sandbox.apiKey },
      },
    );
    const json = await response.text();
    const jsonTokens = countTokens(json);
    const before = countTokens(whole) / jsonTokens;
    const after = countTokens(text) / jsonTokens;
    worst = Math.max(worst, after);
    rows.push(
      `| ${offset} | ${countTokens(json).toLocaleString("en-US")} | ${countTokens(whole).toLocaleString("en-US")} (${before.toFixed(3)}) | ${countTokens(text).toLocaleString("en-US")} (${after.toFixed(3)}) | ${(1 - countTokens(text) / countTokens(whole)).toFixed(3)} |`,
    );
  }
  process.stdout.write(
    [
      "20-thread list page (list_conversations limit=20), o200k_base tokens; in brackets, against the raw JSON:",
      "",
      "| offset | raw JSON | text, whole ids (before) | text, short ids (after) | saved by short ids |",
      "| ---: | ---: | ---: | ---: | ---: |",
      ...rows,
      "",
      `Goal: text ≤ ${GOAL} of the raw JSON: ${worst <= GOAL ? "met" : "MISSED"} (worst ${worst.toFixed(3)}).`,
      "",
    ].join("\n"),
  );
  if (worst > GOAL) process.exitCode = 1;
} finally {
  await harness.close();
}
