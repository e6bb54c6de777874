/**
 * The time bank through the chat, on a real database and the demo community: a service log waits for the other
 * side's confirmation and moves nothing until then (never, when disputed); a confirmed credit moves coins from the fund
 * or the beneficiary as the policy says, within the cap (warn or block) and the overdraft limit; transfers, donations,
 * balances, statements, reversals and thanks.
 */
import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/chat/types.ts";
import type { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say, T0, type testApp, useTempDatabase } from "../support/app.ts";
import fc from "fast-check";

const db = useTempDatabase();

type App = Awaited<ReturnType<typeof testApp>>;

async function demo() {
  const { app, adapter } = await demoApp(db.url);
  return { app, adapter, say: (...messages: InboundMessage[]) => sayInTurn(app, adapter, ...messages) };
}

/** Each message handled and its replies sent before the next (a numbered reply needs its question sent first). */
async function sayInTurn(app: App, adapter: FakeAdapter, ...messages: InboundMessage[]) {
  const sent = [];
  for (const one of messages) sent.push(...(await say(app, adapter, one)));
  return sent;
}
const group = (person: string, text: string, extra: Partial<InboundMessage> = {}) => message("3栋邻里群", person, text, extra);
const dm = (person: string, text: string) => message(null, person, text);

/** Balances in minutes by person name (the fund as "fund"), from the entries themselves. */
async function balances(app: App): Promise<Record<string, number>> {
  const entries = await app.prisma.ledgerEntry.findMany({ include: { account: { include: { person: true } } } });
  const out: Record<string, number> = {};
  for (const entry of entries) {
    const name = entry.account.person?.displayName ?? "fund";
    out[name] = (out[name] ?? 0) + entry.minutes;
  }
  return out;
}

describe("the time bank", () => {
  it("records a service log as pending, asks the beneficiary privately, and moves the coins from the fund only once confirmed", async () => {
    const { app, say } = await demo();
    expect(await say(group("张阿姨", "今天帮李奶奶读报2小时"))).toEqual([
      ["user", "李奶奶", "请确认时间币 #1：张阿姨帮李奶奶「今天帮李奶奶读报2小时」，2 小时。\n请回复数字：1 确认 / 2 有出入"],
      ["chat", "3栋邻里群", "已记下 #1：张阿姨帮李奶奶 2 小时，等李奶奶确认后入账。"],
    ]);
    expect(await app.prisma.pendingCredit.findFirstOrThrow()).toMatchObject({ minutes: 120, category: "B", state: "pending", source: "service_log" });
    // Pending moves nothing, and the helper cannot confirm her own credit.
    expect(await balances(app)).toEqual({});
    expect(await say(dm("张阿姨", "/confirm 1"))).toEqual([["chat", "dm:张阿姨", "#1 需要另一方来确认。"]]);
    expect(await say(dm("李奶奶", "1"))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"],
      ["chat", "dm:李奶奶", "已确认 #1，谢谢！"],
    ]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, fund: -120 });
    expect(await app.prisma.goodDeed.findMany({ select: { kind: true, private: true } })).toEqual([{ kind: "credit", private: false }]);
    expect(await say(dm("李奶奶", "/confirm 1"))).toEqual([["chat", "dm:李奶奶", "#1 已经处理过了。"]]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, fund: -120 });
    await app.close();
  });

  it("files a credit under the community's own category when the words name one", async () => {
    const { app, say } = await demo();
    await say(group("张阿姨", "今天帮李奶奶上智能手机培训课1小时"));
    await say(group("孙主任", "/规则 类别 书法"));
    await say(group("张阿姨", "今天帮李奶奶练书法2小时"));
    expect((await app.prisma.pendingCredit.findMany({ orderBy: { id: "asc" } })).map((credit) => credit.category)).toEqual(["training", "书法"]);
    await app.close();
  });

  it("answers /confirm typed in a group privately, and lets only the entitled decide", async () => {
    const { app, say } = await demo();
    await say(group("李奶奶", "张阿姨帮我读报2小时"));
    expect(await say(group("张阿姨", "/确认"))).toEqual([
      ["user", "张阿姨", "等您确认的时间币：\n#1 张阿姨 2 小时「张阿姨帮我读报2小时」"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    // A coordinator may not decide for someone the bot can reach; nor may a bystander; a huge number is no crash.
    expect(await say(dm("孙主任", "/confirm 1"))).toEqual([["chat", "dm:孙主任", "#1 需要另一方来确认。"]]);
    expect(await say(dm("王师傅", "/dispute 1"))).toEqual([["chat", "dm:王师傅", "#1 需要另一方来确认。"]]);
    expect(await say(dm("张阿姨", "/confirm 99999999999999999999"))).toEqual([["chat", "dm:张阿姨", "没有找到时间币记录 #99999999999999999999。"]]);
    expect(await say(group("张阿姨", "/确认 1"))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, fund: -120 });
    await app.close();
  });

  it("asks a grid captain when the only coordinator recorded it, and lists what waits for a leader", async () => {
    const { app, say } = await demo();
    expect(await say(group("孙主任", "上午9点到11点在社区食堂帮忙给老人打饭"))).toEqual([
      ["user", "周大姐", "请确认时间币 #1：孙主任为社区服务「上午9点到11点在社区食堂帮忙给老人打饭」，2 小时。\n请回复数字：1 确认 / 2 有出入"],
      ["chat", "3栋邻里群", "已记下 #1：孙主任服务 2 小时，等协调员确认后入账。"],
    ]);
    expect(await say(dm("孙主任", "/confirm 1"))).toEqual([["chat", "dm:孙主任", "#1 需要另一方来确认。"]]);
    await say(group("王师傅", "上午在社区食堂帮忙打饭2小时"));
    expect(await say(dm("孙主任", "/confirm"))).toEqual([["chat", "dm:孙主任", "等您确认的时间币：\n#2 王师傅 2 小时「上午在社区食堂帮忙打饭2小时」"]]);
    expect(await say(dm("周大姐", "/余额"))).toEqual([["chat", "dm:周大姐", "您的时间币余额：0 个（另有 1 条等确认）。"]]);
    await say(dm("周大姐", "1"));
    expect(await balances(app)).toEqual({ 孙主任: 120, fund: -120 });
    await app.close();
  });

  it("asks the coordinator about a duty's attendees in one message, and confirms them all with one reply", async () => {
    const { app, say } = await demo();
    await say(group("周大姐", "/活动 周六 9:00-11:00 花园浇水值班 限5人"));
    await say(group("张阿姨", "周六的活动我报名"));
    await say(group("王师傅", "周六的活动我报名"));
    app.clock.set(new Date("2026-11-28T11:30:00+08:00"));
    const asked = await say(group("周大姐", "/签到 1 张阿姨 王师傅"));
    expect(asked.filter(([to, id]) => to === "user" && id === "孙主任")).toEqual([
      ["user", "孙主任", "请确认「花园浇水值班」的时间币：\n#1 张阿姨 2 小时\n#2 王师傅 2 小时\n哪一条有出入，可以回复 /有出入 编号。\n请回复数字：1 全部确认"],
    ]);
    expect(await say(dm("孙主任", "1"))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"],
      ["user", "王师傅", "时间币 #2 已确认，2 个时间币已入账。您的余额：2。"],
      ["chat", "dm:孙主任", "已确认 #1，谢谢！\n已确认 #2，谢谢！"],
    ]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, 王师傅: 120, fund: -240 });
    await app.close();
  });

  it("never moves a disputed credit, and tells the helper", async () => {
    const { app, say } = await demo();
    await say(group("张阿姨", "今天帮李奶奶读报2小时"));
    expect(await say(dm("李奶奶", "2"))).toEqual([
      ["user", "张阿姨", "时间币 #1（今天帮李奶奶读报2小时）对方表示有出入，没有入账。如有疑问，可以找网格长或协调员。"],
      ["chat", "dm:李奶奶", "已记下有出入，#1 不会入账。"],
    ]);
    expect(await say(dm("李奶奶", "/confirm 1"))).toEqual([["chat", "dm:李奶奶", "#1 已经处理过了。"]]);
    expect(await balances(app)).toEqual({});
    expect(await app.prisma.pendingCredit.findFirstOrThrow()).toMatchObject({ state: "disputed", transferId: null });
    await app.close();
  });

  it("lets the beneficiary record it too: then the helper confirms", async () => {
    const { app, say } = await demo();
    expect(await say(group("李奶奶", "张阿姨帮我读报2小时"))).toEqual([
      ["user", "张阿姨", "请确认时间币 #1：张阿姨帮李奶奶「张阿姨帮我读报2小时」，2 小时。\n请回复数字：1 确认 / 2 有出入"],
      ["chat", "3栋邻里群", "已记下 #1：张阿姨帮李奶奶 2 小时，等张阿姨确认后入账。"],
    ]);
    expect(await say(dm("李奶奶", "/confirm 1"))).toEqual([["chat", "dm:李奶奶", "#1 需要另一方来确认。"]]);
    expect(await say(dm("张阿姨", "/确认 1"))).toEqual([["chat", "dm:张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"]]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, fund: -120 });
    await app.close();
  });

  it("asks a coordinator to confirm for an elder who is in no chat, and for help given to the community", async () => {
    const { app, say } = await demo();
    const community = await app.prisma.community.findFirstOrThrow();
    await app.prisma.person.create({ data: { communityId: community.id, displayName: "赵奶奶", createdAt: T0 } });
    expect(await say(group("张阿姨", "今天帮赵奶奶买菜1小时"))).toEqual([
      ["user", "孙主任", "请确认时间币 #1：张阿姨帮赵奶奶「今天帮赵奶奶买菜1小时」，1 小时。\n请回复数字：1 确认 / 2 有出入"],
      ["chat", "3栋邻里群", "已记下 #1：张阿姨帮赵奶奶 1 小时，等协调员确认后入账。"],
    ]);
    expect(await say(dm("周大姐", "/confirm 1"))).toEqual([["chat", "dm:周大姐", "#1 需要另一方来确认。"]]);
    await say(dm("孙主任", "1"));
    expect(await say(group("王师傅", "上午9点到11点在社区食堂帮忙给老人打饭"))).toEqual([
      ["user", "孙主任", "请确认时间币 #2：王师傅为社区服务「上午9点到11点在社区食堂帮忙给老人打饭」，2 小时。\n请回复数字：1 确认 / 2 有出入"],
      ["chat", "3栋邻里群", "已记下 #2：王师傅服务 2 小时，等协调员确认后入账。"],
    ]);
    await say(dm("孙主任", "/confirm 2"));
    expect(await balances(app)).toEqual({ 张阿姨: 60, 王师傅: 120, fund: -180 });
    await app.close();
  });

  it("blocks a credit over the cap when the policy says block (it stays pending), and warns when it says warn", async () => {
    const { app, say } = await demo();
    expect(await say(group("张阿姨", "/规则 上限 1 阻止"))).toEqual([["chat", "3栋邻里群", "这个命令需要社区协调员来发。"]]);
    const shown = await say(group("孙主任", "/规则 上限 1 阻止"));
    expect(shown[0]![2]).toContain("上限：1 个时间币（超过即阻止）");
    await say(group("张阿姨", "今天帮李奶奶读报2小时"));
    expect(await say(dm("李奶奶", "1"))).toEqual([
      ["user", "张阿姨", "#1 暂时没能入账：张阿姨的余额会超过上限 1 个时间币。可以先转赠或捐给社区基金。"],
      ["chat", "dm:李奶奶", "#1 暂时没能入账：张阿姨的余额会超过上限 1 个时间币。可以先转赠或捐给社区基金。"],
    ]);
    expect(await balances(app)).toEqual({});
    expect(await app.prisma.pendingCredit.findFirstOrThrow()).toMatchObject({ state: "pending" });
    await say(group("孙主任", "/规则 上限 1 提醒"));
    expect(await say(dm("李奶奶", "1"))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。（提醒：余额已超过上限 1）"],
      ["chat", "dm:李奶奶", "已确认 #1，谢谢！（提醒：余额已超过上限 1）"],
    ]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, fund: -120 });
    await app.close();
  });

  it("takes the coins from the beneficiary when the policy says so, down to the overdraft limit and no further", async () => {
    const { app, say } = await demo();
    await say(group("孙主任", "/policy payer beneficiary"), group("孙主任", "/policy overdraft 3"));
    await say(group("张阿姨", "今天帮李奶奶读报2小时"));
    await say(dm("李奶奶", "1"));
    expect(await balances(app)).toEqual({ 张阿姨: 120, 李奶奶: -120 });
    await say(group("张阿姨", "今天帮李奶奶买菜2小时"));
    expect(await say(dm("李奶奶", "1"))).toEqual([["chat", "dm:李奶奶", "#2 暂时没能入账：李奶奶的余额会低于 -3。请联系社区协调员处理。"]]);
    expect(await balances(app)).toEqual({ 张阿姨: 120, 李奶奶: -120 });
    await app.close();
  });

  it("gives, donates, answers balances privately, shows statements, and lets a coordinator reverse a transfer once", async () => {
    const { app, say } = await demo();
    await say(group("张阿姨", "今天帮李奶奶读报2小时"));
    await say(dm("李奶奶", "1"));
    expect(await say(group("张阿姨", "/转赠 @王师傅 5"))).toEqual([
      ["user", "张阿姨", "余额不够：您现在有 2 个时间币。"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    expect(await say(group("张阿姨", "/转赠 王师傅 0.5"))).toEqual([
      ["user", "王师傅", "张阿姨转给您 0.5 个时间币。您的余额：0.5。"],
      ["user", "张阿姨", "已转给王师傅 0.5 个时间币。您的余额：1.5。"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    expect(await say(dm("张阿姨", "/捐赠 0.5"))).toEqual([["chat", "dm:张阿姨", "谢谢您向社区基金捐出 0.5 个时间币！您的余额：1。"]]);
    expect(await say(dm("张阿姨", "/转赠 张阿姨 1"))).toEqual([["chat", "dm:张阿姨", "不能转给自己哦。"]]);
    expect(await say(group("张阿姨", "我还有多少时间币"))).toEqual([
      ["user", "张阿姨", "您的时间币余额：1 个。"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    expect(await say(group("张阿姨", "/余额 王师傅"))).toEqual([["chat", "3栋邻里群", "这个命令需要社区协调员来发。"]]);
    expect(await say(dm("孙主任", "/balance 王师傅"))).toEqual([["chat", "dm:孙主任", "王师傅的时间币余额：0.5 个。"]]);
    expect(await say(dm("孙主任", "/balance 基金"))).toEqual([["chat", "dm:孙主任", "社区基金的时间币余额：-1.5 个。"]]);
    const statement = await say(dm("张阿姨", "/明细"));
    expect(statement[0]![2]).toBe("您的最近记录（余额 1）：\n11/25 -0.5 捐赠\n11/25 -0.5 转赠 · 王师傅\n11/25 +2 服务 B");
    expect(await say(dm("张阿姨", "/冲正 2"))).toEqual([["chat", "dm:张阿姨", "这个命令需要社区协调员来发。"]]);
    expect(await say(dm("孙主任", "/冲正 2 转错了"))).toEqual([
      ["user", "张阿姨", "协调员冲正了时间币记录 #2。您的余额：1.5。如有疑问，请联系协调员。"],
      ["user", "王师傅", "协调员冲正了时间币记录 #2。您的余额：0。如有疑问，请联系协调员。"],
      ["chat", "dm:孙主任", "已冲正 #2（冲正记录 #4）。"],
    ]);
    expect(await say(dm("孙主任", "/冲正 2"))).toEqual([["chat", "dm:孙主任", "#2 不能冲正：没有这笔记录，或已经冲正过。"]]);
    expect(await say(dm("孙主任", "/冲正 4"))).toEqual([["chat", "dm:孙主任", "#4 不能冲正：没有这笔记录，或已经冲正过。"]]);
    expect(await balances(app)).toEqual({ 张阿姨: 90, 王师傅: 0, fund: -90 });
    // Nothing was edited or deleted: four transfers, eight entries.
    expect(await app.prisma.ledgerEntry.count()).toBe(8);
    await app.close();
  });

  it("records thanks for the named neighbour, and asks kindly when nobody has the name", async () => {
    const { app, say } = await demo();
    expect(await say(group("王秀英", "谢谢王师傅帮我修好了水管"))).toEqual([["chat", "3栋邻里群", "已记下对王师傅的感谢 🌼"]]);
    expect(await say(group("王秀英", "@邻里小助手 谢谢老刘帮忙", { addressedToBot: true }))).toEqual([["chat", "3栋邻里群", "没在群里找到“老刘”，这次感谢先没记下。可以 @ 一下对方。"]]);
    const deeds = await app.prisma.goodDeed.findMany({ include: { helper: true, beneficiary: true } });
    expect(deeds.map((deed) => [deed.kind, deed.helper.displayName, deed.beneficiary?.displayName, deed.description])).toEqual([["thanks", "王师傅", "王秀英", "帮我修好了水管"]]);
    await app.close();
  });

  it("keeps the books through any sequence of logs, confirmations, disputes, gifts, donations and reversals in the chat", async () => {
    const { app, say } = await demo();
    await say(group("孙主任", "/规则 上限 6 阻止"));
    const people = ["张阿姨", "李奶奶", "王师傅", "赵老师"];
    const who = fc.constantFrom(...people);
    const step = fc.oneof(
      fc.record({ kind: fc.constant("log" as const), helper: who, beneficiary: who, hours: fc.integer({ min: 1, max: 4 }) }),
      // Mostly the right person answers; sometimes a coordinator, sometimes someone who may not.
      fc.record({ kind: fc.constant("decide" as const), by: fc.constantFrom("the other side", "the other side", "the other side", "孙主任", ...people), pick: fc.nat(), confirm: fc.boolean() }),
      fc.record({ kind: fc.constant("give" as const), from: who, to: who, coins: fc.constantFrom("0.5", "1", "3") }),
      fc.record({ kind: fc.constant("donate" as const), from: who, coins: fc.constantFrom("0.5", "2") }),
      fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
        for (const one of steps) {
          if (one.kind === "log") await say(group(one.helper, `今天帮${one.beneficiary}读报${one.hours}小时`));
          if (one.kind === "decide") {
            const credits = await app.prisma.pendingCredit.findMany({ include: { helper: true, beneficiary: true } });
            const credit = credits[one.pick % Math.max(credits.length, 1)];
            const otherSide = credit && (credit.startedById === credit.beneficiaryId ? credit.helper.displayName : credit.beneficiary!.displayName);
            if (credit) await say(dm(one.by === "the other side" ? otherSide! : one.by, `/${one.confirm ? "confirm" : "dispute"} ${credit.id}`));
          }
          if (one.kind === "give") await say(dm(one.from, `/转赠 ${one.to} ${one.coins}`));
          if (one.kind === "donate") await say(dm(one.from, `/捐赠 ${one.coins}`));
          if (one.kind === "reverse") {
            const ids = (await app.prisma.ledgerTransfer.findMany({ select: { id: true } })).map((transfer) => transfer.id);
            if (ids.length) await say(dm("孙主任", `/冲正 ${ids[one.pick % ids.length]}`));
          }
        }
        const sums = await app.prisma.ledgerEntry.groupBy({ by: ["transferId"], _sum: { minutes: true } });
        expect(sums.filter((row) => row._sum.minutes !== 0)).toEqual([]);
        const byAccount = await app.prisma.ledgerEntry.groupBy({ by: ["accountId"], _sum: { minutes: true } });
        expect(byAccount.reduce((total, row) => total + (row._sum.minutes ?? 0), 0)).toBe(0);
        for (const row of byAccount) {
          const entries = await app.prisma.ledgerEntry.findMany({ where: { accountId: row.accountId } });
          expect(entries.reduce((total, entry) => total + entry.minutes, 0)).toBe(row._sum.minutes);
        }
        // Only confirmed credits moved coins, each exactly its own minutes; pending and disputed ones moved nothing.
        const credits = await app.prisma.pendingCredit.findMany({ include: { transfer: { include: { entries: true } } } });
        for (const credit of credits) {
          if (credit.state === "confirmed") expect(credit.transfer!.entries.map((entry) => entry.minutes).sort((a, b) => a - b)).toEqual([-credit.minutes, credit.minutes]);
          else expect(credit.transferId).toBeNull();
        }
        expect(await app.prisma.ledgerTransfer.count({ where: { kind: "credit" } })).toBe(credits.filter((credit) => credit.state === "confirmed").length);
      }),
      // A fixed seed: 2the same sequences every run, so the check that every path was taken below cannot flake.
      { numRuns: 25, seed: 2 },
    );
    // The sequences did exercise every path.
    const kinds = await app.prisma.ledgerTransfer.groupBy({ by: ["kind"], _count: { _all: true } });
    const states = await app.prisma.pendingCredit.groupBy({ by: ["state"], _count: { _all: true } });
    expect(kinds.map((row) => row.kind).sort()).toEqual(["credit", "donation", "reversal", "transfer"]);
    expect(states.map((row) => row.state).sort()).toEqual(["confirmed", "disputed", "pending"]);
    await app.close();
  }, 120_000);
});
