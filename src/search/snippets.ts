// Why a thread matched: its matching messages with one message of context either side. Pure:
// messages in, the chosen messages out; format/snippets.ts cuts and marks their text.
import type { Message } from "../api/schemas.js";

const MAX_MATCHES_SHOWN = 2;

export interface SnippetLine {
  role: "match" | "context";
  message: Message;
  /** The phrases and words searched for, which a match's text marks. */
  needles: readonly string[];
  /** Mark needles only as whole words ("late", not the "late" in "plate"); the live path marks substrings. */
  wholeWords?: boolean;
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
      return message ? [{ role, message, needles }] : [];
    });
}
