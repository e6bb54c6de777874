/**
 * Regular visits (探访) as whole conversations on the demo community, a real database and the virtual clock: a rota
 * over three weeks with reminders the day before and two hours before, a logged visit becoming a pending credit
 * (category B) that the elder confirms, a week swapped to the next volunteer with a worrying note followed up by the
 * grid captain, and a missed visit noticed the next day with the coordinator told; nothing of it in any group.
 */
import { describe, expect, it } from "vitest";
import type { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

const dm = (person: string, text: string) => message(null, person, text);
const group = (person: string, text: string) => message("3栋邻里群", person, text);
const VISIT_PEOPLE = ["张阿姨", "王秀英", "李奶奶", "孙主任", "周大姐"];

type App = Awaited<ReturnType<typeof demoApp>>["app"];

/** Set the clock to a Shanghai local time and run the jobs due; what went out privately to the people of the rota. */
async function at(app: App, adapter: FakeAdapter, local: string) {
  const before = adapter.sent.length;
  app.clock.set(new Date(`${local}:00+08:00`));
  await app.tick();
  return adapter.sent
    .slice(before)
    .filter((sent) => sent.to === "user" && VISIT_PEOPLE.includes(sent.id) && !sent.message.text.startsWith("📋"))
    .map((sent) => [sent.to, sent.id, sent.message.text]);
}

describe("visits", () => {
  it("runs a rota over three weeks: reminders, a logged visit credited, a swap, a worrying note, a missed visit", async () => {
    const { app, adapter } = await demoApp(db.url);
    await at(app, adapter, "2026-11-26T10:00");
    expect(await say(app, adapter, dm("孙主任", "/探访 李奶奶 张阿姨 王秀英 每周三 15:00"))).toEqual([
      ["user", "张阿姨", "孙主任请您参加探访李奶奶：每周三 15:00，大家轮流（张阿姨、王秀英）。轮到您时我会提前私信提醒。谢谢您！"],
      ["user", "王秀英", "孙主任请您参加探访李奶奶：每周三 15:00，大家轮流（张阿姨、王秀英）。轮到您时我会提前私信提醒。谢谢您！"],
      ["chat", "dm:孙主任", "已安排探访李奶奶：每周三 15:00，志愿者按顺序轮流：张阿姨、王秀英。第一次：12月2日 周三 15:00（张阿姨）。每次前一天和前两小时我会私信提醒当周的志愿者。"],
    ]);

    // Week 1 (张阿姨): the day before, two hours before, and after the visit.
    expect(await at(app, adapter, "2026-11-30T15:00")).toEqual([]);
    expect(await at(app, adapter, "2026-12-01T15:00")).toEqual([["user", "张阿姨", "明天15:00去看望李奶奶，方便吗？\n请回复数字：1 会去 / 2 这周去不了"]]);
    expect(await say(app, adapter, dm("张阿姨", "1"))).toEqual([["chat", "dm:张阿姨", "好的，谢谢您去看望李奶奶！"]]);
    expect(await at(app, adapter, "2026-12-02T13:00")).toEqual([["user", "张阿姨", "提醒：今天15:00去看望李奶奶。\n请回复数字：1 会去 / 2 这周去不了"]]);
    expect(await at(app, adapter, "2026-12-02T16:00")).toEqual([
      ["user", "张阿姨", "今天去看望李奶奶了吗？去了多久，老人家怎么样？直接回复就好，比如：“去了1小时，精神不错”。\n请回复数字：1 去了1小时，一切都好 / 2 这次没去成"],
    ]);
    const logged = await say(app, adapter, dm("张阿姨", "去了1小时，精神不错"));
    expect(logged).toEqual([
      ["user", "李奶奶", expect.stringContaining("张阿姨") as unknown as string],
      ["chat", "dm:张阿姨", "谢谢您！已记下探访李奶奶 1小时，等李奶奶确认后记入时间银行（B类）。"],
    ]);
    const credit = await app.prisma.pendingCredit.findFirstOrThrow({ where: { source: "visit" } });
    expect(credit).toMatchObject({ minutes: 60, category: "B", state: "pending", sourceId: 1 });
    expect(await app.prisma.visit.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "done", minutes: 60, note: "精神不错", creditId: credit.id });
    // The elder confirms with "1".
    await say(app, adapter, dm("李奶奶", "1"));
    expect(await app.prisma.pendingCredit.findUniqueOrThrow({ where: { id: credit.id } })).toMatchObject({ state: "confirmed" });
    // Logged: no missed notice the next day.
    expect(await at(app, adapter, "2026-12-03T16:00")).toEqual([]);

    // The group's weekly summary counts the visit to an elder of its building, and names no elder.
    const before = adapter.sent.length;
    await at(app, adapter, "2026-12-06T21:00");
    const summaries = adapter.sent.slice(before).filter((sent) => sent.to === "chat" && sent.id === "3栋邻里群").map((sent) => sent.message.text);
    expect(summaries).toEqual([expect.stringContaining("探访独居老人 1 次")]);
    expect(summaries[0]).not.toMatch(/李奶奶|精神不错/u);

    // Week 2 (王秀英's turn): she cannot go, in words; 张阿姨, next in the rota, is asked and goes.
    expect(await at(app, adapter, "2026-12-08T15:00")).toEqual([["user", "王秀英", "明天15:00去看望李奶奶，方便吗？\n请回复数字：1 会去 / 2 这周去不了"]]);
    expect(await say(app, adapter, dm("王秀英", "这周三去不了"))).toEqual([
      ["user", "张阿姨", "王秀英这周去不了，您方便12月9日 周三 15:00去看望李奶奶吗？\n请回复数字：1 会去 / 2 这周去不了"],
      ["chat", "dm:王秀英", "好的，已请张阿姨这周去看望李奶奶。"],
    ]);
    expect(await say(app, adapter, dm("张阿姨", "1"))).toEqual([["chat", "dm:张阿姨", "好的，谢谢您去看望李奶奶！"]]);
    expect(await at(app, adapter, "2026-12-09T13:00")).toEqual([["user", "张阿姨", "提醒：今天15:00去看望李奶奶。\n请回复数字：1 会去 / 2 这周去不了"]]);
    const asked = await at(app, adapter, "2026-12-09T16:00");
    expect(asked.map(([, id]) => id)).toEqual(["张阿姨"]);
    // A note that worries: her grid captain (周大姐) follows up, privately.
    const worried = await say(app, adapter, dm("张阿姨", "去了半小时，她说头晕好几天了"));
    expect(worried).toContainEqual(["user", "周大姐", "探访跟进：张阿姨12月9日 周三 15:00看望了李奶奶，说：“她说头晕好几天了”。请抽空去看看或打个电话。"]);
    expect(worried.at(-1)).toEqual(["chat", "dm:张阿姨", "谢谢您！已记下探访李奶奶 30分钟，等李奶奶确认后记入时间银行（B类）。"]);
    const visits = await app.prisma.visit.findMany({ where: { week: 1 }, orderBy: { id: "asc" } });
    expect(visits.map((one) => [one.state, one.minutes])).toEqual([["swapped", null], ["done", 30]]);
    expect(await at(app, adapter, "2026-12-10T16:00")).toEqual([]);

    // Week 3 (张阿姨 again): reminded, never logged: the next day it is missed and the coordinator told.
    expect(await at(app, adapter, "2026-12-15T15:00")).toEqual([["user", "张阿姨", "明天15:00去看望李奶奶，方便吗？\n请回复数字：1 会去 / 2 这周去不了"]]);
    await at(app, adapter, "2026-12-16T13:00");
    await at(app, adapter, "2026-12-16T16:00");
    expect(await at(app, adapter, "2026-12-17T15:00")).toEqual([["user", "孙主任", "李奶奶 12月16日 周三 15:00 的探访没有记录（当周志愿者：张阿姨），请了解一下老人的情况。"]]);
    expect((await app.prisma.visit.findMany({ where: { week: 2 } })).map((one) => one.state)).toEqual(["missed"]);
    await app.close();
  });

  it("logs a visit told in English words the parser is unsure of; the same words from someone with no visit due go their usual way", async () => {
    const { app, adapter } = await demoApp(db.url);
    await at(app, adapter, "2026-11-26T10:00");
    await say(app, adapter, dm("孙主任", "/探访 李奶奶 张阿姨 王秀英 每周三 15:00"));
    await at(app, adapter, "2026-12-02T16:00");
    const words = "went for an hour, she was in good spirits";
    const elsewhere = await say(app, adapter, dm("王秀英", words));
    expect(elsewhere.map(([to, id]) => `${to}:${id}`)).toEqual(["chat:dm:王秀英"]);
    expect(elsewhere[0]![2]).not.toContain("visit");
    expect(await app.prisma.pendingCredit.count()).toBe(0);
    const logged = await say(app, adapter, dm("张阿姨", words));
    expect(logged.at(-1)).toEqual(["chat", "dm:张阿姨", "Thank you! Your visit to 李奶奶 (1 h) is recorded; it goes into the time bank (category B) once 李奶奶 confirms."]);
    expect(await app.prisma.visit.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "done", minutes: 60, note: "she was in good spirits" });
    expect(await app.prisma.pendingCredit.findFirstOrThrow({ where: { source: "visit" } })).toMatchObject({ minutes: 60, category: "B", state: "pending" });
    await app.close();
  });

  it("shows each one's rotas in /mydata: the elder visited, the volunteers visiting; and whom a coordinator acts for", async () => {
    const { app, adapter } = await demoApp(db.url);
    await say(app, adapter, dm("孙主任", "/探访 李奶奶 张阿姨 王秀英 每周三 15:00"));
    await say(app, adapter, dm("孙主任", "/代管 赵奶奶 9栋806"));
    const mine = async (who: string) => String((await say(app, adapter, dm(who, "/我的数据")))[0]![2]).split("\n");
    expect(await mine("李奶奶")).toContain("· 定期探访您：每周三 15:00（张阿姨、王秀英）");
    expect(await mine("王秀英")).toContain("· 您参加探访 李奶奶：每周三 15:00，轮流（张阿姨、王秀英）");
    expect(await mine("张阿姨")).toContain("· 您参加探访 李奶奶：每周三 15:00，轮流（张阿姨、王秀英）");
    expect(await mine("孙主任")).toContain("· 您代管：赵奶奶");
    expect((await mine("周大姐")).join("\n")).not.toMatch(/探访|代管/u);
    await app.close();
  });

  it("answers a coordinator's /探访 in a group only that it was handled privately, and refuses others", async () => {
    const { app, adapter } = await demoApp(db.url);
    expect(await say(app, adapter, group("孙主任", "/探访 李奶奶 张阿姨 每周五 下午3点"))).toEqual([
      ["user", "张阿姨", "孙主任请您参加探访李奶奶：每周五 15:00，大家轮流（张阿姨）。轮到您时我会提前私信提醒。谢谢您！"],
      ["user", "孙主任", "已安排探访李奶奶：每周五 15:00，志愿者按顺序轮流：张阿姨。第一次：11月27日 周五 15:00（张阿姨）。每次前一天和前两小时我会私信提醒当周的志愿者。"],
      ["chat", "3栋邻里群", "探访的事已私下处理，详情请看私信。"],
    ]);
    expect(await say(app, adapter, dm("孙主任", "/探访 李奶奶"))).toEqual([["chat", "dm:孙主任", "用法：/探访 老人 志愿者1 志愿者2 每周三 15:00（志愿者按顺序每周轮流）"]]);
    expect(await say(app, adapter, dm("孙主任", "/探访 李奶奶 没这人 每周三 15:00"))).toEqual([["chat", "dm:孙主任", "没找到“没这人”，请确认名字，或请对方先在群里说句话。"]]);
    const refused = await say(app, adapter, dm("张阿姨", "/探访 李奶奶 王秀英 每周三 15:00"));
    expect(refused).toHaveLength(1);
    expect(await app.prisma.visitRota.count()).toBe(1);
    await app.close();
  });
});
