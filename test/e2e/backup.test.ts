/**
 * `npm run backup -- FILE` (the real CLI, in its own process) while the bot writes: time credits logged and confirmed,
 * requests posted, through the real pipeline on a real SQLite file. The backup is restored (copied into place as the
 * database of a new Linli) and found consistent: integrity and foreign keys intact, every ledger transfer balanced and
 * the same as in the live database, a confirmed credit always with its transfer; the restored Linli starts and answers.
 * Also the CLI's clear refusals: no database, an existing file, a folder that is not one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { InboundMessage } from "../../src/chat/types.ts";
import { sqlitePath } from "../../src/infra/database.ts";
import { demoApp, message, say, tempDatabase, testApp } from "../support/app.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { runTool } from "../support/console-run.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-backup-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The backup CLI in its own process; resolves with its exit code and output. */
function backup(databaseUrl: string, file: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/backup.ts", file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

const group = (person: string, text: string, extra: Partial<InboundMessage> = {}) => message("3栋邻里群", person, text, extra);
const dm = (person: string, text: string) => message(null, person, text);

type Row = Record<string, unknown>;
const all = (db: Database.Database, sql: string) => db.prepare(sql).all() as Row[];

describe("npm run backup", () => {
  it("takes a consistent backup while the bot writes; restored, it is whole, its ledger balanced, and the bot starts on it and answers", async () => {
    const db = tempDatabase();
    cleanups.push(() => db.cleanup());
    const { app, adapter } = await demoApp(db.url);
    cleanups.push(() => app.close());
    let round = 0;
    /** One round of traffic: a time credit logged and confirmed (ledger rows), a request (pings, outbox rows). */
    const traffic = async () => {
      round += 1;
      app.clock.advance(60_000); // a minute a round: within everyone's rate limit
      const logged = (await say(app, adapter, group("张阿姨", `今天帮李奶奶读报${1 + (round % 3)}小时`))).find(([to]) => to === "chat");
      expect(logged?.[2]).toMatch(/^已记下 #\d+/u);
      await say(app, adapter, dm("李奶奶", `/confirm ${/#(\d+)/u.exec(String(logged![2]))![1]}`));
      await say(app, adapter, group("王秀英", `谁家有梯子借用一下，第${round}回`));
    };
    for (let i = 0; i < 3; i += 1) await traffic();

    const dir = folder();
    const file = join(dir, "linli-backup.db");
    let finished = false;
    const running = backup(db.url, file).finally(() => (finished = true));
    while (!finished) {
      await traffic(); // the bot keeps writing until the backup is done
      await new Promise((resolve) => setImmediate(resolve)); // the database calls never leave the microtask queue: let the child's exit in
    }
    const during = round;
    await traffic(); // and after
    const result = await running;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Backed up .*linli\.db to .*linli-backup\.db: [\d.]+ (?:KB|MB) \(\d+ bytes, \d+ pages\) in \d+ ms; integrity check ok\.\n$/u);
    expect(readdirSync(dir)).toEqual(["linli-backup.db"]); // one self-contained file, nothing half-written beside it

    // Restore: the copy becomes the database file of a new Linli.
    const restored = tempDatabase();
    cleanups.push(() => restored.cleanup());
    const restoredPath = sqlitePath(restored.url);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(restoredPath, ".."), { recursive: true });
    copyFileSync(file, restoredPath);

    const copy = new Database(restoredPath, { readonly: true });
    const live = new Database(sqlitePath(db.url), { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("foreign_key_check")).toEqual([]);
      // Taken mid-stream: some of the traffic is in it, not all.
      const requests = (one: Database.Database) => Number(all(one, "SELECT COUNT(*) AS n FROM HelpRequest")[0]!.n);
      expect(requests(copy)).toBeGreaterThanOrEqual(3);
      expect(requests(copy)).toBeLessThan(requests(live));
      expect(requests(live)).toBe(round);
      // The ledger: every transfer balanced and with its entries; the community's accounts sum to zero.
      expect(all(copy, "SELECT transferId, SUM(minutes) AS sum FROM LedgerEntry GROUP BY transferId HAVING SUM(minutes) <> 0")).toEqual([]);
      expect(all(copy, "SELECT t.id FROM LedgerTransfer t LEFT JOIN LedgerEntry e ON e.transferId = t.id GROUP BY t.id HAVING COUNT(e.id) < 2")).toEqual([]);
      expect(all(copy, "SELECT a.communityId, SUM(e.minutes) AS sum FROM LedgerEntry e JOIN TimeAccount a ON a.id = e.accountId GROUP BY a.communityId HAVING SUM(e.minutes) <> 0")).toEqual([]);
      // A confirmed credit has its transfer, a pending one none: no credit half-settled.
      expect(all(copy, "SELECT id, state, transferId FROM PendingCredit WHERE (state = 'confirmed') <> (transferId IS NOT NULL)")).toEqual([]);
      const transfers = Number(all(copy, "SELECT COUNT(*) AS n FROM LedgerTransfer")[0]!.n);
      expect(transfers).toBeGreaterThanOrEqual(3);
      // Every entry in the backup is in the live database as it was: the backup is the live database at one moment.
      const entries = "SELECT id, transferId, accountId, minutes FROM LedgerEntry ORDER BY id";
      expect(all(live, entries).slice(0, all(copy, entries).length)).toEqual(all(copy, entries));
    } finally {
      copy.close();
      live.close();
    }

    // The bot starts on the restored database and answers; the ledger goes on from where the backup left it.
    const adapter2 = new FakeAdapter();
    // It starts at the present, as a restored bot does: messages the backup caught still waiting are due by then, and
    // the new ones go out behind them (a clock back at the start would hold the chat's queue until their time came).
    const app2 = await testApp({ url: restored.url, adapters: [adapter2], clock: new VirtualClock(app.clock.now()) });
    cleanups.push(() => app2.close());
    // (Whatever the backup caught still waiting goes out first.)
    const replies = await say(app2, adapter2, group("王秀英", "@邻里小助手 /帮助", { addressedToBot: true }));
    expect(replies.some(([to, , text]) => to === "chat" && /^我是邻里小助手/u.test(String(text)))).toBe(true);
    const balance = (await say(app2, adapter2, dm("张阿姨", "/余额"))).find(([to, id]) => to === "chat" && id === "dm:张阿姨");
    expect(balance?.[2]).toMatch(/\d/u);
    expect(during).toBeGreaterThan(3);
  }, 120_000);

  it("refuses clearly: no database, an existing file (unless --force), a folder that is not one, no file named", async () => {
    const dir = folder();
    const dbFile = join(dir, "linli.db");
    const missing = runTool(dbFile, "backup", [join(dir, "copy.db")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Backup failed: No database at .*linli\.db \(DATABASE_URL\)/u);
    expect(existsSync(join(dir, "copy.db"))).toBe(false);

    const { app } = await demoApp(`file:${dbFile}`);
    cleanups.push(() => app.close());
    writeFileSync(join(dir, "old.db"), "an earlier backup");
    const existing = runTool(dbFile, "backup", [join(dir, "old.db")]);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toMatch(/old\.db already exists: choose a new file name, or add --force to replace it/u);
    const forced = runTool(dbFile, "backup", [join(dir, "old.db"), "--force"]);
    expect(forced.code).toBe(0);
    const copy = new Database(join(dir, "old.db"), { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();

    const notFolder = runTool(dbFile, "backup", [join(dir, "old.db", "copy.db")]);
    expect(notFolder.code).toBe(1);
    expect(notFolder.stderr).toMatch(/old\.db does not exist or is not a folder/u);
    const usage = runTool(dbFile, "backup", []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: npm run -s backup -- FILE \[--force\]/u);
  }, 120_000);
});
