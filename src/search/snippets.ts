// Why a thread matched: its matching messages with one message of context either side, the
// matched words marked. Pure: messages in, lines out; format/snippets.ts prints them.
import type { Message } from "../api/schemas.js";
import { oneLine } from "../text/guest-text.js";
import { clip } from "../text/text.js";

const MATCH_CHARS = 200;
const CONTEXT_CHARS = 90;
const MAX_MATCHES_SHOWN = 2;

export interface SnippetLine {
  role: "match" | "context";
  message: Message;
  text: string;
}

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

/** How many of the phrases and words a message contains. */
export function matchCount(message: Message, needles: readonly string[]): number {
  const content = message.content?.toLocaleLowerCase() ?? "";
  return needles.filter((needle) => content.includes(needle)).length;
}

export function messageMatches(message: Message, needles: readonly string[]): boolean {
  return matchCount(message, needles) > 0;
}

/**
 * The best matching messages (at most two: most words matched, then newest), each with the
 * message before and after it, in thread order.
 */
export function findSnippets(messages: readonly Message[], needles: readonly string[]): SnippetLine[] {
  const matching = messages
    .map((message, index) => ({ index, count: matchCount(message, needles) }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || b.index - a.index)
    .slice(0, MAX_MATCHES_SHOWN)
    .map(({ index }) => index);
  const chosen = new Map<number, "match" | "context">();
  for (const index of matching) {
    for (const around of [index - 1, index + 1]) {
      if (around >= 0 && around < messages.length && !chosen.has(around)) chosen.set(around, "context");
    }
    chosen.set(index, "match");
  }
  return [...chosen.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([index, role]) => {
      const message = messages[index];
      if (!message) return [];
      const text =
        role === "match"
          ? excerpt(message.content ?? "", needles)
          : clip(oneLine(message.content ?? "").replaceAll('"', "'"), CONTEXT_CHARS);
      return [{ role, message, text }];
    });
}
