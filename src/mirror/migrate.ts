// Brings a mirror database to the schema this server writes, one migration per transaction, so a
// process killed halfway leaves the file at the last version it finished.
import type { DatabaseSync } from "node:sqlite";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";

/** A file written by a newer server: this one cannot read it and must not downgrade it. */
export class NewerSchemaError extends Error {
  override name = "NewerSchemaError";
  constructor(readonly version: number) {
    super(`mirror schema version ${version} is newer than ${SCHEMA_VERSION}`);
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare("PRAGMA user_version").get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/** Runs the migrations `db` lacks; throws NewerSchemaError for a file from a newer server. */
export function migrate(db: DatabaseSync): void {
  // Up to date, the common case: no write lock taken.
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) throw new NewerSchemaError(current);
  if (current === SCHEMA_VERSION) return;
  for (;;) {
    db.exec("BEGIN IMMEDIATE");
    try {
      // Read again under the write lock: another server may have migrated the file since the look above.
      const version = schemaVersion(db);
      if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
      if (version === SCHEMA_VERSION) {
        db.exec("COMMIT");
        return;
      }
      db.exec(MIGRATIONS[version] ?? "");
      // PRAGMA takes no bound parameters; the value is our own integer.
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }
}
