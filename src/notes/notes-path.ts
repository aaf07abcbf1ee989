// HOSTELMATE_PROPERTY_NOTES is typed into a JSON config by people who are not developers. No shell
// reads it, so nothing expands `~` or removes the quotes that Windows' "Copy as path" adds, and the
// server runs in whatever folder the MCP client starts it in (Claude Desktop: `/`), so a path that
// works in a terminal opened next to the file finds nothing there.
import { posix, win32 } from "node:path";

const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", "“": "”", "‘": "’" };

export interface NotesPath {
  /** The path as the server will open it. */
  path: string;
  /** Why the server cannot use it, as a sentence for the operator; absent when it can. */
  problem?: string;
}

/** Without the quotes a copy adds around a path (Windows' "Copy as path"). */
export function unquote(value: string): string {
  const closing = CLOSING_QUOTE[value[0] ?? ""];
  return closing !== undefined && value.length >= 2 && value.endsWith(closing)
    ? value.slice(1, -1).trim()
    : value;
}

/** `~` and `~/…` as the home folder, since no shell expands them in a JSON config. */
export function expandHome(value: string, home: string, platform: NodeJS.Platform): string {
  if (value === "~") return home;
  // A backslash separates folders only on Windows; elsewhere it may be part of a name.
  const separator = platform === "win32" ? /^~[\\/]/ : /^~\//;
  if (!separator.test(value)) return value;
  return (platform === "win32" ? win32 : posix).join(home, value.slice(2));
}

/** A full path, or the sentence that asks for one. */
export function notesPathProblem(path: string, platform: NodeJS.Platform): string | undefined {
  if ((platform === "win32" ? win32 : posix).isAbsolute(path)) return undefined;
  return `HOSTELMATE_PROPERTY_NOTES must be the full path of the file, like /Users/you/Documents/hostel-notes.md or C:\\Users\\you\\Documents\\hostel-notes.txt, not ${JSON.stringify(path)}, which depends on the folder the server starts in.`;
}

/** The notes path as written in the config → the file to open; undefined when it is left empty. */
export function resolveNotesPath(
  raw: string | undefined,
  home: string,
  platform: NodeJS.Platform,
): NotesPath | undefined {
  const value = unquote(raw?.trim() ?? "");
  if (value === "") return undefined;
  const path = expandHome(value, home, platform);
  const problem = notesPathProblem(path, platform);
  return problem === undefined ? { path } : { path, problem };
}
