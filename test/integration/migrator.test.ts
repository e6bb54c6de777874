// The migrator applies prisma/migrations to SQLite and keeps Prisma's _prisma_migrations history. Engine-free.
import { describe, it, expect, afterAll } from "vitest";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { applyMigrations } from "../../src/infra/migrator.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MIGRATIONS = join(ROOT, "prisma", "migrations");
const NAMES = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const NOW = new Date("2026-01-02T03:04:05.678Z");

// Prisma's SQL for making Grid.name optional: a table redefinition of a table other tables reference.
const GRID_NAME_OPTIONAL = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Grid" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "name" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Grid_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Grid" ("communityId", "createdAt", "id", "isDefault", "name") SELECT "communityId", "createdAt", "id", "isDefault", "name" FROM "Grid";
DROP TABLE "Grid";
ALTER TABLE "new_Grid" RENAME TO "Grid";
CREATE UNIQUE INDEX "Grid_communityId_name_key" ON "Grid"("communityId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder with a fresh database path and a copy of the migrations. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "linli-migrator-"));
  temps.push(dir);
  const migrations = join(dir, "migrations");
  cpSync(MIGRATIONS, migrations, { recursive: true });
  return { dir, migrations, dbPath: join(dir, "test.db") };
}

function addMigration(migrationsDir: string, name: string, sql: string): void {
  mkdirSync(join(migrationsDir, name));
  writeFileSync(join(migrationsDir, name, "migration.sql"), sql);
}

interface HistoryRow {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: string | null;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number;
}

function history(db: Database.Database): HistoryRow[] {
  return db.prepare("SELECT * FROM _prisma_migrations ORDER BY migration_name").all() as HistoryRow[];
}

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
}

describe("applyMigrations", () => {
  it("migrates a fresh database and records every migration as Prisma does", () => {
    const { dbPath } = workspace();
    const db = new Database(dbPath);
    const logged: string[] = [];
    const result = applyMigrations(db, MIGRATIONS, { now: () => NOW, log: (m) => logged.push(m) });

    expect(result).toEqual({ applied: NAMES, alreadyApplied: 0 });
    expect(logged).toHaveLength(NAMES.length);
    const created = new Set<string>();
    for (const name of NAMES) {
      const sql = readFileSync(join(MIGRATIONS, name, "migration.sql"), "utf8");
      for (const m of sql.matchAll(/CREATE TABLE "(\w+)"/g)) if (!m[1]!.startsWith("new_")) created.add(m[1]!);
    }
    expect(created.size).toBeGreaterThan(20);
    expect(tables(db)).toEqual(expect.arrayContaining([...created, "_prisma_migrations"]));

    const rows = history(db);
    expect(rows.map((r) => r.migration_name)).toEqual(NAMES);
    for (const row of rows) {
      const bytes = readFileSync(join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBe(NOW.getTime()); // ms since the epoch, as Prisma's native engine writes
      expect(row.started_at).toBe(NOW.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    // The history table is Prisma's own, column for column.
    const columns = db.prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('_prisma_migrations')").all();
    expect(columns).toEqual([
      { name: "id", type: "TEXT", notnull: 1, dflt_value: null, pk: 1 },
      { name: "checksum", type: "TEXT", notnull: 1, dflt_value: null, pk: 0 },
      { name: "finished_at", type: "DATETIME", notnull: 0, dflt_value: null, pk: 0 },
      { name: "migration_name", type: "TEXT", notnull: 1, dflt_value: null, pk: 0 },
      { name: "logs", type: "TEXT", notnull: 0, dflt_value: null, pk: 0 },
      { name: "rolled_back_at", type: "DATETIME", notnull: 0, dflt_value: null, pk: 0 },
      { name: "started_at", type: "DATETIME", notnull: 1, dflt_value: "current_timestamp", pk: 0 },
      { name: "applied_steps_count", type: "INTEGER UNSIGNED", notnull: 1, dflt_value: "0", pk: 0 },
    ]);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1); // restored
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000); // restored
    db.close();
  });

  it("applies nothing the second time", () => {
    const { dbPath } = workspace();
    const db = new Database(dbPath);
    applyMigrations(db, MIGRATIONS);
    const before = history(db);
    expect(applyMigrations(db, MIGRATIONS)).toEqual({ applied: [], alreadyApplied: NAMES.length });
    expect(history(db)).toEqual(before);
    db.close();
  });

  it("refuses a migration edited after it was applied, but not a line-ending change", () => {
    const { dbPath, migrations } = workspace();
    const db = new Database(dbPath);
    applyMigrations(db, migrations);
    const file = join(migrations, NAMES[0]!, "migration.sql");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace(/\n/g, "\r\n")); // git autocrlf: Prisma accepts it, so do we
    expect(applyMigrations(db, migrations).applied).toEqual([]);
    appendFileSync(file, "\nCREATE TABLE \"Sneaky\" (\"id\" INTEGER);\n");
    expect(() => applyMigrations(db, migrations)).toThrow(
      new RegExp(`Migration ${NAMES[0]} was edited after it was applied.*new migration`),
    );
    expect(tables(db)).not.toContain("Sneaky");
    db.close();
  });

  it("refuses to continue after a migration that was started but never finished", () => {
    const { dbPath, migrations } = workspace();
    const db = new Database(dbPath);
    applyMigrations(db, migrations);
    // What Prisma's own deploy leaves behind when a script fails half-way.
    db.prepare("UPDATE _prisma_migrations SET finished_at = NULL, logs = 'boom' WHERE migration_name = ?").run(NAMES.at(-1));
    addMigration(migrations, "29990101000000_later", 'CREATE TABLE "Later" ("id" INTEGER);');
    expect(() => applyMigrations(db, migrations)).toThrow(/was started but never finished.*rolled_back_at/s);
    expect(tables(db)).not.toContain("Later");
    db.close();
  });

  it("refuses a database that records a migration missing from the folder", () => {
    const { dbPath, migrations } = workspace();
    addMigration(migrations, "29990101000000_from_the_future", 'CREATE TABLE "Future" ("id" INTEGER);');
    const db = new Database(dbPath);
    applyMigrations(db, migrations);
    expect(() => applyMigrations(db, MIGRATIONS)).toThrow(/29990101000000_from_the_future applied, but the migrations folder has no such folder/);
    db.close();
  });

  it("refuses a database that has tables but no migration history", () => {
    const { dbPath } = workspace();
    const db = new Database(dbPath);
    db.exec('CREATE TABLE "Community" ("id" INTEGER PRIMARY KEY)');
    expect(() => applyMigrations(db, MIGRATIONS)).toThrow(/has tables \(Community\) but no _prisma_migrations table/);
    db.close();
  });

  it("applies a migration added later on its own, keeping data and foreign keys through a table redefinition", () => {
    const { dbPath, migrations } = workspace();
    const db = new Database(dbPath);
    applyMigrations(db, migrations);
    db.exec(`INSERT INTO "Community" ("id", "name") VALUES (1, 'Maple');
             INSERT INTO "Grid" ("id", "communityId", "name") VALUES (7, 1, 'North');
             INSERT INTO "Building" ("communityId", "gridId", "key", "name") VALUES (1, 7, '3', '3栋');`);
    addMigration(migrations, "29990101000000_grid_name_optional", GRID_NAME_OPTIONAL);

    const result = applyMigrations(db, migrations, { now: () => NOW });

    expect(result).toEqual({ applied: ["29990101000000_grid_name_optional"], alreadyApplied: NAMES.length });
    // With foreign keys on, DROP TABLE "Grid" would have run ON DELETE SET NULL on Building.gridId.
    expect(db.prepare('SELECT "gridId" FROM "Building"').get()).toEqual({ gridId: 7 });
    expect(db.prepare("SELECT \"notnull\" FROM pragma_table_info('Grid') WHERE name = 'name'").get()).toEqual({ notnull: 0 });
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(history(db).at(-1)).toMatchObject({ migration_name: "29990101000000_grid_name_optional", finished_at: NOW.getTime() });
    db.close();
  });

  it("rolls a failing migration back entirely and applies it once fixed", () => {
    const { dbPath, migrations } = workspace();
    const db = new Database(dbPath);
    applyMigrations(db, migrations);
    addMigration(migrations, "29990101000000_broken", 'CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "Nowhere" VALUES (1);\n');
    expect(() => applyMigrations(db, migrations)).toThrow(/Migration 29990101000000_broken failed and was rolled back.*no such table: Nowhere/);
    expect(tables(db)).not.toContain("Half");
    expect(history(db)).toHaveLength(NAMES.length);
    writeFileSync(join(migrations, "29990101000000_broken", "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\n');
    expect(applyMigrations(db, migrations).applied).toEqual(["29990101000000_broken"]);
    db.close();
  });

  it("refuses a migration that would break foreign keys", () => {
    const { dbPath, migrations } = workspace();
    const db = new Database(dbPath);
    applyMigrations(db, migrations);
    addMigration(migrations, "29990101000000_orphan", `INSERT INTO "Grid" ("communityId", "name") VALUES (404, 'Orphan');`);
    expect(() => applyMigrations(db, migrations)).toThrow(/29990101000000_orphan was rolled back: it leaves 1 foreign key violation/);
    expect(db.prepare('SELECT count(*) AS n FROM "Grid"').get()).toEqual({ n: 0 });
    db.close();
  });

  it("applies each migration exactly once when two processes start at the same time", async () => {
    const { dir, dbPath } = workspace();
    const child = join(dir, "child.mts");
    writeFileSync(
      child,
      `import Database from ${JSON.stringify(pathToFileURL(join(ROOT, "node_modules", "better-sqlite3", "lib", "index.js")).href)};
import { applyMigrations } from ${JSON.stringify(pathToFileURL(join(ROOT, "src", "infra", "migrator.ts")).href)};
import { once } from "node:events";
const [dbPath, migrations] = process.argv.slice(2);
const db = new Database(dbPath);
console.log("ready");
await once(process.stdin, "data"); // start together: the test writes a line to both once both are ready
process.stdin.destroy();
console.log(JSON.stringify(applyMigrations(db, migrations)));
db.close();
`,
    );
    const run = () => {
      const p = spawn(process.execPath, ["--import", "tsx", child, dbPath, MIGRATIONS], { cwd: ROOT });
      let out = "";
      let isReady!: () => void;
      const ready = new Promise<void>((resolve) => (isReady = resolve));
      p.stdout.on("data", (d) => {
        out += d;
        if (out.startsWith("ready\n")) isReady();
      });
      p.stderr.on("data", (d) => (out += d));
      const result = new Promise<{ code: number | null; out: string }>((done) =>
        p.on("close", (code) => {
          isReady(); // a process that died before its start line is reported with its output
          done({ code, out });
        }),
      );
      p.stdin.on("error", () => undefined); // a process that died: its code and output say why
      return { ready, go: () => p.stdin.end("go\n"), result };
    };
    const processes = [run(), run()];
    await Promise.all(processes.map((one) => one.ready));
    for (const one of processes) one.go();
    const results = await Promise.all(processes.map((one) => one.result));
    for (const r of results) expect(r.code, r.out).toBe(0);
    const [a, b] = results.map((r) => JSON.parse(r.out.trim().split("\n").at(-1)!) as { applied: string[]; alreadyApplied: number });
    expect([...a!.applied, ...b!.applied].sort()).toEqual(NAMES);
    expect(a!.alreadyApplied + b!.alreadyApplied).toBe(NAMES.length);
    const db = new Database(dbPath);
    expect(history(db).map((r) => r.migration_name)).toEqual(NAMES);
    db.close();
  }, 30_000);
});
