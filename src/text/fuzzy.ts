// One slip of the finger in a name: "Whitakar" for "Whitaker", "Guilia" for "Giulia". Only names
// of five letters or more get the allowance: in a shorter word one edit makes another name.

export const FUZZY_MIN_LENGTH = 5;

/**
 * Whether `a` becomes `b` by at most one letter changed, added, dropped, or two neighbours swapped
 * (optimal string alignment distance ≤ 1), for folded words of five letters or more.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < FUZZY_MIN_LENGTH - 1 || Math.max(a.length, b.length) < FUZZY_MIN_LENGTH)
    return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start += 1;
  if (a.length === b.length) {
    const rest = start + 1;
    if (a.slice(rest) === b.slice(rest)) return true; // one letter changed
    // Two neighbours swapped.
    return (
      a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2)
    );
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(start) === longer.slice(start + 1); // one letter added or dropped
}
