// Precision and recall of the closing rule (src/triage/closing.ts) on the labelled set of guests'
// last messages (test/data/closings.json), by language. Run: npx tsx scripts/closings-eval.ts
import { evaluate, type LabelledMessage, loadLabelledSet } from "../test/closing-eval.js";

const messages = loadLabelledSet();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const row = (name: string, subset: readonly LabelledMessage[]) => {
  const result = evaluate(subset);
  return `| ${name} | ${result.messages} | ${result.closings} | ${result.truePositives} | ${result.falsePositives.length} | ${percent(result.precision)} | ${percent(result.recall)} |`;
};

const languages = [...new Set(messages.map((message) => message.lang))];
const lines = [
  "| set | messages | closings | found | wrongly called closing | precision | recall |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...languages.map((lang) =>
    row(
      lang,
      messages.filter((message) => message.lang === lang),
    ),
  ),
  row("all", messages),
];
const result = evaluate(messages);
for (const message of result.falsePositives)
  lines.push(`wrongly called closing: ${JSON.stringify(message.text)}`);
for (const message of result.missed) lines.push(`missed (${message.lang}): ${JSON.stringify(message.text)}`);
process.stdout.write(`${lines.join("\n")}\n`);
