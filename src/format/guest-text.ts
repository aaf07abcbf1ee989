// Text written by guests (and relayed by OTAs) is untrusted: it reaches an AI model's context and may
// try to pass for instructions. Everything guest-written goes through cleanGuestText before it is
// shown, and is then placed where it cannot end its quoting: a line of its own behind ">", or one
// line inside double quotes.

import { clip } from "./text.js";

// Control characters except tab and newline; zero-width and joiner characters; bidi embeddings,
// overrides and isolates; word joiner and invisible operators; BOM; soft hyphen; Unicode tag characters.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

// 13 to 19 digits, optionally grouped by single spaces or dashes, not glued to other digits.
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

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

/** Payment card numbers (Luhn-valid, 13–19 digits) become `[card ending 1111]`. */
export function maskCardNumbers(value: string): string {
  return value.replace(CARD_CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, "");
    return passesLuhn(digits) ? `[card ending ${digits.slice(-4)}]` : match;
  });
}

export function cleanGuestText(value: string): string {
  return maskCardNumbers(value.replace(/\r\n?/g, "\n").replace(INVISIBLE, ""));
}

/** Clean text folded onto one line, so that it cannot start a line of its own. */
export function oneLine(value: string): string {
  return cleanGuestText(value).replace(/\s+/g, " ").trim();
}

/** A one-line field between separators: a separator inside it would shift the columns. */
export function field(value: string, separator = "|"): string {
  return oneLine(value).replaceAll(separator, "/");
}

/** Guest text inside double quotes on one line; its own double quotes become single ones so it cannot close the quote. */
export function quoted(value: string, max: number): string {
  return `"${clip(oneLine(value).replaceAll('"', "'"), max)}"`;
}
