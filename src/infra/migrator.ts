// Applies the committed SQL migrations (prisma/migrations/<timestamp>_<name>/migration.sql, Prisma's layout) to a
// SQLite database, recording them in a `_prisma_migrations` table laid out and filled as Prisma's schema engine does,
// so `prisma migrate deploy` / `migrate status` agree where an engine exists. The Prisma 7 CLI cannot migrate on these
// machines (see shared/docs/platform-facts.md), hence this.
//
// Timestamps (started_at, finished_at, rolled_back_at) are written as INTEGER milliseconds since the epoch, as Prisma's
// native schema engine writes them for SQLite (quaint binds DateTime as timestamp_millis). Prisma's WASM engine behind the
// better-sqlite3 driver adapter writes ISO text ("2026-11-28T18:18:02.937+00:00") instead; both engines read both forms,
// and this module only ever tests these columns for NULL.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";

/** Name of the migration history table, as Prisma names it. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

// Prisma's own DDL for SQLite (schema-engine sql-schema-connector, flavour/sqlite.rs), byte for byte.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);
`;

/** Options of {@link applyMigrations}: a clock (for tests) and a logger (one line per applied migration). */
export interface MigrateOptions {
  now?: () => Date;
  log?: (msg: string) => void;
  /** How long to wait on another process's lock before failing with SQLITE_BUSY (default: a minute). */
  busyTimeoutMs?: number;
}

/** Result of {@link applyMigrations}: names applied by this call, in order, and how many were already applied. */
export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  started_at: unknown;
}

/** sha256 hex of a migration script, exactly as Prisma computes the `checksum` column. */
export function migrationChecksum(script: Buffer | string): string {
  return createHash("sha256").update(script).digest("hex");
}

// Prisma accepts a stored checksum when it matches the script as is, with CRLF turned to LF or LF to CRLF (git may
// rewrite line endings), and also in an old unpadded hex form (prisma-engines issue 1887).
function checksumMatches(script: string, stored: string): boolean {
  for (const variant of [script, script.replace(/\r\n/g, "\n"), script.replace(/\n/g, "\r\n")]) {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    if (digest.toString("hex") === stored) return true;
    if ([...digest].map((b) => b.toString(16)).join("") === stored) return true;
  }
  return false;
}

/** Reads the migration folders of `migrationsDir` in name order (Prisma's order), with their scripts and checksums. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) throw new Error(`Migrations folder not found: ${migrationsDir}`);
  return readdirSync(migrationsDir)
    .filter((name) => statSync(join(migrationsDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const file = join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) {
        throw new Error(`Migration folder ${name} has no migration.sql (${file}): add the script or remove the folder.`);
      }
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

// Loads the live history (rolled-back rows are ignored, as Prisma does) and checks it against the folder.
function checkHistory(db: Database.Database, files: MigrationFile[]): Map<string, MigrationRow> {
  const rows = db
    .prepare(
      `SELECT migration_name, checksum, finished_at, started_at FROM "${MIGRATIONS_TABLE}"
       WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
    )
    .all() as MigrationRow[];
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} was started but never finished (an earlier run failed or was interrupted), ` +
        `so the database may be partly migrated. Inspect the database and repair it by hand, then either mark the ` +
        `migration rolled back so it runs again (UPDATE "${MIGRATIONS_TABLE}" SET rolled_back_at = <ms epoch> WHERE ` +
        `migration_name = '${failed.migration_name}' AND finished_at IS NULL; or \`prisma migrate resolve --rolled-back ` +
        `${failed.migration_name}\`) or mark it applied if you finished it by hand (\`prisma migrate resolve --applied\`).`,
    );
  }
  const byName = new Map(files.map((f) => [f.name, f]));
  const missing = rows.filter((r) => !byName.has(r.migration_name)).map((r) => r.migration_name);
  if (missing.length > 0) {
    throw new Error(
      `The database has migration(s) ${missing.join(", ")} applied, but the migrations folder has no such folder. ` +
        `This code is older than the database, or a migration folder was renamed or deleted: restore the folder ` +
        `(e.g. from git) or run a version of the app that has it. Never delete or rename an applied migration.`,
    );
  }
  for (const row of rows) {
    const file = byName.get(row.migration_name)!;
    if (!checksumMatches(file.sql, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied to this database (checksum recorded ` +
          `${row.checksum}, file now ${file.checksum}). Restore the original migration.sql (e.g. git checkout it) and put ` +
          `the change in a new migration (npm run migration:new -- <name>).`,
      );
    }
  }
  return new Map(rows.map((r) => [r.migration_name, r]));
}

/**
 * Applies every pending migration of `migrationsDir` to `db`, in name order, each in its own `BEGIN IMMEDIATE`
 * transaction together with its `_prisma_migrations` row (so a failing migration leaves no trace and two processes
 * starting at once apply each migration exactly once). Foreign-key enforcement is switched off while a migration runs
 * (SQLite's recipe for table redefinitions, which Prisma generates) and `PRAGMA foreign_key_check` must pass before
 * commit. Throws an Error saying what to do when an applied migration was edited, a migration was left unfinished
 * earlier, the database records a migration the folder lacks, or the database has tables but no migration history.
 * Must not be called inside an open transaction.
 */
export function applyMigrations(
  db: Database.Database,
  migrationsDir: string,
  options: MigrateOptions = {},
): MigrateResult {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  if (db.inTransaction) throw new Error("applyMigrations must not be called inside an open transaction.");
  const files = readMigrations(migrationsDir);

  const foreignKeys = db.pragma("foreign_keys", { simple: true }) === 1;
  const busyTimeout = Number(db.pragma("busy_timeout", { simple: true }));
  // Another process may hold the write lock while it applies a long migration: wait for it rather than fail.
  const waitOnLock = options.busyTimeoutMs ?? Math.max(busyTimeout, 60_000);
  if (busyTimeout !== waitOnLock) db.pragma(`busy_timeout = ${waitOnLock}`);
  if (foreignKeys) db.pragma("foreign_keys = OFF"); // a no-op inside a transaction, hence here
  const result: MigrateResult = { applied: [], alreadyApplied: 0 };
  try {
    db.transaction(() => {
      if (tableExists(db, MIGRATIONS_TABLE)) {
        checkHistory(db, files); // fail before applying anything
        return;
      }
      const other = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 5")
        .all() as { name: string }[];
      if (other.length > 0) {
        throw new Error(
          `The database has tables (${other.map((t) => t.name).join(", ")}) but no ${MIGRATIONS_TABLE} table, so ` +
            `its schema is unknown. Use an empty database, or baseline it: check it matches the migrations and insert ` +
            `their rows into ${MIGRATIONS_TABLE} (\`prisma migrate resolve --applied <name>\`).`,
        );
      }
      db.exec(CREATE_MIGRATIONS_TABLE);
    }).immediate();

    for (const file of files) {
      const applied = db.transaction((): boolean => {
        // Re-read under the write lock: another process may have applied it since.
        if (checkHistory(db, files).has(file.name)) return false;
        const id = randomUUID();
        db.prepare(
          `INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, started_at, migration_name) VALUES (?, ?, ?, ?)`,
        ).run(id, file.checksum, now().getTime(), file.name);
        try {
          db.exec(file.sql);
        } catch (err) {
          throw new Error(
            `Migration ${file.name} failed and was rolled back, nothing of it was applied: ${(err as Error).message}. ` +
              `Fix its migration.sql (it was never applied anywhere if this is its first run) and start again.`,
            { cause: err },
          );
        }
        if (foreignKeys) {
          const broken = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
          if (broken.length > 0) {
            const sample = broken.slice(0, 5).map((b) => `${b.table} rowid ${b.rowid} -> ${b.parent}`);
            throw new Error(
              `Migration ${file.name} was rolled back: it leaves ${broken.length} foreign key violation(s) ` +
                `(${sample.join("; ")}). Fix its migration.sql so the data stays consistent.`,
            );
          }
        }
        db.prepare(
          `UPDATE "${MIGRATIONS_TABLE}" SET finished_at = ?, applied_steps_count = applied_steps_count + 1 WHERE id = ?`,
        ).run(now().getTime(), id);
        return true;
      }).immediate();
      if (applied) {
        result.applied.push(file.name);
        log(`Applied migration ${file.name}`);
      } else {
        result.alreadyApplied += 1;
      }
    }
  } finally {
    if (foreignKeys) db.pragma("foreign_keys = ON");
    if (busyTimeout !== waitOnLock) db.pragma(`busy_timeout = ${busyTimeout}`);
  }
  return result;
}
