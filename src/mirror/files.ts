// The files one mirror is made of on disk: the database, SQLite's -wal and -shm beside it, and the
// copies moved aside when a file was found corrupt or from a newer server (each with its own -wal
// and -shm). `forget` deletes exactly these, and the doctor adds up their size.
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DEFAULT_NAME_PATTERN } from "./location.js";

export interface MirrorFile {
  path: string;
  bytes: number;
}

/** Why a file was moved aside; the word goes into its new name. */
export type AsideReason = "corrupt" | "newer";

// SQLite's companions of a database file, in every SQLite journal mode.
const COMPANIONS = ["-wal", "-shm", "-journal"] as const;

/** A name that sorts by time and that every file system accepts (no colons): 2026-12-02T20-15-00Z. */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
}

/** The name a file moved aside gets: the reason and the time after the database's own name. */
export function asidePath(path: string, reason: AsideReason, now: Date): string {
  return `${path}.${reason}-${stamp(now)}`;
}

/** The database and its companions, as the paths SQLite gives them. */
export function withCompanions(path: string): string[] {
  return [path, ...COMPANIONS.map((suffix) => `${path}${suffix}`)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A database's name (a pattern's source), then maybe a moved-aside suffix, then maybe a companion's. */
function familyPattern(database: string): RegExp {
  return new RegExp(
    `^${database}(?:\\.(?:corrupt|newer)-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ)?(?:-wal|-shm|-journal)?$`,
  );
}

/** The files in `folder` whose names `keep` accepts, with their sizes; none when the folder is not there. */
function filesIn(folder: string, keep: (name: string) => boolean): MirrorFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .filter(keep)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      try {
        const stats = statSync(path);
        return stats.isFile() ? [{ path, bytes: stats.size }] : [];
      } catch {
        return []; // Gone between the listing and the look: nothing to count or delete.
      }
    });
}

/** One mirror's files: the database at `path`, its companions and its moved-aside copies. */
export function mirrorFiles(path: string): MirrorFile[] {
  const pattern = familyPattern(escapeRegExp(basename(path)));
  return filesIn(dirname(path), (name) => pattern.test(name));
}

/** Every property's mirror files in a folder: only names the server gives, never another file there. */
export function everyMirrorFile(folder: string): MirrorFile[] {
  const pattern = familyPattern(DEFAULT_NAME_PATTERN);
  return filesIn(folder, (name) => pattern.test(name));
}

export function totalBytes(files: readonly MirrorFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}
