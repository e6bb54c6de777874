/**
 * Opens the database: applies pending migrations (with a raw better-sqlite3 connection, before Prisma connects),
 * then returns a Prisma client on the better-sqlite3 adapter with the PRAGMAs the adapter does not set.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { applyMigrations } from "./migrator.ts";
import { retrying, type Delay } from "./backoff.ts";
import { isSqliteBusy } from "./db.ts";

/** Where the committed migrations live. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The file path behind a "file:" URL (relative paths resolve against the working directory). */
export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/u, "");
  return path === ":memory:" ? path : resolve(path);
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** One line per applied migration. */
  log?: (message: string) => void;
  /** Told each time the database is locked by another process and opening it is retried. */
  warn?: (message: string) => void;
  /** The wait between two tries while the database is locked (tests resolve it at once). */
  delay?: Delay;
  /** How long SQLite itself waits on a lock before an attempt fails (default: 5 s, a minute while migrating). */
  busyTimeoutMs?: number;
}

/**
 * Migrate and connect. While another process holds a lock on the file (SQLITE_BUSY, SQLITE_LOCKED), opening and
 * migrating are retried with backoff (1 s, 2 s, 4 s … a minute) until it is free; a path that cannot be a database
 * (unwritable, not a folder, not a database file) stops with a clear error naming DATABASE_URL.
 */
export async function openDatabase(databaseUrl: string, options: OpenOptions = {}): Promise<PrismaClient> {
  const path = sqlitePath(databaseUrl);
  const busyTimeout = options.busyTimeoutMs ?? 5000;
  await retrying(
    async () => {
      try {
        if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
      } catch (error) {
        throw new Error(`Cannot create the folder of the database ${path} (DATABASE_URL): ${(error as Error).message}. Set DATABASE_URL to a file in a writable folder, e.g. file:./data/linli.db.`);
      }
      const raw = new Database(path, { timeout: busyTimeout });
      try {
        raw.pragma("journal_mode = WAL");
        applyMigrations(raw, MIGRATIONS_DIR, { ...(options.log ? { log: options.log } : {}), ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }) });
      } finally {
        raw.close();
      }
    },
    {
      verdict: (error) => {
        if (isSqliteBusy(error)) return "retry";
        const code = (error as { code?: unknown }).code;
        if (typeof code === "string" && /^SQLITE_(?:CANTOPEN|READONLY|NOTADB|PERM|AUTH)/u.test(code)) {
          return new Error(`Cannot use ${path} as the database (DATABASE_URL): ${(error as Error).message} (${code}). Check that DATABASE_URL names a Linli database file in a folder Linli may write to.`);
        }
        return error instanceof Error ? error : new Error(String(error));
      },
      onRetry: ({ attempt, error, retryInMs }) =>
        (options.warn ?? options.log ?? (() => {}))(`The database ${path} is locked by another process (${(error as Error).message}); trying again in ${retryInMs} ms (attempt ${attempt})`),
      ...(options.delay ? { delay: options.delay } : {}),
    },
  );
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path}` }) });
  await prisma.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return prisma;
}

export type { PrismaClient };
