// One line of a search result's quote: who wrote it, when, and the matched text search/snippets.ts cut.
import type { SnippetLine } from "../search/snippets.js";
import { shortTime } from "../time/time.js";
import { speakerOf } from "../triage/signals.js";

export function formatSnippetLine(line: SnippetLine, timeZone: string, knownYear?: number): string {
  const who = speakerOf(line.message) ?? "unknown";
  return `  ${line.role === "match" ? "▸" : "·"} ${who} ${shortTime(line.message.created_at, timeZone, knownYear)} "${line.text}"`;
}
