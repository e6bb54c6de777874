/**
 * Help requests as residents live them, through the real entry point on the demo community and a virtual clock:
 * a request pinged to three neighbours of the same building and taken, the ladder climbing to the grid captain,
 * quiet hours kept for requests and ignored for emergencies, medical requests only for the trained. Every group
 * message these conversations produce is scanned for private details after each test (test/support/privacy-setup.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoCommunity } from "../../prisma/demo.ts";
import { printedMessages, query as queryOn, runScript, type Printed } from "../support/console-run.ts";

// Generous: these tests start the real process several times, and the suite runs the crash soak beside them.
const TIMEOUT = 150_000;
let dir: string;
let dbFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "linli-requests-"));
  dbFile = join(dir, "linli.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Run a conversation on the demo community. */
function converse(lines: string[]): Printed[] {
  const run = runScript(dbFile, lines, ["--demo"], TIMEOUT - 5_000);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const messages = printedMessages(run.stdout);
  return messages;
}
const query = <T,>(sql: string, ...params: unknown[]): T[] => queryOn<T>(dbFile, sql, ...params);
const to = (messages: Printed[], name: string) => messages.filter((message) => message.chat === `dm ${name}`).map((m) => m.text);
const building = (name: string) => demoCommunity.residents.find((resident) => resident.name === name)!.building;
/** Who was pinged for request `id` (by wave), from the database. */
const pinged = (id: number) =>
  query<{ name: string; wave: number; state: string }>(
    `SELECT p.displayName AS name, r.wave AS wave, r.state AS state FROM "RequestPing" r JOIN "Person" p ON p.id = r.volunteerId
     WHERE r.requestId = ? ORDER BY r.wave, r.id`,
    id,
  );

describe("help requests in the demo community", () => {
  it(
    "a request → three volunteers of the same building pinged privately → one accepts → requester told → others told it's taken → done → a pending credit",
    () => {
      const messages = converse([
        "!time 2026-11-25T10:00:00+08:00",
        "@3栋邻里群 王秀英: 谁家有梯子借用一下",
        "@dm 王师傅: 1",
        "@dm 赵老师: /accept 1",
        "@3栋邻里群 王秀英: 我的求助有人接了吗",
        "!advance 45m",
        "@3栋邻里群 王秀英: 好了，谢谢",
        "@3栋邻里群 王秀英: 1",
      ]);
      const ping = "求助 #1：王秀英（3栋）需要帮忙——谁家有梯子借用一下\n请回复数字：1 接单 / 2 不方便";
      expect(messages.map((m) => `[${m.chat}] ${m.text}`)).toEqual([
        "[3栋邻里群] 收到求助 #1，我正在私信联系附近的志愿者，有人接单会告诉您。不需要了请回复“不用了”。",
        `[dm 王师傅] ${ping}`,
        `[dm 张阿姨] ${ping}`,
        `[dm 赵老师] ${ping}`,
        "[dm 王师傅] 谢谢您接下求助 #1！请联系王秀英（3栋），可以在群里@TA或私信。完成后回复 /完成 1。",
        "[dm 王秀英] 好消息：王师傅接下了您的求助 #1，会尽快联系您。",
        "[dm 张阿姨] 求助 #1 已经有人接了，谢谢您！",
        "[dm 赵老师] 求助 #1 已经有人接了，谢谢您！",
        "[3栋邻里群] 求助 #1 已有邻居接单，谢谢大家！",
        "[dm 赵老师] 求助 #1 已经有人接了，谢谢您！",
        "[dm 王秀英] 您的求助：\n#1 谁家有梯子借用一下 — 王师傅已接单",
        "[3栋邻里群] 已私信发给您。",
        "[3栋邻里群] 求助 #1（谁家有梯子借用一下）已经办好了吗？\n请回复数字：1 办好了 / 2 还没有",
        "[3栋邻里群] 求助 #1 已完成，谢谢王师傅！已为王师傅记下 0.75 个时间币。",
        // The requester closed it, so the helper confirms the time, in the same message as the news.
        "[dm 王师傅] 求助 #1 已完成，辛苦了！已为您记下 0.75 个时间币。\n请确认时间币 #1：王师傅帮王秀英「谁家有梯子借用一下」，0.75 小时。\n请回复数字：1 确认 / 2 有出入",
      ]);
      // The first wave: three volunteers, all of the requester's building.
      const wave1 = pinged(1).filter((ping) => ping.wave === 1);
      expect(wave1.map((ping) => ping.name)).toEqual(["王师傅", "张阿姨", "赵老师"]);
      expect(wave1.map((ping) => building(ping.name))).toEqual(["3", "3", "3"]);
      expect(pinged(1).map((ping) => ping.state)).toEqual(["accepted", "taken", "taken"]);
      expect(query(`SELECT state, minutesSpent FROM "HelpRequest" WHERE id = 1`)).toEqual([{ state: "done", minutesSpent: 45 }]);
      expect(
        query(`SELECT h.displayName AS helper, b.displayName AS beneficiary, c.minutes, c.category, c.source, c.sourceId, c.state
               FROM "PendingCredit" c JOIN "Person" h ON h.id = c.helperId JOIN "Person" b ON b.id = c.beneficiaryId`),
      ).toEqual([{ helper: "王师傅", beneficiary: "王秀英", minutes: 45, category: "A", source: "request", sourceId: 1, state: "pending" }]);
    },
    TIMEOUT,
  );

  it(
    "a request with no volunteer in its building climbs the ladder wave by wave, then reaches the grid captain, then the coordinator",
    () => {
      const messages = converse([
        "!time 2026-11-25T10:00:00+08:00",
        "@花园兴趣群 孙主任: /网格长 @孙小妹 西区网格",
        "@花园兴趣群 钱大爷: 谁能帮我修一下水管，厨房漏水了",
        "@dm 孙小妹: 2",
        "!advance 4h",
        "@dm 孙主任: 1",
      ]);
      // 钱大爷 lives in 6栋 (西区) where nobody volunteers: the same grid first, then the other grid, wave by wave.
      const waves = query<{ detail: string; createdAt: string }>(
        `SELECT detail, createdAt FROM "AuditLog" WHERE action = 'request.pinged' ORDER BY id`,
      ).map((row) => ({ ...(JSON.parse(row.detail) as { wave: number; rungs: number[] }), at: new Date(row.createdAt).toISOString() }));
      expect(waves.map((wave) => [wave.wave, wave.rungs, wave.at])).toEqual([
        [1, [1, 1, 2], "2026-11-25T02:00:00.000Z"],
        [2, [2, 2, 2], "2026-11-25T03:00:00.000Z"],
        [3, [2, 2], "2026-11-25T04:00:00.000Z"],
      ]);
      const escalations = query<{ action: string; createdAt: string }>(
        `SELECT action, createdAt FROM "AuditLog" WHERE action LIKE 'request.escalated.%' ORDER BY id`,
      ).map((row) => [row.action, new Date(row.createdAt).toISOString()]);
      expect(escalations).toEqual([
        ["request.escalated.captain", "2026-11-25T05:00:00.000Z"],
        ["request.escalated.coordinator", "2026-11-25T06:00:00.000Z"],
      ]);
      expect(to(messages, "孙小妹")).toContain(
        "网格长您好：求助 #1（钱大爷，6栋：谁能帮我修一下水管,厨房漏水了）附近的志愿者都没能接上，请帮忙联系。\n请回复数字：1 接单 / 2 不方便",
      );
      expect(to(messages, "钱大爷")).toEqual([
        "求助 #1 附近的志愿者暂时都不方便，我已请网格长帮忙，请稍等。",
        "好消息：孙主任接下了您的求助 #1，会尽快联系您。",
      ]);
      expect(to(messages, "孙主任")[0]).toMatch(/^协调员您好：求助 #1/u);
      expect(to(messages, "孙主任")[1]).toBe("谢谢您接下求助 #1！请联系钱大爷（6栋），可以在群里@TA或私信。完成后回复 /完成 1。");
      // All eight volunteers were asked (孙小妹 first as a volunteer, then again as the captain), then the coordinator.
      expect(pinged(1).map((ping) => ping.name).sort()).toEqual(["Emma", "刘医生", "周大姐", "孙主任", "孙小妹", "张阿姨", "王师傅", "赵老师", "陈司机"].sort());
      expect(pinged(1).filter((ping) => ping.wave >= 100)).toEqual([
        { name: "孙小妹", wave: 100, state: "expired" },
        { name: "孙主任", wave: 101, state: "accepted" },
      ]);
    },
    TIMEOUT,
  );

  it(
    "quiet hours keep a night request from 陈司机 (22:00–07:00), but an SOS reaches him, the first-aiders and the captain at once",
    () => {
      const messages = converse([
        "!time 2026-11-25T23:00:00+08:00",
        "@3栋邻里群 王秀英: 谁有车能送我去医院挂个号",
        "!advance 30m",
        "@3栋邻里群 李奶奶: 救命！1栋402有人晕倒了",
        "!advance 5h",
      ]);
      expect(pinged(1).map((ping) => ping.name)).not.toContain("陈司机");
      const ride = /谁有车能送我去医院挂个号/u;
      expect(to(messages, "陈司机").some((text) => ride.test(text))).toBe(false);
      // The SOS: advice in the group first, then private alerts to the nearest first-aiders and drivers of the
      // building and grid, the grid captain (周大姐) and the coordinator (孙主任), in the middle of the night.
      const sosAt = messages.findIndex((m) => m.text.startsWith("⚠️"));
      expect(messages[sosAt]).toEqual({
        chat: "3栋邻里群",
        private: false,
        text: "⚠️ 有人昏迷：请马上拨打 120！不要移动伤者，保持电话畅通。我已私信通知 4 位会急救的邻居、网格长或协调员。",
      });
      const alert = "🚨紧急求助 #2：有人昏迷，地点：1栋402，求助人：李奶奶。能去请马上回复。\n请回复数字：1 我去";
      expect(messages.slice(sosAt + 1, sosAt + 5)).toEqual(
        ["陈司机", "刘医生", "周大姐", "孙主任"].map((name) => ({ chat: `dm ${name}`, private: true, text: alert })),
      );
      expect(pinged(2).filter((ping) => ping.wave === 1).map((ping) => ping.name)).toEqual(["陈司机", "刘医生", "周大姐", "孙主任"]);
      // Nobody acknowledged: after 2 minutes the alert widened to everyone and repeated, every step audited.
      const steps = query<{ action: string; createdAt: string }>(
        `SELECT action, createdAt FROM "AuditLog" WHERE subjectId = '2' ORDER BY id`,
      ).map((row) => [row.action, new Date(row.createdAt).toISOString()]);
      expect(steps).toEqual([
        ["sos.raised", "2026-11-25T15:30:00.000Z"],
        ["sos.alerted", "2026-11-25T15:30:00.000Z"],
        ["sos.widened", "2026-11-25T15:32:00.000Z"],
        ["sos.widened", "2026-11-25T15:34:00.000Z"],
      ]);
      expect(to(messages, "Emma")).toContain(
        "🚨 Emergency #2: Someone is unconscious at 1栋402, reported by 李奶奶. Reply if you can go now.\nReply with a number: 1 On my way",
      );
      expect(to(messages, "周大姐")).toContain(
        "🚨【仍无人回应】紧急求助 #2：有人昏迷，地点：1栋402，求助人：李奶奶。能去请马上回复。\n请回复数字：1 我去",
      );
    },
    TIMEOUT,
  );

  it(
    "an SOS acknowledged within two minutes does not widen; the requester, captain and coordinator hear who is going",
    () => {
      const messages = converse([
        "!time 2026-11-25T10:00:00+08:00",
        "@3栋邻里群 李奶奶: 救命！3栋101我老伴摔倒了起不来",
        "!advance 1m",
        "@dm 周大姐: 1",
        "!advance 10m",
      ]);
      expect(to(messages, "周大姐")).toContain("谢谢！已记下您去处理紧急求助 #1，路上注意安全。");
      expect(to(messages, "李奶奶")).toEqual(["周大姐已收到求助，正在赶来。"]);
      expect(to(messages, "孙主任")).toContain("紧急求助 #1：周大姐已回应，正在赶去。");
      const actions = query<{ action: string; detail: string | null }>(`SELECT action, detail FROM "AuditLog" WHERE subjectId = '1' ORDER BY id`);
      expect(actions.map((row) => row.action)).toEqual(["sos.raised", "sos.alerted", "sos.acknowledged"]);
      expect(JSON.parse(actions[2]!.detail!)).toEqual({ afterSeconds: 60 });
    },
    TIMEOUT,
  );

  it(
    "a medical request is offered only to the medically trained; the captain is asked to find someone qualified",
    () => {
      const messages = converse([
        "!time 2026-11-25T10:00:00+08:00",
        "@3栋邻里群 王秀英: 老人发烧了，谁懂医的帮看一下",
        "@dm 张阿姨: /接单 1",
        "!advance 3h",
      ]);
      expect(messages[0]!.text).toContain("身体不舒服请先就医或拨打120；我只会请受过医护培训的邻居帮忙。");
      expect(pinged(1)).toEqual([{ name: "刘医生", wave: 1, state: "expired" }]);
      const offers = messages.filter((m) => m.private && m.text.includes("1 接单"));
      expect(offers.map((m) => m.chat)).toEqual(["dm 刘医生"]);
      expect(to(messages, "张阿姨")).toEqual(["谢谢您！这个求助只请受过医护培训的志愿者帮忙。"]);
      expect(to(messages, "周大姐")).toEqual([
        "网格长您好：求助 #1（王秀英，3栋：老人发烧了,谁懂医的帮看一下）附近的志愿者都没能接上，请帮忙联系合适的人（需有资质）。",
      ]);
      expect(query(`SELECT COUNT(*) AS n FROM "RequestAssignment"`)).toEqual([{ n: 0 }]);
    },
    TIMEOUT,
  );

  it(
    "the requester can cancel in words; whoever was pinged is told, and an untaken request expires with a polite note",
    () => {
      const messages = converse([
        "!time 2026-11-25T10:00:00+08:00",
        "@3栋邻里群 王秀英: 谁能帮我取个快递",
        "@3栋邻里群 王秀英: 不用了，谢谢",
        "@3栋邻里群 王秀英: 1",
        "@3栋邻里群 李奶奶: 谁有时间陪我聊聊天",
        "!advance 3d",
      ]);
      expect(messages[1]!.text).toBe("求助 #1：王秀英（3栋）需要帮忙——谁能帮我取个快递\n请回复数字：1 接单 / 2 不方便");
      const cancelled = messages.filter((m) => m.text === "求助 #1 已经不需要了，谢谢您！").map((m) => m.chat);
      expect(cancelled.sort()).toEqual(pinged(1).map((ping) => `dm ${ping.name}`).sort());
      expect(messages.filter((m) => m.chat === "3栋邻里群").map((m) => m.text).slice(1, 3)).toEqual([
        "要取消求助 #1（谁能帮我取个快递）吗？\n请回复数字：1 取消求助 / 2 不取消",
        "求助 #1 已取消。",
      ]);
      expect(to(messages, "李奶奶").at(-1)).toBe("抱歉，求助 #2 这段时间没有邻居接上，已自动结束。需要的话可以再发一次，或联系网格长。");
      expect(query(`SELECT id, state FROM "HelpRequest" ORDER BY id`)).toEqual([
        { id: 1, state: "cancelled" },
        { id: 2, state: "expired" },
      ]);
    },
    TIMEOUT,
  );
});
