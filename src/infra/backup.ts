/**
 * An online backup of the SQLite database with SQLite's backup API (better-sqlite3's `db.backup()`), safe while Linli
 * runs and writes: every page is copied in one step, inside one read transaction, so the copy is the database as it
 * stood at one commit (in WAL mode the bot's writers are not held up by it). The copy goes to a temporary file next to
 * the target, made a single self-contained file (rollback journal, no -wal), checked (`PRAGMA integrity_check`), and
 * only then renamed into place: a failed backup leaves no
 * half-written file behind, and an existing file is never replaced unless asked.
 */
import Database from "better-sqlite3";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { sqlitePath } from "./database.ts";

/** What a backup did. */
export interface BackupResult {
  source: string;
  target: string;
  bytes: number;
  pages: number;
  ms: number;
}

/** A backup that could not be taken, with what to do about it (a wrong path, an existing file). */
export class BackupError extends Error {}

/** Copy the database of `databaseUrl` to `file`; `overwrite` replaces an existing file. */
export async function backupDatabase(databaseUrl: string, file: string, options: { overwrite?: boolean; now?: () => number } = {}): Promise<BackupResult> {
  const now = options.now ?? (() => performance.now());
  const source = sqlitePath(databaseUrl);
  const target = resolve(file);
  if (source === ":memory:") throw new BackupError("DATABASE_URL names an in-memory database: there is nothing on disk to back up.");
  if (!existsSync(source)) throw new BackupError(`No database at ${source} (DATABASE_URL): check DATABASE_URL; the bot creates the file on its first start.`);
  if (target === source) throw new BackupError(`The backup file ${target} is the database itself: choose another file.`);
  if (existsSync(target) && !options.overwrite) throw new BackupError(`${target} already exists: choose a new file name, or add --force to replace it.`);
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) throw new BackupError(`The folder ${dirname(target)} does not exist or is not a folder: create it first, or choose another file.`);
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  const started = now();
  let db: Database.Database;
  try {
    db = new Database(source, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`Cannot open the database ${source} (DATABASE_URL): ${(error as Error).message}`);
  }
  try {
    let pages = 0;
    try {
      // All pages in one step: one read transaction, one consistent state (smaller steps restart whenever the bot writes).
      await db.backup(partial, { progress: ({ totalPages }) => ((pages = totalPages), Math.max(totalPages, 1)) });
    } catch (error) {
      throw new BackupError(`Cannot write the backup to ${target}: ${(error as Error).message}. Check that the folder is writable and has room.`);
    }
    const copy = new Database(partial);
    try {
      copy.pragma("journal_mode = DELETE"); // one self-contained file (no -wal beside it); Linli sets WAL again when it opens it
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupError(`The backup failed its integrity check (${String(check)}); nothing was written to ${target}.`);
      pages = Number(copy.pragma("page_count", { simple: true }));
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { source, target, bytes: statSync(target).size, pages, ms: now() - started };
  } finally {
    db.close();
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(leftover, { force: true });
  }
}
