/**
 * A week in the demo community through the real entry point and a virtual clock: a request done, a service log
 * confirmed, thanks, a medical request, an opt-out, an English group's event and thanks. At Sunday 20:00 each group
 * with something to tell gets its summary in its own language, naming only helpers who allow it and never a private
 * category; the captain and the coordinator get their digests privately (weekly and with /digest), never a group.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printedMessages, query, runScript, runTool, type Printed } from "../support/console-run.ts";

let dir: string;
let dbFile: string;
let messages: Printed[];

const WEEK = [
  "!time 2026-11-23T09:00:00+08:00",
  "@3栋邻里群 王秀英: 谁家有梯子借用一下",
  "@dm 王师傅: 1",
  "!advance 1h",
  "@3栋邻里群 王秀英: 好了，谢谢",
  "@3栋邻里群 王秀英: 1",
  "@dm 王师傅: 1",
  "@3栋邻里群 张阿姨: 今天帮李奶奶读报2小时",
  "@dm 李奶奶: 1",
  "@3栋邻里群 李奶奶: 谢谢赵老师帮我辅导孙子",
  "@3栋邻里群 赵老师: /不留名",
  "@3栋邻里群 王秀英: 我头晕，谁能帮我量一下血压",
  "@dm 刘医生: 1",
  "!advance 1h",
  "@3栋邻里群 王秀英: 好了，谢谢",
  "@3栋邻里群 王秀英: 1",
  "@dm 刘医生: 1",
  "@GardenClub Tom: Hello everyone",
  "@GardenClub 孙主任: /event Saturday 10:00-12:00 garden tidy-up",
  "@GardenClub Tom: Thanks Emma for the tomato seedlings",
  "!time 2026-11-29T19:59:00+08:00",
  "!advance 2m",
  "@dm 周大姐: /digest",
  "@3栋邻里群 孙主任: /简报",
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "linli-week-"));
  dbFile = join(dir, "linli.db");
  const run = runScript(dbFile, WEEK, ["--demo"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  messages = printedMessages(run.stdout);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inChat = (chat: string) => messages.filter((message) => message.chat === chat).map((message) => message.text);

describe("a week of good deeds", () => {
  it("posts the summary at Sunday 20:00 in each group with something to tell, in its language", () => {
    expect(inChat("3栋邻里群").filter((text) => text.startsWith("🌼"))).toEqual([
      "🌼 本周邻里好事 · 3栋邻里群\n4 位邻居出手相助，共 4 小时\n解决求助 2 件 · 感谢 1 次\n谢谢 王师傅、张阿姨 等邻居！\n远亲不如近邻，下周见 💪",
    ]);
    expect(inChat("GardenClub").filter((text) => text.startsWith("🌼"))).toEqual([
      "🌼 This week in GardenClub\n1 neighbour helped out\n1 event · 1 thank-you\nThank you, Emma!\nGood neighbours make a good home. See you next week 💪",
    ]);
    // A group where nothing happened is not disturbed.
    expect(inChat("花园兴趣群").filter((text) => text.startsWith("🌼"))).toEqual([]);
    // It went out at 20:00 community time, and next Sunday's is scheduled.
    const jobs = query<{ dueAt: string; state: string }>(dbFile, `SELECT dueAt, state FROM "ScheduledJob" WHERE kind = 'week.summary' ORDER BY dueAt`);
    expect(jobs.map((job) => [new Date(job.dueAt).toISOString(), job.state])).toEqual([
      ["2026-11-29T12:00:00.000Z", "done"],
      ["2026-12-06T12:00:00.000Z", "pending"],
    ]);
    const summaryAt = query<{ createdAt: string }>(dbFile, `SELECT createdAt FROM "OutboxMessage" WHERE body LIKE '%本周邻里好事%'`);
    expect(summaryAt.map((row) => new Date(row.createdAt).toISOString())).toEqual(["2026-11-29T12:00:00.000Z"]);
  });

  it("names nobody who opted out and nothing of a private category", () => {
    const summaries = messages.filter((message) => !message.private && message.text.startsWith("🌼"));
    expect(summaries.map((summary) => summary.chat)).toEqual(["3栋邻里群", "GardenClub"]);
    for (const summary of summaries) {
      expect(summary.text).not.toContain("赵老师");
      expect(summary.text).not.toContain("刘医生");
      expect(summary.text).not.toMatch(/血压|头晕|medical|医/u);
    }
  });

  it("sends the digest privately to the captain (her grid) and the coordinator (every grid), weekly and on demand, never to a group", () => {
    const digests = messages.filter((message) => message.text.startsWith("📋"));
    expect(digests.map((message) => message.chat)).toEqual(["dm 孙主任", "dm 周大姐", "dm 周大姐", "dm 孙主任"]);
    const captain = digests[1]!.text;
    expect(captain).toContain("【东区网格】新求助 2（+2）");
    expect(captain).not.toContain("西区网格");
    expect(captain).toContain("时间币：A 日常 2 · B 陪伴 2，共 4（上周 0）");
    expect(captain).toContain("帮得最多：张阿姨 2、刘医生 1、王师傅 1");
    expect(digests[0]!.text).toContain("【西区网格】");
    expect(inChat("3栋邻里群").at(-1)).toBe("已私信发给您。");
  });

  it("exports the ledger and the digest figures as CSV for a coordinator, and refuses anyone else", () => {
    const ledger = runTool(dbFile, "export", ["ledger", "--as", "孙主任"]);
    expect(ledger.code).toBe(0);
    const rows = ledger.stdout.join("\n").trim().split("\r\n");
    expect(rows[0]).toBe("entry_id,transfer_id,created_at,kind,category,account,person_id,minutes,coins,reverses_id,memo");
    expect(rows.slice(1).map((row) => row.split(",").slice(3, 6).concat(row.split(",")[7]!))).toEqual([
      ["credit", "A", "王师傅", "60"],
      ["credit", "A", "fund", "-60"],
      ["credit", "B", "张阿姨", "120"],
      ["credit", "B", "fund", "-120"],
      ["credit", "A", "刘医生", "60"],
      ["credit", "A", "fund", "-60"],
    ]);
    const later = runTool(dbFile, "export", ["ledger", "--as", "孙主任", "--from", "2026-11-24"]);
    expect(later.stdout.join("\n").trim().split("\r\n")).toHaveLength(1);
    const digest = runTool(dbFile, "export", ["digest", "--as", "孙主任", "--week-ending", "2026-11-29T20:00:00+08:00"]);
    expect(digest.code).toBe(0);
    const csv = digest.stdout.join("\n");
    expect(csv).toContain("2026-11-22T12:00:00.000Z,2026-11-29T12:00:00.000Z,requests,东区网格,newRequests,2,0\r\n");
    expect(csv).toContain(",minutes_by_category,,B,120,0\r\n");
    const refused = runTool(dbFile, "export", ["ledger", "--as", "王秀英"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not a coordinator/u);
    expect(refused.stdout.join("")).toBe("");
  }, 120_000); // generous: it starts the export tool twice while the suite runs the crash soak beside it
});
