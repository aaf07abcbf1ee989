// Where a property's mirror lives. HOSTELMATE_MIRROR names the file, or `off`; by default it is in
// this user's cache folder as each OS keeps one (env-paths: ~/.cache on Linux, ~/Library/Caches on
// macOS, %LOCALAPPDATA% on Windows), one file per property. The file is named by a hash of the API
// address and key: two keys (two properties) never share a file, and the name gives the key away no
// more than any hash of a long random secret does.
import { createHash } from "node:crypto";
import { join } from "node:path";
import envPaths from "env-paths";

export type MirrorLocation =
  /** HOSTELMATE_MIRROR=off: no mirror, nothing written to disk. */
  | { kind: "off" }
  /** The demo's: gone when the process ends. */
  | { kind: "memory" }
  | {
      kind: "file";
      path: string;
      /**
       * The folder is the server's own (the default cache folder), so its mode may be set to 0700
       * even when it exists already; a folder the manager named is left as it is once it exists.
       */
      ownFolder: boolean;
    };

/** What picks the location: the settings as src/cli/config.ts read them. */
export interface MirrorSettings {
  mode: "live" | "demo";
  apiUrl: string;
  apiKey: string;
  /** `off`, a full path, or undefined for the default folder. */
  mirror: string | undefined;
}

// Mirror files in a folder are told from anything else there by this shape of name.
const FILE_PREFIX = "mirror-";
const FILE_SUFFIX = ".db";
const FINGERPRINT_LENGTH = 16;

/** The folder every property's mirror goes to unless HOSTELMATE_MIRROR says otherwise. */
export function defaultMirrorFolder(): string {
  // No "-nodejs" suffix: the folder is the server's, named as the command is.
  return envPaths("hostelmate-mcp", { suffix: "" }).cache;
}

/** The file name for one property: a hash of the API address and key, never the key. */
export function mirrorFileName(apiUrl: string, apiKey: string): string {
  const fingerprint = createHash("sha256")
    .update(`hostelmate-mcp mirror\n${apiUrl}\n${apiKey}`)
    .digest("hex");
  return `${FILE_PREFIX}${fingerprint.slice(0, FINGERPRINT_LENGTH)}${FILE_SUFFIX}`;
}

/** The names the server gives mirrors in its default folder (a RegExp source, unanchored). */
export const DEFAULT_NAME_PATTERN = `${FILE_PREFIX}[0-9a-f]{${FINGERPRINT_LENGTH}}\\${FILE_SUFFIX}`;

/** The default file for this property, whether or not the mirror is on (forget looks there too). */
export function defaultMirrorPath(apiUrl: string, apiKey: string, folder = defaultMirrorFolder()): string {
  return join(folder, mirrorFileName(apiUrl, apiKey));
}

export function mirrorLocation(settings: MirrorSettings, folder = defaultMirrorFolder()): MirrorLocation {
  if (settings.mirror === "off") return { kind: "off" };
  // Trying the server leaves nothing behind, even with HOSTELMATE_MIRROR set.
  if (settings.mode === "demo") return { kind: "memory" };
  if (settings.mirror !== undefined) return { kind: "file", path: settings.mirror, ownFolder: false };
  return { kind: "file", path: defaultMirrorPath(settings.apiUrl, settings.apiKey, folder), ownFolder: true };
}

/** Where a location is, in words for a log line or the doctor. */
export function describeLocation(location: MirrorLocation): string {
  if (location.kind === "off") return "off";
  if (location.kind === "memory") return "in memory";
  return location.path;
}
