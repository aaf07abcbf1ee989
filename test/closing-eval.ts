// Precision and recall of the closing rule on the labelled set of guests' last messages, shared by
// the test and by scripts/closings-eval.ts.
import { readFileSync } from "node:fs";
import { type ClosingKind, closingOf } from "../src/triage/closing.js";

export interface LabelledMessage {
  lang: "en" | "es" | "de" | "fr" | "it" | "pt";
  label: "closing" | "reply";
  /** For messages that need a reply: question, request, complaint, mixed, number, date or info. */
  kind?: string;
  text: string;
}

export interface Evaluation {
  messages: number;
  closings: number;
  /** Closings the rule found, replies it called closings, closings it missed. */
  truePositives: number;
  falsePositives: Array<LabelledMessage & { called: ClosingKind }>;
  missed: LabelledMessage[];
  precision: number;
  recall: number;
}

export function loadLabelledSet(): LabelledMessage[] {
  const path = new URL("./data/closings.json", import.meta.url);
  return (JSON.parse(readFileSync(path, "utf8")) as { messages: LabelledMessage[] }).messages;
}

export function evaluate(messages: readonly LabelledMessage[]): Evaluation {
  const falsePositives: Evaluation["falsePositives"] = [];
  const missed: LabelledMessage[] = [];
  let truePositives = 0;
  for (const message of messages) {
    const called = closingOf(message.text);
    if (called && message.label === "closing") truePositives += 1;
    else if (called) falsePositives.push({ ...message, called });
    else if (message.label === "closing") missed.push(message);
  }
  const closings = messages.filter((message) => message.label === "closing").length;
  return {
    messages: messages.length,
    closings,
    truePositives,
    falsePositives,
    missed,
    precision: truePositives / (truePositives + falsePositives.length || 1),
    recall: truePositives / (closings || 1),
  };
}
