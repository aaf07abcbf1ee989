// A stand-in for src/mirror/database.ts (another branch writes the real one, with its fallbacks and
// file modes): opens a path or :memory: with WAL, a busy timeout and foreign keys, and migrates.
import { DatabaseSync } from "node:sqlite";
import { migrate } from "../../src/mirror/migrate.js";

export function openTestDatabase(path = ":memory:"): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
  migrate(db);
  return db;
}
