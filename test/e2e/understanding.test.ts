/**
 * Understanding as residents meet it, through the real entry point on the demo community (console scripts, virtual
 * clock): a volunteer offering first aid is registered, not alarmed about, and reached by the next real emergency in
 * her building; a message the bot is unsure of is left alone in a group but kept for review; addressed to the bot, it
 * gets one short question with numbered choices, and the number leads to that meaning's normal flow.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printedMessages, query as queryOn, runScript, runTool, type Printed } from "../support/console-run.ts";

// Generous: these tests start the real process several times, and the suite runs the crash soak beside them.
const TIMEOUT = 150_000;
let dir: string;
let dbFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "linli-understanding-"));
  dbFile = join(dir, "linli.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function converse(lines: string[]): Printed[] {
  const run = runScript(dbFile, ["!time 2026-11-25T10:00:00+08:00", ...lines], ["--demo"], TIMEOUT - 5_000);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return printedMessages(run.stdout);
}
const query = <T,>(sql: string, ...params: unknown[]): T[] => queryOn<T>(dbFile, sql, ...params);

describe("understanding residents", () => {
  it(
    "registers 我有车，懂急救，可以帮忙 as a volunteer with a car and first aid, raises no SOS, and alerts her to the next emergency in her building",
    () => {
      const offer = converse(["@dm 吴阿姨: 我住3栋402", "@3栋邻里群 吴阿姨: 我有车，懂急救，可以帮忙"]);
      expect(offer.filter((one) => one.chat === "3栋邻里群").map((one) => one.text)).toEqual(["谢谢您当志愿者（急救、车）！有邻居需要时我会私信问您，方便再接。"]);
      expect(offer.some((one) => one.text.includes("🚨") || one.text.includes("⚠️"))).toBe(false);
      expect(query(`SELECT COUNT(*) AS n FROM "HelpRequest"`)).toEqual([{ n: 0 }]);
      expect(
        query(`SELECT v."firstAid", v."hasCar" FROM "VolunteerProfile" v JOIN "Person" p ON p.id = v."personId" WHERE p."displayName" = '吴阿姨'`),
      ).toEqual([{ firstAid: 1, hasCar: 1 }]);

      const emergency = converse(["!advance 1h", "@3栋邻里群 李奶奶: 快来人 我老伴在家摔倒了起不来 3栋101"]);
      expect(emergency[0]).toMatchObject({ chat: "3栋邻里群", text: expect.stringMatching(/^⚠️ 有人摔倒/u) as unknown });
      const alerted = emergency.filter((one) => one.private && one.text.startsWith("🚨紧急求助")).map((one) => one.chat);
      expect(alerted).toContain("dm 吴阿姨");
      expect(query(`SELECT category FROM "HelpRequest"`)).toEqual([{ category: "sos" }]);
    },
    TIMEOUT,
  );

  it(
    "asks one short question when a message to the bot is unclear, and handles the number as the meaning chosen",
    () => {
      const asked = converse(["@3栋邻里群 王秀英: @邻里小助手 明天想去医院 没人陪"]);
      expect(asked).toHaveLength(1);
      expect(asked[0]!.chat).toBe("3栋邻里群");
      expect(asked[0]!.text).toMatch(/^我不太确定您的意思。您是想：\n请回复数字：1 /u);
      const choices = asked[0]!.text.split("请回复数字：")[1]!.split(" / ").map((choice) => choice.replace(/^\d+ /u, ""));
      expect(choices.at(-1)).toBe("都不是");
      const help = choices.indexOf("找邻居帮忙") + 1;
      expect(help).toBeGreaterThan(0);

      const chosen = converse([`@3栋邻里群 王秀英: ${help}`]);
      // The request's own flow: recorded in the group, and neighbours pinged privately.
      expect(chosen[0]).toMatchObject({ chat: "3栋邻里群", text: expect.stringMatching(/^收到求助 #1/u) as unknown });
      expect(chosen.filter((one) => one.private && one.text.includes("求助 #1")).length).toBeGreaterThan(0);
      expect(query(`SELECT "sourceText", state FROM "HelpRequest"`)).toEqual([{ sourceText: "明天想去医院 没人陪", state: "open" }]);
      expect(query(`SELECT text, outcome, "finalIntent" FROM "UnsureMessage"`)).toEqual([{ text: "明天想去医院 没人陪", outcome: "asked", finalIntent: "request" }]);

      // A second answer to the same question does nothing twice.
      const again = converse([`@3栋邻里群 王秀英: /meant 1 request`]);
      expect(again.map((one) => one.text)).toEqual(["这个问题已经回答过了，谢谢！"]);
      expect(query(`SELECT COUNT(*) AS n FROM "HelpRequest"`)).toEqual([{ n: 1 }]);
    },
    TIMEOUT,
  );

  it(
    "says nothing in a group about a message it is unsure of, keeps it for review, and lets nobody else answer a question",
    () => {
      const silent = converse(["@3栋邻里群 王秀英: 明天想去医院 没人陪"]);
      expect(silent).toEqual([]);
      expect(query(`SELECT text, outcome, "finalIntent" FROM "UnsureMessage"`)).toEqual([{ text: "明天想去医院 没人陪", outcome: "silent", finalIntent: null }]);
      const asked = converse(["@dm 钱大爷: 明天想去医院 没人陪"]);
      expect(asked[0]!.text).toMatch(/^我不太确定您的意思/u);
      const other = converse(["@3栋邻里群 王秀英: /meant 2 request"]);
      expect(other.map((one) => one.text)).toEqual(["这个问题是问别人的哦。"]);
      const none = converse(["@dm 钱大爷: /meant 2 none"]);
      expect(none.map((one) => one.text)).toEqual(["好的，明白了。需要时直接说，或发 /帮助 看看我能做什么。"]);
      expect(query(`SELECT "finalIntent" FROM "UnsureMessage" ORDER BY id`)).toEqual([{ finalIntent: null }, { finalIntent: "none" }]);

      // Coordinators review them, and take them out in the corpus's format to label.
      const csv = runTool(dbFile, "export", ["unsure", "--as", "孙主任"]);
      expect(csv.code).toBe(0);
      const lines = csv.stdout.join("\n").trim().split("\r\n");
      expect(lines[0]).toBe("id,created_at,chat,outcome,guess,confidence,second_guess,final_intent,text");
      expect(lines.slice(1).map((line) => line.split(",").slice(2, 5).concat(line.split(",").slice(7)))).toEqual([
        ["3栋邻里群", "silent", "request", "", "明天想去医院 没人陪"],
        ["钱大爷", "asked", "request", "none", "明天想去医院 没人陪"],
      ]);
      const jsonl = runTool(dbFile, "export", ["unsure", "--as", "孙主任", "--format", "jsonl"]);
      expect(jsonl.stdout.join("\n").trim().split("\n").map((line) => JSON.parse(line) as { intent: string; text: string })).toMatchObject([
        { intent: "", text: "明天想去医院 没人陪" },
        { intent: "none", text: "明天想去医院 没人陪" },
      ]);
      expect(runTool(dbFile, "export", ["unsure", "--as", "王秀英"]).code).toBe(1);
    },
    TIMEOUT,
  );
});
