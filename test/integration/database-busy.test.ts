/**
 * A database locked by another process while Linli starts: opening and migrating are retried with backoff (logged)
 * until the lock is released, then Linli starts and answers; a DATABASE_URL that cannot be a database stops with a
 * clear error. The lock is held by a second better-sqlite3 connection; no real waits (the retry delay is injected and
 * SQLite's own busy wait is set to 0).
 */
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { openDatabase, sqlitePath } from "../../src/infra/database.ts";
import { demoApp, message, say, tempDatabase } from "../support/app.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("a database locked at start", () => {
  for (const fresh of [true, false]) {
    it(`waits, logged, until another process releases its exclusive lock (${fresh ? "a new file" : "a migrated database"}), then starts and answers`, async () => {
      const db = tempDatabase();
      cleanups.push(() => db.cleanup());
      const path = sqlitePath(db.url);
      if (!fresh) await (await openDatabase(db.url)).$disconnect();
      mkdirSync(dirname(path), { recursive: true });
      const holder = new Database(path);
      cleanups.push(() => void (holder.open && holder.close()));
      holder.exec("BEGIN EXCLUSIVE");
      const warnings: string[] = [];
      const waits: number[] = [];
      const prisma = await openDatabase(db.url, {
        busyTimeoutMs: 0,
        warn: (line) => warnings.push(line),
        // The other process lets go while Linli waits its third time.
        delay: async (ms) => {
          waits.push(ms);
          if (waits.length === 3) {
            holder.exec("COMMIT");
            holder.close();
          }
        },
      });
      await prisma.$disconnect();
      expect(waits).toHaveLength(3);
      expect(waits[0]).toBeGreaterThan(0);
      expect(waits[1]).toBeGreaterThan(waits[0]! / 2); // backing off, each shortened by at most a fifth
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toMatch(/is locked by another process \(database is locked\); trying again in \d+ ms \(attempt 1\)/u);
      // And Linli starts on it and answers.
      const { app, adapter } = await demoApp(db.url);
      cleanups.push(() => app.close());
      const replies = await say(app, adapter, message("3栋邻里群", "王秀英", "@邻里小助手 /帮助", { addressedToBot: true }));
      expect(replies[0]?.[2]).toMatch(/^我是邻里小助手/u);
    });
  }

  it("stops with a clear error naming DATABASE_URL when the path cannot hold a database", async () => {
    await expect(openDatabase("file:/dev/null/linli/linli.db", { busyTimeoutMs: 0, delay: async () => { throw new Error("must not retry"); } })).rejects.toThrow(
      /Cannot create the folder of the database \/dev\/null\/linli\/linli\.db \(DATABASE_URL\).*Set DATABASE_URL to a file in a writable folder/u,
    );
  });

  it("stops with a clear error when DATABASE_URL names a file that is not a database", async () => {
    const db = tempDatabase();
    cleanups.push(() => db.cleanup());
    const path = sqlitePath(db.url);
    mkdirSync(dirname(path), { recursive: true });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path, "this is a note, not a database ".repeat(40));
    await expect(openDatabase(db.url, { busyTimeoutMs: 0, delay: async () => { throw new Error("must not retry"); } })).rejects.toThrow(/Cannot use .* as the database \(DATABASE_URL\).*SQLITE_NOTADB/u);
  });
});
