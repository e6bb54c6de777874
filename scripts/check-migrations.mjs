#!/usr/bin/env node
// Usage: node scripts/check-migrations.mjs [schema.prisma] [migrations folder]
// Exits 0 when applying every migration yields exactly the schema, and 1 (printing the missing SQL) when they drift:
// then run `npm run migration:new -- <name>`. Computed offline by Prisma 6.19 (tools/prisma6, installed on first use).
import { relative } from "node:path";
import { MIGRATIONS_DIR, ROOT, SCHEMA_PATH, migrationDrift } from "./migration-tools.mjs";

const schemaPath = process.argv[2] ?? SCHEMA_PATH;
const migrationsDir = process.argv[3] ?? MIGRATIONS_DIR;
try {
  const sql = await migrationDrift({ schemaPath, migrationsDir });
  if (sql === "") {
    console.log(`OK: the migrations in ${relative(ROOT, migrationsDir) || "."} produce ${relative(ROOT, schemaPath)}.`);
    process.exit(0);
  }
  console.log(`DRIFT: ${relative(ROOT, schemaPath)} differs from the migrations. The missing migration would be:\n\n${sql}`);
  console.log("Create it with: npm run migration:new -- <name>");
  process.exit(1);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
}
