/**
 * End to end through the real entry point: `node --import tsx src/main.ts --script -`, a script on stdin,
 * the bot's messages on stdout, the database checked after the process exits.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { query as queryOn, runScript as runScriptOn } from "../support/console-run.ts";
import { demoCommunity } from "../../prisma/demo.ts";
import { decodePng } from "../support/png.ts";

// Generous: these tests start the real process several times, and the suite runs the crash soak beside them.
const TIMEOUT = 150_000;

const ZH_HELP = [
  "我是邻里小助手，帮邻里互相搭把手。常用命令：",
  "  /帮助 (/help) — 看这份说明",
  "  /登记 3-806 (/register) — 登记住址（只有网格长和协调员能看到）",
  "  /志愿者 修水管 梯子 (/volunteer) — 当志愿者，写上会做的事和能借的东西",
  "  /免打扰 22:00-07:00 (/quiet) — 这段时间不打扰您（紧急求救除外）；/每天最多 3 (/limit)",
  "  /电话 138… (/phone) — 私聊登记紧急联系电话；网格长和协调员可用 /联系卡 @某人 (/card)；您的数据：/我的数据 (/mydata)、/删除我的数据 (/forgetme)",
  "  需要帮忙直接在群里说；办好了说“好了，谢谢”或 /完成 12 (/done)；不需要了 /取消求助 12 (/cancel)；查看 /我的求助 (/requests)；公共设施坏了直接说，或 /报告 3栋楼道灯坏了 (/report)、/工单 (/reports) 看处理进度；邻里矛盾想请人调解（私下处理）：/调解 楼上半夜很吵 (/mediate)；独居老人每天报个平安：/报平安 开启 (/checkin)",
  "  志愿者：/接单 12 (/accept)、/不方便 12 (/decline)、/有空 周一至周五 18:00-21:00 (/available)；紧急情况直接喊“救命”，收到警报回 /收到 12 (/ack)",
  "  活动：群管理员 /活动 周六 9:00-11:00 除草 限20人 截止周五20:00 (/event)；说“报名”或 +1 报名，/取消报名 12 (/leave)；/近期活动 (/events)、/名单 12 (/roster)、/签到 12 张阿姨 (/attended)、/日历 (/ical)",
  "  时间银行：说“今天帮李奶奶读报2小时”记时间币，对方 /确认 (/confirm) 后入账；/余额 (/balance)、/明细 (/statement)、/转赠 @某人 5 (/give)、/捐赠 5 (/donate)；每周汇总不写名字 /不留名 (/anonymous)；/证书 (/certificate) 领荣誉证书、/荣誉 公开 (/honours) 满10/50/100小时在群里点赞",
  "  群管理员：/绑定 3栋 (/bind)、/兴趣群 花园 (/interest)；协调员：/网格 东区 1 2 3 (/grid)、/网格长 @某人 东区 (/captain)、/规则 (/policy)、/冲正 (/reverse)、/代管 赵奶奶 9栋806 (/guardian) 代管没有手机的老人、/代办 赵奶奶 明天上午陪去医院 (/on_behalf)、/探访 李奶奶 张阿姨 每周三 15:00 (/visit)；网格长和协调员：/简报 (/digest)",
  "  也可以直接说：“我住3栋806”。",
];
const EN_HELP = [
  "I'm 邻里小助手, helping neighbours help each other. Commands:",
  "  /help — this guide",
  "  /register 3-806 — register where you live (only grid captains and coordinators can see it)",
  "  /volunteer plumbing ladder — volunteer, with what you can do and lend",
  "  /quiet 22:00-07:00 — no pings then (emergencies excepted); /limit 3 — pings a day at most",
  "  /phone 138… — your emergency phone, in a private chat; captains and coordinators: /card @name; your data: /mydata, /forgetme",
  '  Need a hand? Just say so in the group; when it\'s done say "done, thanks" or /done 12; /cancel 12; /requests lists yours; something broken around the estate? say so, or /report the lift in building 3 is down, /reports shows how they are going; a dispute with a neighbour, handled privately: /mediate upstairs is loud at night; living alone? a daily check-in: /checkin on',
  '  Volunteers: /accept 12, /decline 12, /available mon-fri 18:00-21:00; in an emergency just shout "help!"; answer alerts with /ack 12',
  '  Events: admins /event Sat 9am-11am Garden cleanup, 20 places; say "sign me up" or +1, /leave 12; /events, /roster 12, /attended 12 Ann, /ical',
  '  Time bank: say "helped Mrs Li with shopping for 2 hours" to log time; it counts once the other side sends /confirm; /balance, /statement, /give @name 5, /donate 5; /anonymous keeps your name out of the weekly summary; /certificate for your certificate, /honours public lets your groups cheer at 10/50/100 hours',
  "  Group admins: /bind 3, /interest gardening; coordinators: /grid East 1 2 3, /captain @name East, /policy, /reverse, /guardian Mrs-Li 9-806 acts for an elder with no phone, /on_behalf Mrs-Li hospital visit tomorrow, /visit Granny Ann wed 15:00; captains and coordinators: /digest",
  '  You can also just say: "I live in building 3 room 806".',
];

/** Help as printed: the first line after the label, the others indented. */
const helpIn = (label: string, help: string[]): string[] => [`[${label}] 邻里小助手: ${help[0]}`, ...help.slice(1)];

let dir: string;
let dbFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "linli-e2e-"));
  dbFile = join(dir, "linli.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runScript = (lines: string[], extraArgs: string[] = []) => runScriptOn(dbFile, lines, extraArgs, TIMEOUT - 5_000);
const query = <T,>(sql: string): T[] => queryOn<T>(dbFile, sql);
const count = (table: string): number => query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`)[0]!.n;
const virtualNow = (): string | undefined =>
  query<{ value: string }>(`SELECT value FROM "AppState" WHERE key = 'clock.virtualNow'`)[0]?.value;

describe("the console script mode", () => {
  it(
    "prints the Chinese help for a private /help, and nothing on stderr at LOG_LEVEL=silent",
    () => {
      const run = runScript(["@dm 王秀英: /help"]);
      expect(run.stdout).toEqual(helpIn("dm 王秀英", ZH_HELP));
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "greets people who join a group, and answers a resident who types /welcome as an unknown command",
    () => {
      const run = runScript(["@3栋邻里群 王秀英: /welcome 小李", "!join 3栋邻里群 小李、小王", "!leave 3栋邻里群 小王"]);
      expect(run.stdout).toEqual([
        "[3栋邻里群] 邻里小助手: 没有“/welcome”这个命令。发 /帮助 看看我能做什么。",
        "[3栋邻里群] 邻里小助手: 欢迎小李、小王！我是邻里小助手：需要帮忙直接在群里说，报名活动说“报名”，发 /帮助 看说明。加我为好友，方便我私信您。",
      ]);
      expect(run.code).toBe(0);
      expect(query<{ name: string }>(`SELECT p."displayName" AS name FROM "Membership" m JOIN "Person" p ON p.id = m."personId" ORDER BY p.id`)).toEqual([{ name: "王秀英" }, { name: "小李" }]);
    },
    TIMEOUT,
  );

  it(
    "runs a conversation: silent on chatter, private in groups, in each chat's language, once per message",
    () => {
      const run = runScript([
        "# a morning in the building group",
        "!time 2026-11-25T10:00:00+08:00",
        "@3栋邻里群 张阿姨: 大家早上好",
        "@3栋邻里群 李奶奶: 3栋502的快递到了",
        "@3栋邻里群 张阿姨: #接龙 周六包饺子",
        "",
        "@3栋邻里群 王秀英: 我住3栋502",
        "!redeliver",
        "王秀英 forgot the @",
        "@GardenClub Emma: /help",
        "@3栋邻里群 王秀英: /foo",
        "@dm 王秀英: /登记 3-502",
      ]);
      expect(run.stdout).toEqual([
        "[3栋邻里群] 邻里小助手: 已登记，谢谢！住址只有网格长和协调员能看到。",
        ...helpIn("GardenClub", EN_HELP),
        "[3栋邻里群] 邻里小助手: 没有“/foo”这个命令。发 /帮助 看看我能做什么。",
        "[dm 王秀英] 邻里小助手: 已登记住址：3栋502。只有网格长和协调员能看到。",
      ]);
      expect(run.stdout.filter((line) => line.startsWith("[3栋邻里群]")).join("\n")).not.toContain("502");
      expect(run.stderr).toBe(
        "script: line 9: a line starts with @ (a message), ! (a directive) or # (a comment): 王秀英 forgot the @\n",
      );
      expect(run.code).toBe(2);
      // Only the people who said something the bot acted on were recorded; chatter wrote nothing.
      expect(query<{ displayName: string }>(`SELECT displayName FROM "Person" ORDER BY displayName`)).toEqual([
        { displayName: "Emma" },
        { displayName: "张阿姨" }, // her 接龙 was read (a resident's list is no event: nothing to sign up for)
        { displayName: "王秀英" },
      ]);
      expect(query<{ room: string }>(`SELECT room FROM "Person" WHERE displayName = '王秀英'`)).toEqual([{ room: "502" }]);
      expect(count("ProcessedMessage")).toBe(5);
    },
    TIMEOUT,
  );

  it(
    "seeds the demo community into an empty database with --demo, once",
    () => {
      const first = runScript(
        ["!time 2026-11-25T10:00:00+08:00", "@3栋邻里群 王师傅: /help", "@花园兴趣群 Emma: /help"],
        ["--demo"],
      );
      expect(first.stdout).toEqual([...helpIn("3栋邻里群", ZH_HELP), ...helpIn("花园兴趣群", EN_HELP)]); // Emma reads English
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(count("Person")).toBe(demoCommunity.residents.length);
      expect(count("Person")).toBe(12);
      expect(count("Community")).toBe(1);
      expect(query<{ title: string }>(`SELECT title FROM "Chat" ORDER BY id`)).toEqual(
        demoCommunity.chats.map((chat) => ({ title: chat.title })),
      );
      const names = query<{ displayName: string }>(`SELECT displayName FROM "Person"`).map((row) => row.displayName);
      expect(names.sort()).toEqual(demoCommunity.residents.map((resident) => resident.name).sort());

      const again = runScript(["@dm 孙主任: /help"], ["--demo"]);
      expect(again.stdout).toEqual(helpIn("dm 孙主任", ZH_HELP));
      expect(again.code).toBe(0);
      expect(count("Person")).toBe(12);
      expect(count("Community")).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "leaves an empty database without the demo when --demo is not given",
    () => {
      const run = runScript(["!time 2026-11-25T10:00:00+08:00", "@花园兴趣群 Emma: /help"]);
      expect(run.stdout).toEqual(helpIn("花园兴趣群", ZH_HELP)); // a stranger named Emma, in a Chinese group
      expect(run.code).toBe(0);
      expect(query<{ displayName: string }>(`SELECT displayName FROM "Person"`)).toEqual([{ displayName: "Emma" }]);
      expect(count("Building")).toBe(0);
      expect(count("Chat")).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "/证书 prints the certificate card under its text: name, size and where the PNG was saved (next to the database)",
    () => {
      const run = runScript(["@3栋邻里群 李奶奶: 张阿姨帮我读报3小时", "@dm 张阿姨: /confirm 1", "@dm 张阿姨: /证书"], ["--demo"]);
      expect(run.code).toBe(0);
      const at = run.stdout.indexOf("[dm 张阿姨] 邻里小助手: 这是您的邻里互助荣誉证书（累计服务 3 小时），谢谢您！");
      expect(at).toBeGreaterThan(-1);
      const attachment = /^ {2}📎 certificate\.png \((\d+) KB\) (.+)$/u.exec(run.stdout[at + 1] ?? "");
      expect(attachment?.[2]).toMatch(/\/pictures\/outbox-\d+-certificate\.png$/u);
      expect(attachment![2]!.startsWith(`${dir}/pictures/`)).toBe(true);
      const bytes = readFileSync(attachment![2]!);
      expect(Math.round(bytes.length / 1024)).toBe(Number(attachment![1]));
      expect(bytes.length).toBeGreaterThan(15_000);
      expect(bytes.length).toBeLessThan(200_000);
      expect(decodePng(bytes)).toMatchObject({ width: 1200, height: 800 });
    },
    TIMEOUT,
  );

  it(
    "keeps the virtual clock in the database: a script without !time continues where the last one stopped",
    () => {
      const first = runScript(["!time 2026-11-25T10:00:00+08:00", "!advance 2h"]);
      expect(first).toMatchObject({ code: 0, stdout: [], stderr: "" });
      expect(virtualNow()).toBe(new Date("2026-11-25T12:00:00+08:00").toISOString());

      const second = runScript(["# no !time here", "!advance 1h"]);
      expect(second).toMatchObject({ code: 0, stdout: [], stderr: "" });
      expect(virtualNow()).toBe(new Date("2026-11-25T13:00:00+08:00").toISOString());
    },
    TIMEOUT,
  );

  it(
    "binds a bare number to its question: asks which one when a ladder ping and an emergency are both open; a quote or 我去 answers the alert",
    () => {
      const run = runScript(
        [
          "!time 2026-11-25T10:00:00+08:00",
          "@3栋邻里群 李奶奶: 谁家有梯子借用一下", // 王师傅 is pinged: 1 接单 / 2 不方便
          "@3栋邻里群 张阿姨: 救命！3栋有人摔倒了",
          "!advance 2m", // the second round of the alert reaches 王师傅: 1 我去
          "@dm 王师傅: 1",
          "@dm 王师傅: 1", // the ladder, as he says
          "!advance 2m", // the emergency is still open: it keeps alerting, him too
          "@dm 赵老师: 「邻里小助手：🚨紧急求助 #2：有人摔倒，地点：3栋」1",
          "@dm 陈司机: 我去！",
        ],
        ["--demo"],
      );
      expect(run.code).toBe(0);
      const to = (name: string) => run.stdout.filter((line) => line.startsWith(`[dm ${name}]`));
      const which = "[dm 王师傅] 邻里小助手: 您是回复哪一个？请回复数字：1 谁家有梯子借用一下 #1 / 2 紧急求助 #2";
      expect(to("王师傅")).toEqual([
        "[dm 王师傅] 邻里小助手: 求助 #1：李奶奶（3栋）需要帮忙——谁家有梯子借用一下",
        "[dm 王师傅] 邻里小助手: 🚨紧急求助 #2：有人摔倒，地点：3栋，求助人：张阿姨。能去请马上回复。",
        which,
        "[dm 王师傅] 邻里小助手: 谢谢您接下求助 #1！请联系李奶奶（3栋），可以在群里@TA或私信。完成后回复 /完成 1。",
        "[dm 王师傅] 邻里小助手: 🚨【仍无人回应】紧急求助 #2：有人摔倒，地点：3栋，求助人：张阿姨。能去请马上回复。",
      ]);
      // The question comes before the answer, and the requester is told.
      expect(run.stdout.indexOf(which)).toBeLessThan(run.stdout.indexOf("[dm 李奶奶] 邻里小助手: 好消息：王师傅接下了您的求助 #1，会尽快联系您。"));
      expect(to("赵老师")).toContain("[dm 赵老师] 邻里小助手: 谢谢！已记下您去处理紧急求助 #2，路上注意安全。");
      expect(to("陈司机")).toContain("[dm 陈司机] 邻里小助手: 谢谢！已记下您去处理紧急求助 #2，路上注意安全。");
      expect(to("张阿姨")).toEqual(expect.arrayContaining(["[dm 张阿姨] 邻里小助手: 赵老师已收到求助，正在赶来。", "[dm 张阿姨] 邻里小助手: 陈司机已收到求助，正在赶来。"]));
      const pings = query<{ name: string; requestId: number; state: string }>(
        `SELECT p.displayName AS name, r.requestId, r.state FROM "RequestPing" r JOIN "Person" p ON p.id = r.volunteerId WHERE p.displayName IN ('王师傅', '赵老师', '陈司机') ORDER BY r.requestId, p.displayName`,
      );
      expect(pings).toEqual([
        { name: "王师傅", requestId: 1, state: "accepted" },
        { name: "赵老师", requestId: 1, state: "taken" },
        { name: "王师傅", requestId: 2, state: "sent" }, // his "1" did not answer the emergency
        { name: "赵老师", requestId: 2, state: "accepted" },
        { name: "陈司机", requestId: 2, state: "accepted" },
      ]);
      expect(query<{ id: number; state: string }>(`SELECT id, state FROM "HelpRequest" ORDER BY id`)).toEqual([
        { id: 1, state: "assigned" },
        { id: 2, state: "open" },
      ]);
    },
    TIMEOUT,
  );
});
