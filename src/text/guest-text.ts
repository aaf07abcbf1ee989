// Text written by guests (and relayed by OTAs) is untrusted: it reaches an AI model's context and may
// try to pass for instructions. Everything guest-written goes through cleanGuestText before it is
// shown, and is then placed where it cannot end its quoting: a line of its own behind ">", or one
// line inside double quotes.

import { clip, sliceWhole } from "./text.js";

// Whatever some client renders as a line break becomes a newline, so each part of the text gets its
// own ">" and nothing after a separator can pose as a header line of ours.
const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;

// Characters that show as nothing yet can hide or reorder text: every format character (zero-width
// spaces and joiners — ZWJ too, at the cost of joined emoji —, bidi controls and isolates, BOM, soft
// hyphen, tags), every default-ignorable code point (variation selectors, Hangul fillers, combining
// grapheme joiner, Mongolian vowel separator), lone surrogates, and control characters but tab and
// newline. Properties rather than a hand-made list, so a code point we did not think of is covered.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}]|[^\P{Cc}\n\t]/gu;

// What people type between the groups of a card number: spaces of any kind and dashes.
const JOINERS = "[ \\t\\u00A0\\u2007\\u202F\\u2010-\\u2015-]";
// Groups of digits joined by those, as many as people type: the way card numbers are written.
const DIGIT_GROUPS = new RegExp(`\\d+(?:${JOINERS}+\\d+)*`, "g");
// Thirteen digits with nothing but those joiners between them: exactly where DIGIT_GROUPS finds a run
// long enough to hold a card. Ids, times and prices have none, so most texts need no masking pass.
// ({12}: CARD_MIN_DIGITS - 1 more digits after the first.)
const CARD_LENGTH_RUN = new RegExp(`\\d(?:${JOINERS}*\\d){12}`);

const CARD_MIN_DIGITS = 13;
const CARD_MAX_DIGITS = 19;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) count += 1;
  }
  return count;
}

interface CardRun {
  first: number;
  last: number;
  digits: string;
}

/**
 * A card can sit inside a longer run of groups ("Room 12 4111…", an expiry date after it), so every
 * run of consecutive groups with 13–19 digits is a candidate. Only Luhn-valid ones are cards, and no
 * issuer number starts with 0; where candidates overlap, the longest wins.
 */
function maskGroups(text: string, edges: RunEdges): string {
  // Most runs are a time, a price or a room number, too short to hold a card: this keeps the search
  // below off the hot path of every thread line.
  if (digitCount(text) < CARD_MIN_DIGITS) return text;
  const groups = [...text.matchAll(/\d+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    digits: match[0],
  }));
  const found: CardRun[] = [];
  for (let first = 0; first < groups.length; first++) {
    let digits = "";
    for (let last = first; last < groups.length; last++) {
      digits += groups[last]?.digits ?? "";
      if (digits.length > CARD_MAX_DIGITS) break;
      const glued = (first === 0 && edges.gluedBefore) || (last === groups.length - 1 && edges.gluedAfter);
      if (digits.length >= CARD_MIN_DIGITS && !digits.startsWith("0") && !glued && passesLuhn(digits)) {
        found.push({ first, last, digits });
      }
    }
  }
  if (found.length === 0) return text;
  found.sort((a, b) => b.digits.length - a.digits.length || a.first - b.first);
  const taken = new Array<boolean>(groups.length).fill(false);
  const chosen: CardRun[] = [];
  for (const run of found) {
    if (taken.slice(run.first, run.last + 1).some(Boolean)) continue;
    taken.fill(true, run.first, run.last + 1);
    chosen.push(run);
  }
  chosen.sort((a, b) => a.first - b.first);
  let result = "";
  let position = 0;
  for (const run of chosen) {
    result += `${text.slice(position, groups[run.first]?.start)}[card ending ${run.digits.slice(-4)}]`;
    position = groups[run.last]?.end ?? text.length;
  }
  return result + text.slice(position);
}

/** Payment card numbers (Luhn-valid, 13–19 digits) become `[card ending 1111]`. */
export function maskCardNumbers(value: string): string {
  return CARD_LENGTH_RUN.test(value) ? maskCardNumbersSlowly(value) : value;
}

// Digits right after "+" are an international phone number (about one German or Brazilian mobile
// number in ten passes Luhn), and digits glued to a Latin letter are part of an id (a UUID's hex, a
// booking code like ABC123). Staff need both whole, so a candidate card that begins or ends at such
// an edge of its run is not one. Only that candidate: in "ABC123 4111 1111 1111 1111" the card after
// the code is still masked. Latin letters only, since Chinese, Japanese or Thai guests write numbers
// against their words ("卡号4111…"). The price: a card glued to a Latin word ("visa4111…") is not
// masked; after a space, a colon, a dash or "Nº" it is.
const PHONE_OR_ID_BEFORE = /[+A-Za-z]$/;
const ID_AFTER = /^[A-Za-z]/;

interface RunEdges {
  gluedBefore: boolean;
  gluedAfter: boolean;
}

/** maskCardNumbers without the quick check: every run of digit groups is looked at. */
export function maskCardNumbersSlowly(value: string): string {
  return value.replace(DIGIT_GROUPS, (run: string, start: number) =>
    maskGroups(run, {
      gluedBefore: PHONE_OR_ID_BEFORE.test(value.slice(Math.max(0, start - 1), start)),
      gluedAfter: ID_AFTER.test(value.slice(start + run.length, start + run.length + 1)),
    }),
  );
}

// Where a text may hold something LINE_BREAKS or INVISIBLE would change: any character outside the
// ranges listed here, which hold none of those (test/unit/guest-text.test.ts checks every code point), or a
// surrogate that is not half of an emoji pair. Guest text is mostly letters, dashes, € and emoji,
// so it usually finds nothing, and a plain search costs a fraction of the two Unicode-property replaces.
const MAY_CHANGE =
  /[^\t\n\x20-\x7E\xA0-\xAC\xAE-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\uD83C-\uD83E\uDC00-\uDFFF]|[\uD83C-\uD83E](?![\uDC00-\uDFFF])|(?<![\uD83C-\uD83E])[\uDC00-\uDFFF]/;

/** Line breaks made newlines and invisible characters removed, by the regular expressions alone. */
export function stripInvisibleSlowly(value: string): string {
  return value.replace(LINE_BREAKS, "\n").replace(INVISIBLE, "");
}

/** The same as stripInvisibleSlowly, but a text with nothing to change is returned as it is. */
export function stripInvisible(value: string): string {
  return MAY_CHANGE.test(value) ? stripInvisibleSlowly(value) : value;
}

export function cleanGuestText(value: string): string {
  return maskCardNumbers(stripInvisible(value));
}

// Runs of whitespace other than one plain space: replacing only these gives what replacing every run
// with a space gives, without rebuilding the text at each of its spaces.
const SPACE_RUNS_TO_FOLD = /\s{2,}|[^\S ]/g;

/** Every run of whitespace as one space, as `value.replace(/\s+/g, " ")`. */
export function foldSpaces(value: string): string {
  return value.replace(SPACE_RUNS_TO_FOLD, " ");
}

/** Clean text folded onto one line, so that it cannot start a line of its own. */
export function oneLine(value: string): string {
  return foldSpaces(cleanGuestText(value)).trim();
}

// What may continue a card number at a cut: more digits, or what separates its groups.
const CARD_CONTINUATION = new RegExp(`\\d|${JOINERS}`);

/**
 * The opening of oneLine(value), for a preview of about `max` characters, without cleaning all of a
 * long email: the raw text is cut well past `max` (cleaning only ever shortens text, but for a masked
 * card) and never inside a run of digits and separators or just after one, so a card number at the
 * cut is masked whole and an id's digits are not.
 * A cut text ends in "…" even when cleaning left it shorter than `max`.
 */
export function oneLineOpening(value: string, max: number): string {
  const room = max * 4 + 64;
  if (value.length <= room) return oneLine(value);
  let end = room;
  while (end < value.length && end < room + 256 && CARD_CONTINUATION.test(value.charAt(end))) end += 1;
  // And the character after the run too (two units, for one outside the BMP): a letter there makes
  // the run part of an id, not a card.
  const opening = oneLine(sliceWhole(value, end + 2));
  return opening.length > max ? opening : `${opening}…`;
}

/** A one-line field between separators: a separator inside it would shift the columns. */
export function field(value: string, separator = "|"): string {
  return fieldOf(oneLine(value), separator);
}

// What ids, channels, statuses and directions are made of: nothing here needs cleaning, folding or
// a separator swapped, so such a value is shown as it is without a regular-expression pass per step.
const PLAIN_TOKEN = /^[\w.:@+-]*$/;

/**
 * A value the API generates (an id, a channel, a status, a direction) as a one-line field. It is
 * kept on one line and off the separators like guest text, but never card-masked: a UUID's digit
 * groups joined by dashes can pass for a card number (about 1 UUID in 15,000, with no letter touching
 * them), and a masked thread id could no longer be passed to get_messages.
 */
export function apiField(value: string, separator = "|"): string {
  if (PLAIN_TOKEN.test(value) && !value.includes(separator)) return value;
  return fieldOf(foldSpaces(stripInvisible(value)).trim(), separator);
}

/** field() for text already through oneLine. */
export function fieldOf(line: string, separator = "|"): string {
  return line.replaceAll(separator, "/");
}

/** Guest text inside double quotes on one line; its own double quotes become single ones so it cannot close the quote. */
export function quoted(value: string, max: number): string {
  return quotedOf(oneLine(value), max);
}

/** quoted() for text already through oneLine (and clipped, with max = Infinity). */
export function quotedOf(line: string, max = Number.POSITIVE_INFINITY): string {
  return `"${clip(line.replaceAll('"', "'"), max)}"`;
}

// What the API generates (ids, channel, status, direction, source, times) is at most this long:
// a UUID is 36, an ISO time with an offset about 30. Past it, the rest was never such a value.
export const GENERATED_CHARS = 64;

/**
 * A value the API generates, as parsing keeps it: on one line, without invisible, bidi or control
 * characters, clipped, and with no `"`, which would end the quotes a value is shown in (a time sits
 * just before a quoted preview). Never card-masked (see apiField). A plain token is returned as is.
 */
export function generatedValue(value: string, max = GENERATED_CHARS): string {
  if (value.length <= max && PLAIN_TOKEN.test(value)) return value;
  return clip(foldSpaces(stripInvisible(value)).trim().replaceAll('"', "'"), max);
}

/**
 * A one-line field a guest wrote (a name, a subject, an email sender), as parsing keeps it: cleaned
 * by oneLine and clipped at `max`, well past what any view shows, so that no view can show it whole
 * by forgetting to clip it. Its `"` become `'`, as in quotedOf: shown unquoted, one would pair with
 * the quote of the next value. Only the opening is cleaned: a 20,000-character name costs no more than
 * a short one.
 */
export function guestLine(value: string, max: number): string {
  const line = oneLineOpening(value, max).replaceAll('"', "'");
  return line.length > max ? clip(line, max) : line;
}
