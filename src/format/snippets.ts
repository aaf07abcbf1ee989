// A search result's quotes: the part of a matching message around its first match, with every match
// marked **like this**, a shorter cut of the messages either side, and the line that shows each.
import type { SnippetLine } from "../search/snippets.js";
import { oneLine } from "../text/guest-text.js";
import { clip } from "../text/text.js";
import { shortTime } from "../time/time.js";
import { speakerOf } from "../triage/signals.js";

const MATCH_CHARS = 200;
const CONTEXT_CHARS = 90;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function needlePattern(needles: readonly string[]): RegExp | undefined {
  const parts = [...needles]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return parts.length ? new RegExp(parts.join("|"), "giu") : undefined;
}

/** The part of a message around its first match, with every match marked **like this**. */
export function excerpt(content: string, needles: readonly string[], max = MATCH_CHARS): string {
  const text = oneLine(content).replaceAll('"', "'").replaceAll("**", "*");
  const pattern = needlePattern(needles);
  const first = pattern ? text.search(pattern) : -1;
  let start = 0;
  if (first > max / 3) start = text.lastIndexOf(" ", first - max / 3) + 1;
  const body = clip(text.slice(start), max);
  const marked = pattern ? body.replace(pattern, (match) => `**${match}**`) : body;
  return `${start > 0 ? "…" : ""}${marked}`;
}

/** The text a quote shows of its message: an excerpt of a match, the opening of a message beside one. */
export function snippetText(line: SnippetLine): string {
  const content = line.message.content ?? "";
  return line.role === "match"
    ? excerpt(content, line.needles)
    : clip(oneLine(content).replaceAll('"', "'"), CONTEXT_CHARS);
}

export function formatSnippetLine(
  line: SnippetLine,
  text: string,
  timeZone: string,
  knownYear?: number,
): string {
  const who = speakerOf(line.message) ?? "unknown";
  return `  ${line.role === "match" ? "▸" : "·"} ${who} ${shortTime(line.message.created_at, timeZone, knownYear)} "${text}"`;
}
