// Thread ids are printed short: the server sets, for the length of each call, what turns the full
// ids in a text into their shortest unique prefixes (src/call/thread-ids.ts), and the response
// builder applies it to every text it measures, so that the size cap sees the text as it is sent.
// Formatters keep printing full ids; outside a call (pure tests, scripts) the text stays as it is.
import { AsyncLocalStorage } from "node:async_hooks";

/** Turns the full thread ids it knows in a text into their short form; other text is left alone. */
export type ShortenIds = (text: string) => string;

const current = new AsyncLocalStorage<ShortenIds>();

/** Runs `work` with `shorten` as the call's id shortener, across its awaits. */
export function withShortIds<T>(shorten: ShortenIds, work: () => T): T {
  return current.run(shorten, work);
}

/** The text with the call's thread ids shortened; unchanged outside a call. */
export function shortenIds(text: string): string {
  const shorten = current.getStore();
  return shorten ? shorten(text) : text;
}
