// Small pure helpers shared by the formatters. Guest-written text passes through cleanText before
// anything else, so invisible or direction-changing characters never reach the model.

// Control characters except tab and newline; zero-width and joiner characters; bidi embeddings,
// overrides and isolates; word joiner and invisible operators; BOM; soft hyphen; Unicode tag characters.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(INVISIBLE, "");
}

/** Clean text folded onto one line, so that it cannot start a line of its own. */
export function oneLine(value: string): string {
  return cleanText(value).replace(/\s+/g, " ").trim();
}

/** Clips at a word boundary when one is near, and marks the cut with an ellipsis. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  const body = lastSpace > max * 0.7 ? cut.slice(0, lastSpace) : cut;
  return `${body.trimEnd()}…`;
}

/** A one-line field between separators: a separator inside it would shift the columns. */
export function field(value: string, separator = "|"): string {
  return oneLine(value).replaceAll(separator, "/");
}

/** Guest text inside double quotes on one line; its own double quotes become single ones so it cannot close the quote. */
export function quoted(value: string, max: number): string {
  return `"${clip(oneLine(value).replaceAll('"', "'"), max)}"`;
}

/**
 * `2025-11-02T23:41:07Z` → `2025-11-02 23:41` (UTC), or `11-02 23:41` when the reader has been told
 * the year already. Anything unparseable is shown as it came, cleaned.
 */
export function shortTime(iso: string | null, knownYear?: number): string {
  if (!iso) return "time unknown";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return field(iso);
  const date = new Date(ms);
  const full = date.toISOString().slice(0, 16).replace("T", " ");
  return date.getUTCFullYear() === knownYear ? full.slice(5) : full;
}

/** The one year all these times fall in, if they share one: a header can then say it once. */
export function sharedYear(times: readonly (string | null)[]): number | undefined {
  const years = new Set(times.map((iso) => (iso ? new Date(iso).getUTCFullYear() : Number.NaN)));
  const [year] = years;
  return years.size === 1 && year !== undefined && !Number.isNaN(year) ? year : undefined;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The exact call for the next page, e.g. `more: list_conversations offset=20 channel=AIRBNB`. */
export function nextCall(
  label: string,
  tool: string,
  args: Record<string, string | number | undefined>,
): string {
  const rendered = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === "string" ? JSON.stringify(value) : value}`);
  return `${label}: ${[tool, ...rendered].join(" ")}`;
}
