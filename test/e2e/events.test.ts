/**
 * Events as residents live them, through the real entry point on the demo community and a virtual clock: an admin
 * posts a duty, neighbours sign up five ways, the waitlist fills and is promoted, reminders come once each at 24 h and
 * 2 h, and attendance credits the hours.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printedMessages, query as queryOn, runScript, runTool } from "../support/console-run.ts";

// Generous: these tests start the real process several times, and the suite runs the crash soak beside them.
const TIMEOUT = 150_000;
let dir: string;
let dbFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "linli-events-"));
  dbFile = join(dir, "linli.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const query = <T,>(sql: string): T[] => queryOn<T>(dbFile, sql);

describe("events in the demo community", () => {
  it(
    "create → sign-ups in five ways → full → waitlist → a cancellation promotes the first waitlisted → reminders at 24 h and 2 h once each → attendance credits hours",
    () => {
      const run = runScript(
        dbFile,
        [
          "!time 2026-11-25T10:00:00+08:00",
          "@3栋邻里群 周大姐: /活动 周六 9:00-11:00 花园浇水值班 限5人",
          "@3栋邻里群 王秀英: 周六的活动我报名", // Chinese words
          "@3栋邻里群 赵老师: sign me up for Saturday", // English words
          "@3栋邻里群 张阿姨: +2", // +N
          "@3栋邻里群 王师傅: 1", // the card's numbered option (a button elsewhere)
          "@3栋邻里群 李奶奶: #接龙 周六浇水\\n1. 王秀英\\n2. 李奶奶", // a 接龙 re-post: 李奶奶 added
          "@3栋邻里群 张阿姨: 周六的浇水我去不了了",
          "!time 2026-11-28T11:30:00+08:00",
          "@3栋邻里群 周大姐: /签到 1 王秀英 赵老师 王师傅 李奶奶",
        ],
        ["--demo"],
        TIMEOUT - 5_000,
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const messages = printedMessages(run.stdout);
      const lines = messages.map((m) => `[${m.chat}] ${m.text}`);
      // Each sign-up is answered privately; the group hears one summary when the window closes (张阿姨 came and went
      // within it, 李奶奶 waited and moved up: for the group, simply in).
      expect(lines.slice(0, 9)).toEqual([
        "[3栋邻里群] 已发布活动：\n#1 花园浇水值班（志愿值班）\n时间：11月28日（周六） 09:00-11:00\n名额：0/5\n回复“报名”或 +1 即可报名。\n请回复数字：1 报名 / 2 取消报名",
        "[dm 王秀英] 报名成功：花园浇水值班。已报 1/5 人。",
        "[dm 赵老师] You're in: 花园浇水值班. 2/5 signed up.",
        "[dm 张阿姨] 报名成功：花园浇水值班（2人）。已报 4/5 人。",
        "[dm 王师傅] 报名成功：花园浇水值班。已报 5/5 人。",
        "[dm 李奶奶] 花园浇水值班名额已满，您在候补第 1 位，有空位会通知您。",
        "[dm 张阿姨] 已取消您的花园浇水值班报名。",
        "[dm 李奶奶] 好消息：有人退出，您已从候补转为正式报名：花园浇水值班，11月28日（周六） 09:00-11:00。",
        "[3栋邻里群] 花园浇水值班：新报名 4 人（王秀英、赵老师、王师傅、李奶奶）；共 4/5 人。",
      ]);
      // Each confirmed participant: one reminder the day before, one two hours before; 张阿姨 (cancelled) none.
      const reminders = messages.filter((m) => m.text.startsWith("提醒："));
      for (const name of ["王秀英", "赵老师", "王师傅", "李奶奶"]) {
        expect(reminders.filter((m) => m.chat === `dm ${name}`).map((m) => m.text)).toEqual([
          "提醒：明天有花园浇水值班（11月28日（周六） 09:00-11:00），别忘了哦！",
          "提醒：2小时后有花园浇水值班（11月28日（周六） 09:00-11:00），别忘了哦！",
        ]);
      }
      expect(reminders).toHaveLength(8);
      expect(lines.at(-1)).toBe("[3栋邻里群] 已记下花园浇水值班到场：王秀英、赵老师、王师傅、李奶奶。每人记 2 个时间币，待确认。");
      expect(
        query(`SELECT p.displayName AS name, s.count, s.state, s.attended FROM "SignUp" s JOIN "Person" p ON p.id = s.personId ORDER BY s.id`),
      ).toEqual([
        { name: "王秀英", count: 1, state: "confirmed", attended: 1 },
        { name: "赵老师", count: 1, state: "confirmed", attended: 1 },
        { name: "张阿姨", count: 2, state: "cancelled", attended: null },
        { name: "王师傅", count: 1, state: "confirmed", attended: 1 },
        { name: "李奶奶", count: 1, state: "confirmed", attended: 1 },
      ]);
      expect(query(`SELECT minutes, source, sourceId, state FROM "PendingCredit"`)).toEqual(
        Array.from({ length: 4 }, () => ({ minutes: 120, source: "event", sourceId: 1, state: "pending" })),
      );
    },
    TIMEOUT,
  );

  it(
    "exports an event as .ics: the console shows the attached file, and the CLI prints the calendar",
    () => {
      const run = runScript(
        dbFile,
        ["!time 2026-11-25T10:00:00+08:00", "@3栋邻里群 周大姐: /event Sat 9am-11am Garden cleanup, 20 places", "@3栋邻里群 王秀英: /日历 1"],
        ["--demo"],
        TIMEOUT - 5_000,
      );
      expect(run.stdout.slice(-2)).toEqual(["[3栋邻里群] 邻里小助手: Garden cleanup的日历（1 个活动），可导入手机日历。", expect.stringMatching(/^ {2}📎 linli-event-1\.ics \(\d+ bytes\)$/u) as unknown]);
      const cli = runTool(dbFile, "ical", ["--event", "1"]);
      expect(cli.code).toBe(0);
      expect(cli.stdout.join("\n")).toContain("SUMMARY:Garden cleanup\r\nSTATUS:CONFIRMED");
      expect(cli.stdout.join("\n")).toContain("DTSTART:20261128T010000Z\r\nDTEND:20261128T030000Z");
      const missing = runTool(dbFile, "ical", ["--event", "99"]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/No event #99/u);
    },
    TIMEOUT,
  );
});
