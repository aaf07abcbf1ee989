// `hostelmate-mcp forget [--all]`: deletes the mirror's files (guest messages are personal data, and
// the manager must be able to remove the copy), says each one it deleted with its size, and needs no
// call to Hostel Mate: which file is this property's follows from the settings alone.
import { rmSync } from "node:fs";
import { everyMirrorFile, type MirrorFile, mirrorFiles, totalBytes } from "../mirror/files.js";
import { defaultMirrorFolder, defaultMirrorPath } from "../mirror/location.js";
import { formatBytes } from "./bytes.js";
import type { Config } from "./config.js";

export interface ForgetOptions {
  config: Config;
  all: boolean;
  problems: readonly string[];
  /** stdout: what was deleted, or that there was nothing to. */
  write: (text: string) => void;
  /** stderr: why it could not. */
  writeError: (text: string) => void;
  /** The default mirror folder (tests pass one). */
  folder?: string;
}

/** The files to delete, or the sentence that says why they cannot be told. */
function chooseFiles(
  options: ForgetOptions,
  folder: string,
): { files: MirrorFile[]; where: string } | string {
  const { config, all } = options;
  const named = config.mirror !== undefined && config.mirror !== "off" ? config.mirror : undefined;
  if (all) {
    const files = [...everyMirrorFile(folder), ...(named ? mirrorFiles(named) : [])];
    const unique = [...new Map(files.map((file) => [file.path, file])).values()];
    return { files: unique, where: named ? `${folder} or at ${named}` : folder };
  }
  if (named) return { files: mirrorFiles(named), where: named };
  // Even with HOSTELMATE_MIRROR=off: a mirror made before it was turned off is still there.
  if (config.apiKey === "" || options.problems.some((problem) => problem.startsWith("HOSTELMATE_API_KEY")))
    return "forget needs HOSTELMATE_API_KEY, set as the server has it: the mirror's file is named after the key. Set it, or run hostelmate-mcp forget --all to delete every property's mirror.";
  const path = defaultMirrorPath(config.apiUrl, config.apiKey, folder);
  return { files: mirrorFiles(path), where: path };
}

export function runForget(options: ForgetOptions): number {
  const { config, write, writeError } = options;
  if (config.mode === "demo") {
    write("The demo keeps its mirror in memory only: there is nothing on disk to forget.\n");
    return 0;
  }
  const settingProblem = options.problems.find((problem) => problem.startsWith("HOSTELMATE_MIRROR"));
  if (settingProblem) {
    writeError(`hostelmate-mcp forget deleted nothing: ${settingProblem}\n`);
    return 1;
  }
  const folder = options.folder ?? defaultMirrorFolder();
  let chosen: ReturnType<typeof chooseFiles>;
  try {
    chosen = chooseFiles(options, folder);
  } catch (error) {
    writeError(`hostelmate-mcp forget deleted nothing: cannot read ${folder} (${reasonOf(error)}).\n`);
    return 1;
  }
  if (typeof chosen === "string") {
    writeError(`hostelmate-mcp forget deleted nothing: ${chosen}\n`);
    return 1;
  }
  const whose = options.all ? "every property's mirror" : "this property's mirror";
  if (chosen.files.length === 0) {
    write(`Nothing to delete: no mirror files at ${chosen.where}.\n`);
    return 0;
  }
  const deleted: MirrorFile[] = [];
  const failed: string[] = [];
  for (const file of chosen.files) {
    try {
      rmSync(file.path, { force: true });
      deleted.push(file);
    } catch (error) {
      failed.push(`  ${file.path} (${reasonOf(error)})`);
    }
  }
  if (deleted.length > 0) {
    const count = `${deleted.length} file${deleted.length === 1 ? "" : "s"}`;
    write(`Deleted ${whose}: ${count}, ${formatBytes(totalBytes(deleted))}.\n`);
    for (const file of deleted) write(`  ${file.path}  ${formatBytes(file.bytes)}\n`);
    write(
      "A hostelmate-mcp running now keeps the copy it has open until it stops, and a new start builds a new mirror; to keep none, set HOSTELMATE_MIRROR=off.\n",
    );
  }
  if (failed.length === 0) return 0;
  writeError(
    `hostelmate-mcp forget could not delete:\n${failed.join("\n")}\nClose the MCP client that runs hostelmate-mcp (Claude Desktop: quit it) and run forget again.\n`,
  );
  return 1;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message.replace(/^[A-Z]+: /, "")}` : message;
}
