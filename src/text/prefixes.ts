// Ids shortened to the shortest prefix no other known id shares, and prefixes resolved back. Kept
// sorted, so an id's rivals are its two neighbours and a prefix's matches are one contiguous run.

export type PrefixMatch = { kind: "one"; id: string } | { kind: "several"; ids: string[] } | { kind: "none" };

/** How many of the matches of an ambiguous prefix are worth naming. */
const CANDIDATES_SHOWN = 5;

function commonLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

export class PrefixIndex {
  readonly #sorted: string[] = [];
  readonly #order: string[] = [];

  constructor(
    /** The shortest prefix ever printed. */
    readonly minLength: number,
    /** The most ids held; the earliest added leave first. */
    readonly capacity: number = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.#sorted.length;
  }

  /** Index of the first id not below `key`. */
  #lowerBound(key: string): number {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#sorted[middle] ?? "") < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  add(id: string): void {
    const at = this.#lowerBound(id);
    if (this.#sorted[at] === id) return;
    this.#sorted.splice(at, 0, id);
    this.#order.push(id);
    while (this.#order.length > this.capacity) {
      const oldest = this.#order.shift();
      if (oldest !== undefined) this.#sorted.splice(this.#lowerBound(oldest), 1);
    }
  }

  has(id: string): boolean {
    return this.#sorted[this.#lowerBound(id)] === id;
  }

  /**
   * The shortest prefix of `id` that no other known id starts with, never shorter than minLength,
   * and never ending on a separator ("a1b2c3d4-" reads as a typo; one more character is clearer).
   */
  shortest(id: string): string {
    const at = this.#lowerBound(id);
    const self = this.#sorted[at] === id ? 1 : 0;
    const before = this.#sorted[at - 1];
    const after = this.#sorted[at + self];
    const shared = Math.max(before ? commonLength(before, id) : 0, after ? commonLength(after, id) : 0);
    let length = Math.max(this.minLength, shared + 1);
    while (length < id.length && /[^0-9a-z]/i.test(id[length - 1] ?? "")) length++;
    return id.slice(0, Math.min(length, id.length));
  }

  /** The known ids starting with `prefix`: one, several (the first few, sorted), or none. */
  resolve(prefix: string): PrefixMatch {
    const at = this.#lowerBound(prefix);
    const ids: string[] = [];
    for (let index = at; index < this.#sorted.length; index++) {
      const id = this.#sorted[index] ?? "";
      if (!id.startsWith(prefix)) break;
      ids.push(id);
      if (ids.length > CANDIDATES_SHOWN) break;
    }
    if (ids.length === 0) return { kind: "none" };
    if (ids.length === 1) return { kind: "one", id: ids[0] ?? "" };
    return { kind: "several", ids: ids.slice(0, CANDIDATES_SHOWN) };
  }
}
