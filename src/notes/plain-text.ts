// The notes file comes from whatever the hostel's computer saves: Notepad's "Unicode" (UTF-16) and
// "ANSI" (Windows-1252) as well as UTF-8, TextEdit's rich text by default, or a PDF or Word file
// picked by mistake. Its bytes decide how it is read, or that it is not text at all: decoded as
// UTF-8 regardless, those put replacement marks or binary garbage into every drafting prompt.

export type Decoded =
  | { text: true; value: string }
  /** `what` names the kind of file and `fix` says how to make it text, both for the operator. */
  | { text: false; what: string; fix: string };

const SAVE_AS_TEXT = "save it as .txt or .md";

/** The opening bytes of documents people mistake for text files. */
const DOCUMENTS: ReadonlyArray<{ start: Buffer; what: string; fix: string }> = [
  { start: Buffer.from("%PDF-", "latin1"), what: "a PDF", fix: "copy its text into a .txt or .md file" },
  {
    start: Buffer.from("PK\x03\x04", "latin1"),
    what: "a Word document or another zipped file",
    fix: `${SAVE_AS_TEXT} (in Word: File, Save As, Plain Text)`,
  },
  {
    start: Buffer.from("\xD0\xCF\x11\xE0", "latin1"),
    what: "an older Word (.doc) file",
    fix: `${SAVE_AS_TEXT} (in Word: File, Save As, Plain Text)`,
  },
  {
    start: Buffer.from("{\\rtf", "latin1"),
    what: "a rich-text (RTF) file",
    fix: `${SAVE_AS_TEXT} (in TextEdit: Format, Make Plain Text, then save)`,
  },
];

const BINARY = { text: false, what: "a binary file", fix: SAVE_AS_TEXT } as const;

function startsWith(bytes: Buffer, start: readonly number[] | Buffer): boolean {
  return bytes.length >= start.length && start.every((byte, index) => bytes[index] === byte);
}

/** Text has no NUL characters; a file that decodes to some was not text in that encoding. */
function checked(value: string): Decoded {
  return value.includes("\0") ? BINARY : { text: true, value };
}

export function decodePlainText(bytes: Buffer): Decoded {
  // TextDecoder drops the byte-order mark it was chosen by.
  if (startsWith(bytes, [0xff, 0xfe])) return checked(new TextDecoder("utf-16le").decode(bytes));
  if (startsWith(bytes, [0xfe, 0xff])) return checked(new TextDecoder("utf-16be").decode(bytes));
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(new TextDecoder("utf-8").decode(bytes));
  const document = DOCUMENTS.find(({ start }) => startsWith(bytes, start));
  if (document) return { text: false, what: document.what, fix: document.fix };
  if (bytes.includes(0)) return BINARY;
  try {
    return { text: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8, so a legacy 8-bit encoding; on the computers hostels use that is almost always
    // Windows' "ANSI", and every byte has a character in it.
    return { text: true, value: new TextDecoder("windows-1252").decode(bytes) };
  }
}
