// The property's own notes (check-in times, house rules, Wi-Fi, directions): the facts a reply may
// use besides the thread. The API has none of this, so the operator writes a file and names it in
// HOSTELMATE_PROPERTY_NOTES. It is read again on every use, so edits apply without a restart.
import { readFile } from "node:fs/promises";
import { sliceWhole } from "../text/text.js";
import { decodePlainText } from "./plain-text.js";

/** Notes longer than this are clipped: they travel in every drafting prompt. */
export const MAX_NOTES_CHARS = 20_000;

export type PropertyNotes =
  | { available: true; text: string; source: string }
  /** notText: the file is there but is not plain text, and the reason says how to save it as such. */
  | { available: false; reason: string; notText?: true };

export interface NotesSource {
  read(): Promise<PropertyNotes>;
}

export const NOTES_HOW_TO =
  "Set HOSTELMATE_PROPERTY_NOTES to the path of a text or Markdown file with the hostel's facts (check-in and check-out times, address and directions, house rules, luggage, breakfast, parking, Wi-Fi, quiet hours); the README has a template.";

function clipNotes(text: string): string {
  return text.length > MAX_NOTES_CHARS
    ? `${sliceWhole(text, MAX_NOTES_CHARS)}\n[notes clipped at ${MAX_NOTES_CHARS} characters]`
    : text;
}

export function fileNotes(path: string): NotesSource {
  return {
    async read() {
      try {
        const decoded = decodePlainText(await readFile(path));
        if (!decoded.text) {
          return {
            available: false,
            reason: `the property notes file ${path} is ${decoded.what}, not plain text: ${decoded.fix}`,
            notText: true,
          };
        }
        const text = decoded.value.trim();
        if (text === "") return { available: false, reason: `the property notes file ${path} is empty` };
        return { available: true, text: clipNotes(text), source: path };
      } catch (error) {
        const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
        const why =
          code === "ENOENT"
            ? "does not exist"
            : code === "EACCES"
              ? "cannot be read (permission denied)"
              : `cannot be read (${code})`;
        return { available: false, reason: `the property notes file ${path} ${why}` };
      }
    },
  };
}

export function inlineNotes(text: string, source: string): NotesSource {
  return { read: async () => ({ available: true, text: clipNotes(text.trim()), source }) };
}

export const noNotes: NotesSource = {
  read: async () => ({ available: false, reason: "HOSTELMATE_PROPERTY_NOTES is not set" }),
};
