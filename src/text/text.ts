// Small pure helpers shared by the formatters.

/**
 * The first `end` UTF-16 units of `value`, one fewer where the cut would split a surrogate pair:
 * half an emoji is a lone surrogate, which some model APIs refuse outright, failing the whole chat.
 */
export function sliceWhole(value: string, end: number): string {
  const code = value.charCodeAt(end - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** Clips at a word boundary when one is near, and marks the cut with an ellipsis. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = sliceWhole(value, max);
  const lastSpace = cut.lastIndexOf(" ");
  const body = lastSpace > max * 0.7 ? cut.slice(0, lastSpace) : cut;
  return `${body.trimEnd()}…`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The exact call for the next page, e.g. `more: list_conversations offset=20 channel=AIRBNB`. */
export function nextCall(
  label: string,
  tool: string,
  args: Record<string, string | number | boolean | undefined>,
): string {
  const rendered = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === "string" ? JSON.stringify(value) : value}`);
  return `${label}: ${[tool, ...rendered].join(" ")}`;
}

/**
 * The smallest n in [low, high] for which `fits(n)` holds, given that it keeps holding once it does
 * (more left out, more fits); `high` when none does. Halving makes a size cut cost log2(n) renders
 * of the page instead of one per item dropped, which for a page of thousands blocked the server.
 */
export function fewestToDrop(low: number, high: number, fits: (n: number) => boolean): number {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
