// Prisma 6.19 config used only to write migration SQL offline (see scripts/new-migration.mjs).
import type { PrismaConfig } from "prisma";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file:./tmp-diff.db" });
  },
} satisfies PrismaConfig;
