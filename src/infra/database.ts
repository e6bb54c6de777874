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

/** Where the committed migrations live. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The file path behind a "file:" URL (relative paths resolve against the working directory). */
export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/u, "");
  return path === ":memory:" ? path : resolve(path);
}

/** Migrate and connect. */
export async function openDatabase(
  databaseUrl: string,
  options: { log?: (message: string) => void } = {},
): Promise<PrismaClient> {
  const path = sqlitePath(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("busy_timeout = 5000");
    applyMigrations(raw, MIGRATIONS_DIR, options.log ? { log: options.log } : {});
  } finally {
    raw.close();
  }
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path}` }) });
  await prisma.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return prisma;
}

export type { PrismaClient };
