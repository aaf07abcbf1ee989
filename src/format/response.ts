// One answer, built once: the lines above the items, the items that fit, the note of what was left
// out, the lines below and the next call, with the structured twin that goes with them. The size cap
// applies to the text and the twin together; formatters only turn one item into its block and its
// record, and never see the cap.
import { MAX_RESULT_CHARS } from "../limits.js";
import { fewestToDrop, nextCall } from "../text/text.js";
import { shortenIds } from "./short-ids.js";

/** A call the text spells out for the model to make next, e.g. `more: list_conversations offset=20`. */
export interface Call {
  label: string;
  tool: string;
  /** In the order the call writes them; undefined ones are left out. */
  args: Record<string, string | number | boolean | undefined>;
}

/** One item of a page: its block of text and its record in the structured twin. */
export interface Item<Row> {
  block: string;
  record: Row;
  /**
   * The item made at least `excess` characters smaller, for when it is the only one left and still
   * too long; undefined when it cannot shrink further.
   */
  shrink?: ((excess: number) => Item<Row> | undefined) | undefined;
}

/** The items an answer shows: a run of the page's items, the rest left out for size. */
export interface Kept<Row> {
  /** Index in the page of the first item shown. */
  first: number;
  items: readonly Item<Row>[];
  /** Items left out for size. */
  cut: number;
}

export type Line = string | Call | undefined;

export interface Page<Row, Twin> {
  items: readonly Item<Row>[];
  /** The whole text of a page with no items. */
  empty: string;
  /** What one item is, e.g. "thread": the note of those left out names them. */
  noun: string;
  /**
   * Which items the cap leaves out: the last ("end": a list, whose next call reads on with them) or
   * the first ("start": a transcript, whose oldest messages go first).
   */
  cutFrom: "end" | "start";
  head: (kept: Kept<Row>) => readonly Line[];
  foot: (kept: Kept<Row>) => readonly Line[];
  /** The call for what follows the items shown, written last. */
  next?: (kept: Kept<Row>) => Call | undefined;
  /** The structured twin of the items shown; left out, the answer is text alone. */
  twin?: (kept: Kept<Row>) => Twin;
  /**
   * Characters set aside for the lines around the items when guessing how many fit. Left out, they
   * are measured on a page of one item, and the guess allows two items more.
   */
  reserve?: number;
  maxChars?: number;
}

export interface Answer<Row, Twin> {
  text: string;
  /** Undefined when the page has no twin. */
  structured: Twin | undefined;
  kept: Kept<Row>;
}

export function renderCall(call: Call): string {
  return nextCall(call.label, call.tool, call.args);
}

/** The call with some arguments changed: each keeps the place `call.args` gives it, a new one comes last. */
export function withArgs(call: Call, changes: Call["args"]): Call {
  return { ...call, args: { ...call.args, ...changes } };
}

/** The call reading from `offset`. */
export function callAt(call: Call, offset: number): Call {
  return withArgs(call, { offset });
}

/** The note that says how many items the cap left out, and how to read them. */
function leftOutNote(
  page: Pick<Page<unknown, unknown>, "noun" | "cutFrom">,
  cut: number,
  maxChars: number,
): string {
  const which = page.cutFrom === "end" ? "more" : "older";
  const then = page.cutFrom === "end" ? `; the next call continues with ${cut === 1 ? "it" : "them"}` : "";
  return `${cut} ${which} ${page.noun}${cut === 1 ? " was" : "s were"} left out to keep this under ${maxChars.toLocaleString("en-US")} characters${then}.`;
}

/** An item's block as it is sent, its thread ids short. */
function sentLength(item: Item<unknown> | undefined): number {
  return item ? shortenIds(item.block).length : 0;
}

export function buildResponse<Row, Twin>(page: Page<Row, Twin>): Answer<Row, Twin> {
  const maxChars = page.maxChars ?? MAX_RESULT_CHARS;
  const all = page.items;
  const keep = (count: number): Kept<Row> => {
    const first = page.cutFrom === "end" ? 0 : all.length - count;
    return { first, items: all.slice(first, first + count), cut: all.length - count };
  };
  const twinOf = (kept: Kept<Row>) => page.twin?.(kept);
  if (all.length === 0) {
    const kept = keep(0);
    return { text: shortenIds(page.empty), structured: twinOf(kept), kept };
  }

  const render = (kept: Kept<Row>): string => {
    const next = page.next?.(kept);
    const lines: Line[] = [
      ...page.head(kept),
      ...kept.items.map((item) => item.block),
      kept.cut > 0 ? leftOutNote(page, kept.cut, maxChars) : undefined,
      ...page.foot(kept),
      next,
    ];
    // Thread ids as they are sent, short: the cap measures the text the model gets.
    return shortenIds(
      lines
        .filter((line) => line !== undefined)
        .map((line) => (typeof line === "string" ? line : renderCall(line)))
        .join("\n"),
    );
  };
  /** How far the text or its twin is over the cap, whichever is further; 0 when both fit. */
  const overflow = (kept: Kept<Row>, text = render(kept)): number =>
    Math.max(0, text.length - maxChars, (page.twin ? JSON.stringify(twinOf(kept)).length : 0) - maxChars);

  // A first guess from the blocks' sizes, from the side that stays; then exact: the most items for
  // which text and twin both fit, found by halving, so a page of thousands costs log2(n) renders
  // instead of one per item cut.
  const inOrder = page.cutFrom === "end" ? all : [...all].reverse();
  let room: number;
  let guess: number;
  if (page.reserve !== undefined) {
    room = maxChars - page.reserve;
    guess = 0;
  } else {
    // The one item that always stays is free: the lines around it are measured with it.
    const first = inOrder[0] as Item<Row>;
    room = maxChars - (render(keep(1)).length - sentLength(first));
    guess = 1;
  }
  while (guess < inOrder.length && room - (sentLength(inOrder[guess]) + 1) >= 0) {
    room -= sentLength(inOrder[guess]) + 1;
    guess += 1;
  }
  // A measured guess may be a little short: the lines around a page of one are not those of many.
  const upper = Math.min(all.length, Math.max(1, page.reserve === undefined ? guess + 2 : guess));
  // Each count's overflow is remembered: the one chosen was usually measured while searching.
  const measured = new Map<number, number>();
  const fits = (count: number) => {
    const excess = overflow(keep(count));
    measured.set(count, excess);
    return excess === 0;
  };
  const count =
    upper === 1 || fits(upper) ? upper : upper - fewestToDrop(1, upper - 1, (drop) => fits(upper - drop));

  let kept = keep(count);
  let text = render(kept);
  // One item alone too long even for the cap: shown smaller, in the text and the twin alike.
  for (let excess = measured.get(count) ?? overflow(kept, text); excess > 0; excess = overflow(kept, text)) {
    const only = kept.items.length === 1 ? kept.items[0]?.shrink?.(excess) : undefined;
    if (!only) break;
    kept = { ...kept, items: [only] };
    text = render(kept);
  }
  return { text, structured: twinOf(kept), kept };
}
