// The notes file as the hostel's own editors save it, read back byte for byte.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileNotes, MAX_NOTES_CHARS, type PropertyNotes } from "../../src/notes/notes.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hostelmate-notes-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function notesFrom(name: string, bytes: Buffer): Promise<{ notes: PropertyNotes; path: string }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { notes: await fileNotes(path).read(), path };
}

const NOTES = "Café opens 07:30 — €5 breakfast.\r\nCheck-in «from» 15:00.";

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  for (let at = 0; at < bytes.length; at += 2)
    [bytes[at], bytes[at + 1]] = [bytes[at + 1] ?? 0, bytes[at] ?? 0];
  return bytes;
}

describe("reading the property notes file", () => {
  it.each([
    ["UTF-8", Buffer.from(NOTES, "utf8")],
    [
      "UTF-8 with a byte-order mark",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTES, "utf8")]),
    ],
    [
      "UTF-16 little-endian (Notepad's 'Unicode')",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTES, "utf16le")]),
    ],
    ["UTF-16 big-endian", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(NOTES)])],
    // é, — and € are single bytes there (E9, 97, 80), none of them valid UTF-8.
    [
      "Windows-1252 (Notepad's 'ANSI')",
      Buffer.from(NOTES.replace("—", "\u0097").replace("€", "\u0080"), "latin1"),
    ],
  ])("reads %s as the text it is", async (_encoding, bytes) => {
    const { notes, path } = await notesFrom("notes.txt", bytes);
    expect(notes).toEqual({ available: true, text: NOTES, source: path });
  });

  it.each([
    [
      "a PDF",
      "notes.pdf",
      Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1"),
      "a PDF, not plain text: copy its text into a .txt or .md file",
    ],
    [
      "a Word document",
      "notes.docx",
      Buffer.from("PK\x03\x04\x14\x00\x06\x00word/document.xml", "latin1"),
      "a Word document or another zipped file, not plain text: save it as .txt or .md (in Word: File, Save As, Plain Text)",
    ],
    [
      "an old Word document",
      "notes.doc",
      Buffer.from("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "latin1"),
      "an older Word (.doc) file, not plain text: save it as .txt or .md (in Word: File, Save As, Plain Text)",
    ],
    [
      "an RTF file",
      "notes.rtf",
      Buffer.from("{\\rtf1\\ansi Check-in from 15:00}", "latin1"),
      "a rich-text (RTF) file, not plain text: save it as .txt or .md (in TextEdit: Format, Make Plain Text, then save)",
    ],
    [
      "anything with NUL bytes",
      "notes.txt",
      Buffer.from("Check-in\x00\x00\x01from 15:00", "latin1"),
      "a binary file, not plain text: save it as .txt or .md",
    ],
    [
      "a UTF-16 mark before binary data",
      "notes.txt",
      Buffer.from("\xff\xfe\x00\x00\x00\x00", "latin1"),
      "a binary file, not plain text: save it as .txt or .md",
    ],
  ])("refuses %s, saying how to save it as text", async (_kind, name, bytes, says) => {
    const { notes, path } = await notesFrom(name, bytes);
    expect(notes).toEqual({
      available: false,
      reason: `the property notes file ${path} is ${says}`,
      notText: true,
    });
  });

  it("still clips long notes at the same length, whatever the encoding", async () => {
    const long = "é".repeat(MAX_NOTES_CHARS + 10);
    const { notes } = await notesFrom(
      "long.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(long, "utf16le")]),
    );
    expect(notes.available && notes.text).toBe(
      `${"é".repeat(MAX_NOTES_CHARS)}\n[notes clipped at ${MAX_NOTES_CHARS} characters]`,
    );
  });

  it("still calls an empty file empty, a byte-order mark alone included", async () => {
    const { notes, path } = await notesFrom("empty.txt", Buffer.from([0xff, 0xfe, 0x20, 0x00]));
    expect(notes.available === false && notes.reason).toBe(`the property notes file ${path} is empty`);
  });
});
