// The mirror's file: made private, checked and migrated when opened; a damaged file or one from a
// newer server moved aside and rebuilt; no mirror, and no crash, where node:sqlite is missing.
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/log.js";
import { loadSqlite, type MirrorDatabase, openMirror } from "../../src/mirror/database.js";
import { schemaVersion } from "../../src/mirror/migrate.js";
import { SCHEMA_VERSION } from "../../src/mirror/schema.js";

let folder: string;
let log: string[];
const logger = () => createLogger("debug", (line) => log.push(line));
const opened: MirrorDatabase[] = [];
const NOW = new Date("2026-12-02T14:05:09.123Z");

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "hostelmate-mirror-"));
  log = [];
});
afterEach(async () => {
  for (const mirror of opened.splice(0)) mirror.close();
  await rm(folder, { recursive: true, force: true });
});

async function open(path: string, ownFolder = false): Promise<MirrorDatabase | undefined> {
  const mirror = await openMirror({ kind: "file", path, ownFolder }, logger(), { now: () => NOW });
  if (mirror) opened.push(mirror);
  return mirror;
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const warnings = () => log.filter((line) => line.includes(" warn: "));

/** A mirror with one row, closed, as a server leaves it. */
async function filledMirror(path: string): Promise<void> {
  const mirror = await open(path);
  mirror?.db.exec(`INSERT INTO sync_state VALUES ('first_sync_done', 'true')`);
  mirror?.close();
}

describe("openMirror", () => {
  it("makes the folder 0700 and the database, -wal and -shm 0600, in WAL mode with foreign keys, migrated", async () => {
    const path = join(folder, "cache", "hostelmate-mcp", "mirror.db");
    const mirror = await open(path, true);
    expect(mirror?.path).toBe(path);
    mirror?.db.exec(`INSERT INTO sync_state VALUES ('k', '1')`);
    expect(mode(join(folder, "cache", "hostelmate-mcp"))).toBe("700");
    expect(mode(join(folder, "cache"))).toBe("700");
    expect(readdirSync(join(folder, "cache", "hostelmate-mcp")).sort()).toEqual([
      "mirror.db",
      "mirror.db-shm",
      "mirror.db-wal",
    ]);
    for (const name of ["mirror.db", "mirror.db-shm", "mirror.db-wal"])
      expect(mode(join(folder, "cache", "hostelmate-mcp", name))).toBe("600");
    const pragma = (name: string) => Object.values(mirror?.db.prepare(`PRAGMA ${name}`).get() ?? {})[0];
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBeGreaterThanOrEqual(1000);
    expect(mirror && schemaVersion(mirror.db)).toBe(SCHEMA_VERSION);
    expect(warnings()).toEqual([]);
  });

  it("tightens its own folder that exists with wider modes, and leaves alone a folder the manager named", async () => {
    const own = join(folder, "own");
    const named = join(folder, "named");
    for (const made of [own, named]) {
      await open(join(made, "x.db")).then((mirror) => mirror?.close());
      // chmod after the fact: a folder that was there before the server.
      (await import("node:fs")).chmodSync(made, 0o755);
    }
    await open(join(own, "x.db"), true);
    await open(join(named, "x.db"), false);
    expect(mode(own)).toBe("700");
    expect(mode(named)).toBe("755");
  });

  it("keeps the data of a mirror opened again", async () => {
    const path = join(folder, "mirror.db");
    await filledMirror(path);
    const again = await open(path);
    expect(again?.db.prepare("SELECT value FROM sync_state WHERE key = 'first_sync_done'").get()).toEqual({
      value: "true",
    });
    expect(
      readdirSync(folder).filter((name) => name.includes(".corrupt") || name.includes(".newer")),
    ).toEqual([]);
  });

  it("moves a file that is not a database aside, with its -wal and -shm, warns once and builds a new one", async () => {
    const path = join(folder, "mirror.db");
    writeFileSync(path, "this is not a database, it is a text file ".repeat(200));
    writeFileSync(`${path}-wal`, "stale wal");
    writeFileSync(`${path}-shm`, "stale shm");
    const mirror = await open(path);
    expect(mirror && schemaVersion(mirror.db)).toBe(SCHEMA_VERSION);
    const aside = `${path}.corrupt-2026-12-02T14-05-09Z`;
    expect(readFileSync(aside, "utf8")).toContain("this is not a database");
    expect(readFileSync(`${aside}-wal`, "utf8")).toBe("stale wal");
    expect(readFileSync(`${aside}-shm`, "utf8")).toBe("stale shm");
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(
      `the mirror ${path} could not be used: the file is damaged (not an SQLite database)`,
    );
    expect(warnings()[0]).toContain(`moved aside to ${aside}`);
  });

  it("moves aside a database whose pages are damaged (PRAGMA quick_check fails)", async () => {
    const path = join(folder, "mirror.db");
    const seed = new DatabaseSync(path);
    seed.exec(
      "CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT); CREATE INDEX by_text ON filler (text);",
    );
    const insert = seed.prepare("INSERT INTO filler (text) VALUES (?)");
    seed.exec("BEGIN");
    for (let n = 0; n < 2_000; n++) insert.run(`row ${n} ${"x".repeat(50)}`);
    seed.exec("COMMIT");
    seed.close();
    // Page 5 onwards overwritten: the header still says SQLite, the b-tree pages are garbage.
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(8 * 4096, 0x5a), 0, 8 * 4096, 4 * 4096);
    closeSync(fd);
    const mirror = await open(path);
    expect(mirror && schemaVersion(mirror.db)).toBe(SCHEMA_VERSION);
    expect(existsSync(`${path}.corrupt-2026-12-02T14-05-09Z`)).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain("the file is damaged");
  });

  it("moves aside a file from a newer server instead of downgrading it, and builds a new one", async () => {
    const path = join(folder, "mirror.db");
    await filledMirror(path);
    const newer = new DatabaseSync(path);
    newer.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const mirror = await open(path);
    expect(mirror && schemaVersion(mirror.db)).toBe(SCHEMA_VERSION);
    expect(mirror?.db.prepare("SELECT count(*) AS n FROM sync_state").get()).toEqual({ n: 0 });
    const aside = `${path}.newer-2026-12-02T14-05-09Z`;
    const kept = new DatabaseSync(aside);
    expect(schemaVersion(kept)).toBe(SCHEMA_VERSION + 1);
    kept.close();
    expect(warnings()).toEqual([
      expect.stringContaining(
        `it was written by a newer hostelmate-mcp (mirror schema ${SCHEMA_VERSION + 1}). It was moved aside to ${aside}`,
      ),
    ]);
  });

  it("gives no mirror, with a warning, when the file cannot be made, and moves nothing aside", async () => {
    const blocker = join(folder, "not-a-folder");
    writeFileSync(blocker, "a file where the folder should be");
    expect(await open(join(blocker, "mirror.db"))).toBeUndefined();
    expect(warnings()).toEqual([expect.stringContaining("no mirror this time")]);
    expect(readdirSync(folder)).toEqual(["not-a-folder"]);
  });

  it("keeps an in-memory mirror for the demo, migrated, writing nothing to disk", async () => {
    const mirror = await openMirror({ kind: "memory" }, logger());
    expect(mirror?.path).toBe(":memory:");
    expect(mirror && schemaVersion(mirror.db)).toBe(SCHEMA_VERSION);
    mirror?.close();
  });

  it("opens nothing and logs one line when off", async () => {
    expect(await openMirror({ kind: "off" }, logger())).toBeUndefined();
    expect(log).toEqual([expect.stringContaining("mirror off (HOSTELMATE_MIRROR=off)")]);
  });

  it("gives no mirror where node:sqlite is missing, and says so with what to install", async () => {
    const missing = () =>
      Promise.reject(
        Object.assign(new Error("No such built-in module: node:sqlite"), {
          code: "ERR_UNKNOWN_BUILTIN_MODULE",
        }),
      );
    const path = join(folder, "mirror.db");
    const mirror = await openMirror({ kind: "file", path, ownFolder: true }, logger(), { importer: missing });
    expect(mirror).toBeUndefined();
    expect(warnings()).toEqual([
      expect.stringMatching(
        /no mirror: Node\.js .* has no built-in SQLite \(node:sqlite\).*install Node\.js 22\.13 or newer/,
      ),
    ]);
    expect(existsSync(path)).toBe(false);
  });
});

describe("loadSqlite", () => {
  it("drops node:sqlite's one ExperimentalWarning (Node 22) and lets every other warning through", async () => {
    const seen: string[] = [];
    const listener = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`);
    process.on("warning", listener);
    try {
      const loaded = await loadSqlite(async () => {
        // What Node 22 does as node:sqlite loads, and two warnings that must still be heard.
        process.emitWarning(
          "SQLite is an experimental feature and might change at any time",
          "ExperimentalWarning",
        );
        process.emitWarning(
          "Custom loaders is an experimental feature and might change at any time",
          "ExperimentalWarning",
        );
        process.emitWarning("SQLite is an experimental feature and might change at any time", {
          type: "Warning",
        });
        return import("node:sqlite");
      });
      expect(loaded.ok).toBe(true);
      // Warnings are delivered on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen).toEqual([
        "ExperimentalWarning: Custom loaders is an experimental feature and might change at any time",
        "Warning: SQLite is an experimental feature and might change at any time",
      ]);
      // Put back as it was once loaded.
      process.emitWarning("SQLite is an experimental feature later", "ExperimentalWarning");
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen).toHaveLength(3);
    } finally {
      process.off("warning", listener);
    }
  });
});
