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

function needlePattern(needles: readonly string[], wholeWords: boolean): RegExp | undefined {
  const parts = [...needles]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (parts.length === 0) return undefined;
  // A whole word has no letter, mark or digit right before or after it.
  const alternatives = parts.join("|");
  return new RegExp(
    wholeWords ? `(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{M}\\p{N}])` : alternatives,
    "giu",
  );
}

/**
 * The part of a message around its first match, with every match marked **like this**: as
 * substrings, or with `wholeWords` only where a needle is a whole word of the text.
 */
export function excerpt(
  content: string,
  needles: readonly string[],
  max = MATCH_CHARS,
  wholeWords = false,
): string {
  const text = oneLine(content).replaceAll('"', "'").replaceAll("**", "*");
  const pattern = needlePattern(needles, wholeWords);
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
    ? excerpt(content, line.needles, MATCH_CHARS, line.wholeWords === true)
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
