// Drift between the committed migrations and prisma/schema.prisma, checked two ways:
// - Prisma 6.19's own diff (tools/prisma6, installed here on first use): indexes, constraints, defaults, everything;
// - an engine-free structural check against the generated Prisma 7 client: tables, columns, types, nullability.
// Each check is also shown to fail on a modified copy. When the real check fails, write the missing migration with
// `npm run migration:new -- <name>` (and regenerate the client with `npm run generate`).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import Database from "better-sqlite3";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../../src/infra/migrator.ts";
import {
  CLIENT_DIR,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  ensurePrisma6,
  generateClient,
  migrationDrift,
  readClientModels,
  runPrisma6,
  structuralDrift,
} from "../../scripts/migration-tools.mjs";

const PRISMA6_TIMEOUT = 60_000;

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-drift-"));
  temps.push(dir);
  return dir;
}

/** A copy of schema.prisma with `edit` applied (which must change it). */
function schemaCopy(dir: string, edit: (schema: string) => string): string {
  const original = readFileSync(SCHEMA_PATH, "utf8");
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const path = join(dir, "schema.prisma");
  writeFileSync(path, edited);
  return path;
}

const addMotto = (s: string) => s.replace(/(model Community \{\n)/, "$1  motto String?\n");
const gridNameOptional = (s: string) => s.replace(/(model Grid \{[^}]*?\n\s+name\s+)String\b/, "$1String?");

/** A copy of the migrations with one more migration. */
function migrationsCopy(dir: string, name: string, sql: string): string {
  const copy = join(dir, "migrations");
  cpSync(MIGRATIONS_DIR, copy, { recursive: true });
  mkdirSync(join(copy, name));
  writeFileSync(join(copy, name, "migration.sql"), sql);
  return copy;
}

function migratedDb(dir: string, migrationsDir = MIGRATIONS_DIR): Database.Database {
  const db = new Database(join(dir, "migrated.db"));
  applyMigrations(db, migrationsDir);
  return db;
}

describe("Prisma 6.19 diff between the migrations and schema.prisma", () => {
  beforeAll(() => {
    const { installed, seconds } = ensurePrisma6({ log: (m) => console.log(m) });
    if (installed) console.log(`tools/prisma6 installed in ${seconds.toFixed(1)} s`);
  }, 240_000);

  it("finds no drift: every schema change has its migration", async () => {
    const sql = await migrationDrift();
    expect(sql, `prisma/schema.prisma differs from prisma/migrations; add a migration (npm run migration:new -- <name>) with:\n${sql}`).toBe("");
  }, PRISMA6_TIMEOUT);

  it("reports a field added to a schema copy", async () => {
    const schemaPath = schemaCopy(tempDir(), addMotto);
    expect(await migrationDrift({ schemaPath })).toContain('ALTER TABLE "Community" ADD COLUMN "motto" TEXT;');
  }, PRISMA6_TIMEOUT);

  it("reports a migration the schema does not have", async () => {
    const migrationsDir = migrationsCopy(tempDir(), "29990101000000_stray", 'CREATE TABLE "Stray" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    expect(await migrationDrift({ migrationsDir })).toContain('DROP TABLE "Stray";');
  }, PRISMA6_TIMEOUT);

  it("agrees with the migrator's history both ways (migrate status and deploy)", async () => {
    const dir = tempDir();
    migratedDb(dir).close();
    const dbPath = join(dir, "migrated.db");
    const status = await runPrisma6(["migrate", "status"], { dbPath });
    expect(status.stdout + status.stderr).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);
    const deploy = await runPrisma6(["migrate", "deploy"], { dbPath });
    expect(deploy.stdout + deploy.stderr).toContain("No pending migrations to apply.");

    // And a database Prisma deployed is up to date for the migrator.
    const prismaDb = join(dir, "prisma-deployed.db");
    const deployed = await runPrisma6(["migrate", "deploy"], { dbPath: prismaDb });
    expect(deployed.code, deployed.stdout + deployed.stderr).toBe(0);
    const db = new Database(prismaDb);
    expect(applyMigrations(db, MIGRATIONS_DIR)).toMatchObject({ applied: [] });
    db.close();
  }, PRISMA6_TIMEOUT);
});

describe("structural check against the generated Prisma 7 client (engine-free)", () => {
  it("finds every model's table and columns, and nothing else, in the migrated database", () => {
    const db = migratedDb(tempDir());
    const problems = structuralDrift(db, readClientModels(CLIENT_DIR));
    db.close();
    expect(
      problems,
      "The migrated database and src/infra/generated/prisma disagree: regenerate the client (npm run generate) " +
        "and add a migration for schema changes (npm run migration:new -- <name>).",
    ).toEqual([]);
  });

  it("reports fields, nullability, columns and tables that do not match", () => {
    const dir = tempDir();
    const schemaPath = schemaCopy(dir, (s) => gridNameOptional(addMotto(s)));
    const clientDir = join(dir, "client");
    generateClient(schemaPath, clientDir);
    const migrationsDir = migrationsCopy(
      dir,
      "29990101000000_extra",
      'ALTER TABLE "AppState" ADD COLUMN "legacy" TEXT;\nCREATE TABLE "Stray" ("id" INTEGER NOT NULL PRIMARY KEY);\n',
    );
    const db = migratedDb(dir, migrationsDir);
    const problems = structuralDrift(db, readClientModels(clientDir));
    db.close();
    expect(problems.sort()).toEqual(
      [
        'Community.motto: no column "Community"."motto"',
        "Grid.name: optional in the schema, column is NOT NULL",
        'table "AppState": column "legacy" is not in model AppState',
        'table "Stray" belongs to no model',
      ].sort(),
    );
  }, 30_000);
});
