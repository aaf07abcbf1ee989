// Two servers of one manager (Claude Desktop and Claude Code) may open a new mirror file at the same
// moment; both must end up on it, migrated once.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, expect, it } from "vitest";
import { migrate, schemaVersion } from "../../src/mirror/migrate.js";
import { SCHEMA_VERSION } from "../../src/mirror/schema.js";

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "hostelmate-migrate-"));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function connect(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL");
  return db;
}

it("lets a second server that found the file unmigrated go on when the first migrates it just before", () => {
  const path = join(folder, "mirror.db");
  const first = connect(path);
  const second = connect(path);
  // The first server migrates the file in the moment between the second's look and its lock.
  let raced = false;
  const racing = new Proxy(second, {
    get(target, property) {
      if (property !== "exec") {
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (sql: string) => {
        if (sql === "BEGIN IMMEDIATE" && !raced) {
          raced = true;
          migrate(first);
        }
        target.exec(sql);
      };
    },
  });
  expect(() => migrate(racing)).not.toThrow();
  expect(raced).toBe(true);
  expect(schemaVersion(second)).toBe(SCHEMA_VERSION);
  expect(second.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'threads'").get()).toEqual({
    n: 1,
  });
  first.close();
  second.close();
});

it("takes no write lock on a file that is up to date", () => {
  const path = join(folder, "mirror.db");
  const db = connect(path);
  migrate(db);
  const other = connect(path);
  // Another server in the middle of a write: a migration with nothing to do must not wait for it.
  other.exec("BEGIN IMMEDIATE");
  db.exec("PRAGMA busy_timeout = 0");
  expect(() => migrate(db)).not.toThrow();
  other.exec("ROLLBACK");
  db.close();
  other.close();
});
