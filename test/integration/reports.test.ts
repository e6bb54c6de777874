/**
 * Reports of problems around the estate, as whole conversations on the demo community, a real database and the
 * virtual clock: a report's life from open to fixed with the reporter told at each step, a duplicate joined to it, the
 * fixed follow-up answered "2" reopening it, a report left open reminded after 7 days and escalated after 14, photos
 * attached before and after, the board, and the group never told who reported or what they wrote.
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, demoApp, message, say } from "../support/app.ts";
import { useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();
const DAY = 86_400_000;

const group = (person: string, text: string, extra = {}) => message("3栋邻里群", person, text, extra);
const dm = (person: string, text: string) => message(null, person, text);
const photo = (person: string, ref: string) => group(person, "", { photo: { platform: "console" as const, ref } });

/** Run the jobs due at the clock's time; what went out, as `say` gives it. */
async function tick(app: Awaited<ReturnType<typeof demo>>["app"], adapter: FakeAdapter) {
  const before = adapter.sent.length;
  await app.tick();
  return adapter.sent.slice(before).map((sent) => [sent.to, sent.id, sent.message.text]);
}

async function demo() {
  return demoApp(db.url, new FakeAdapter("console", { photos: true }));
}

/** Every text the bot sent to the group so far. */
function groupTexts(adapter: FakeAdapter): string[] {
  return adapter.sent.filter((sent) => sent.to === "chat" && sent.id === "3栋邻里群").map((sent) => sent.message.text);
}

describe("reports", () => {
  it("follows a report from open to fixed, telling the reporter at each step, and joins a duplicate to it", async () => {
    const { app, adapter } = await demo();
    expect(await say(app, adapter, group("王秀英", "3栋4楼楼道灯坏了好几天了，晚上很黑"))).toEqual([
      ["chat", "3栋邻里群", "已记录问题 #1，已转给网格长。有进展会私信告诉您。"],
      ["user", "周大姐", "新问题 #1 照明 · 3栋4楼\n王秀英报告：“3栋4楼楼道灯坏了好几天了，晚上很黑”\n请回复数字：1 已受理 / 2 处理中 / 3 已修复"],
    ]);
    const report = await app.prisma.report.findUniqueOrThrow({ where: { id: 1 } });
    expect(report).toMatchObject({ kind: "light", place: "3栋4楼", placeKey: "b3/f4", state: "open" });
    expect(report.gridId).toBe((await app.prisma.grid.findFirstOrThrow({ where: { name: "东区网格" } })).id);

    // The same kind at the same place while it is open: joined, not a second report for the captain to chase.
    expect(await say(app, adapter, group("李奶奶", "3栋4楼的灯还是不亮"))).toEqual([
      ["chat", "3栋邻里群", "已有人报过 #1，已为您加一票。有进展会私信告诉您。"],
      ["user", "周大姐", "问题 #1 照明 · 3栋4楼 又有人报了（共 2 人）。\n李奶奶说：“3栋4楼的灯还是不亮”"],
    ]);
    expect(await app.prisma.report.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({ state: "duplicate", duplicateOfId: 1 });

    // The captain answers the numbered question: "1" acknowledges.
    expect(await say(app, adapter, dm("周大姐", "1"))).toEqual([
      ["user", "王秀英", "您报的问题 #1 照明 · 3栋4楼：已受理。"],
      ["user", "李奶奶", "您报的问题 #1 照明 · 3栋4楼：已受理。"],
      ["chat", "dm:周大姐", "问题 #1 已改为「已受理」，已私信告诉 2 位报告人。"],
    ]);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 处理中 已联系物业"))).toEqual([
      ["user", "王秀英", "您报的问题 #1 照明 · 3栋4楼：处理中。说明：已联系物业"],
      ["user", "李奶奶", "您报的问题 #1 照明 · 3栋4楼：处理中。说明：已联系物业"],
      ["chat", "dm:周大姐", "问题 #1 已改为「处理中」，已私信告诉 2 位报告人。"],
    ]);
    expect(await say(app, adapter, dm("周大姐", "/report 1 fixed 换了新灯泡"))).toEqual([
      ["user", "王秀英", "您报的问题 #1 照明 · 3栋4楼 已修复（换了新灯泡）。修好了吗？\n请回复数字：1 修好了 / 2 还没有"],
      ["user", "李奶奶", "您报的问题 #1 照明 · 3栋4楼 已修复（换了新灯泡）。修好了吗？\n请回复数字：1 修好了 / 2 还没有"],
      ["chat", "dm:周大姐", "问题 #1 已改为「已修复」，已私信告诉 2 位报告人。"],
    ]);
    expect(await say(app, adapter, dm("王秀英", "1"))).toEqual([["chat", "dm:王秀英", "太好了，谢谢您告诉我们！问题 #1 已确认修好。"]]);
    const fixed = await app.prisma.report.findUniqueOrThrow({ where: { id: 1 } });
    expect(fixed).toMatchObject({ state: "fixed", stateNote: "换了新灯泡" });
    expect(fixed.resolvedAt).not.toBeNull();
    expect((await app.prisma.reportUpdate.findMany({ where: { reportId: 1 }, orderBy: { id: "asc" } })).map((row) => [row.state, row.note])).toEqual([
      ["open", null],
      ["acknowledged", null],
      ["in_progress", "已联系物业"],
      ["fixed", "换了新灯泡"],
    ]);

    // 李奶奶 says it is not fixed: it reopens, and the captain hears of it.
    expect(await say(app, adapter, dm("李奶奶", "2"))).toEqual([
      ["user", "周大姐", "问题 #1 照明 · 3栋4楼：李奶奶说还没有修好，已重新打开。"],
      ["chat", "dm:李奶奶", "好的，问题 #1 已重新打开，已告诉负责的人。"],
    ]);
    expect(await app.prisma.report.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "open", resolvedAt: null });

    // The group heard numbers only: neither who reported nor what they wrote.
    for (const text of groupTexts(adapter)) expect(text).not.toMatch(/王秀英|李奶奶|晚上很黑|不亮/u);
    await app.close();
  });

  it("reminds the captain and reassures the reporter after 7 days, and tells the coordinators after 14", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "电梯又坏了，老人上不去楼"));
    app.clock.set(new Date(T0.getTime() + 7 * DAY - 60_000));
    expect(await tick(app, adapter)).toEqual([]);
    app.clock.set(new Date(T0.getTime() + 7 * DAY));
    expect(await tick(app, adapter)).toEqual([
      ["user", "周大姐", "提醒：问题 #1 电梯 · 3栋 已经 7 天还没解决（1 人报告）。处理后请回复 /工单 1 处理中 或 /工单 1 已修复。"],
      ["user", "王秀英", "您报的问题 #1 电梯 · 3栋 还在处理中，没有被忘记，已再次提醒网格长。"],
    ]);
    app.clock.set(new Date(T0.getTime() + 14 * DAY));
    expect(await tick(app, adapter)).toEqual([["user", "孙主任", "问题 #1 电梯 · 3栋 已经 14 天没有解决（1 人报告），请协调员跟进。"]]);
    await app.close();
  });

  it("leaves a report fixed in time alone at its reminder", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "电梯又坏了，老人上不去楼"));
    await say(app, adapter, dm("孙主任", "/工单 1 已修复"));
    app.clock.set(new Date(T0.getTime() + 15 * DAY));
    expect(await tick(app, adapter)).toEqual([]);
    await app.close();
  });

  it("attaches a photo sent just before or just after the report, and passes it on privately", async () => {
    const { app, adapter } = await demo();
    expect(await say(app, adapter, photo("王秀英", "p-before"))).toEqual([]);
    app.clock.set(new Date(T0.getTime() + 2 * 60_000));
    await say(app, adapter, group("王秀英", "垃圾站好几天没清理了，味道很大"));
    const toCaptain = adapter.sent.filter((sent) => sent.to === "user" && sent.id === "周大姐");
    expect(toCaptain.at(-1)!.message.photo).toEqual({ platform: "console", ref: "p-before" });
    // A second photo a minute later: attached too, and passed on.
    app.clock.set(new Date(T0.getTime() + 3 * 60_000));
    expect(await say(app, adapter, photo("王秀英", "p-after"))).toEqual([["user", "周大姐", "问题 #1 垃圾卫生 · 垃圾站：王秀英补充了照片。"]]);
    expect(adapter.sent.at(-1)!.message.photo).toEqual({ platform: "console", ref: "p-after" });
    expect((await app.prisma.reportPhoto.findMany({ orderBy: { id: "asc" } })).map((row) => row.ref)).toEqual(["p-before", "p-after"]);
    // A photo long after is a photo, not part of the report; one from someone else neither.
    app.clock.set(new Date(T0.getTime() + 10 * 60_000));
    expect(await say(app, adapter, photo("王秀英", "p-late"), photo("李奶奶", "p-other"))).toEqual([]);
    expect(await app.prisma.reportPhoto.count()).toBe(2);
    // A photo more than three minutes before a report is not attached to it.
    app.clock.set(new Date(T0.getTime() + 20 * 60_000));
    await say(app, adapter, group("李奶奶", "北门的路灯不亮了"));
    expect(await app.prisma.reportPhoto.count()).toBe(2);
    await app.close();
  });

  it("shows the building's board in the group without names, and a captain's grid privately", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "3栋4楼楼道灯坏了"), group("李奶奶", "/报告 3栋电梯坏了"));
    await say(app, adapter, group("赵老师", "5栋门口的垃圾桶满了没人清"));
    app.clock.set(new Date(T0.getTime() + 2 * DAY));
    expect(await say(app, adapter, group("张阿姨", "/工单"))).toEqual([
      ["chat", "3栋邻里群", "3栋的待处理问题：\n#1 照明 · 3栋4楼 · 待处理 · 2天前\n#2 电梯 · 3栋 · 待处理 · 2天前"],
    ]);
    expect(await say(app, adapter, dm("周大姐", "/工单"))).toEqual([
      ["chat", "dm:周大姐", "您的网格的待处理问题：\n#1 照明 · 3栋4楼 · 待处理 · 2天前\n#2 电梯 · 3栋 · 待处理 · 2天前"],
    ]);
    expect(await say(app, adapter, dm("孙主任", "/reports"))).toEqual([
      ["chat", "dm:孙主任", "社区的待处理问题：\n#1 照明 · 3栋4楼 · 待处理 · 2天前\n#2 电梯 · 3栋 · 待处理 · 2天前\n#3 垃圾卫生 · 5栋 · 待处理 · 2天前"],
    ]);
    expect(await say(app, adapter, group("张阿姨", "/工单 2"))).toEqual([["chat", "3栋邻里群", "问题 #2 电梯 · 3栋\n状态：待处理\n报告：2天前，1 人报告"]]);
    await app.close();
  });

  it("lets only the grid's captain or a coordinator change a report, and answers every mistake politely", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "3栋4楼楼道灯坏了"), group("王秀英", "电梯又坏了"));
    expect(await say(app, adapter, group("王秀英", "/工单 1 已修复"))).toEqual([["chat", "3栋邻里群", "这个命令只有网格长和协调员能用。"]]);
    expect(await say(app, adapter, dm("周大姐", "/工单 9 已修复"))).toEqual([["chat", "dm:周大姐", "没有找到问题 #9。"]]);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 未能修复"))).toEqual([["chat", "dm:周大姐", "请写上原因，比如：/工单 1 未能修复 需要业委会表决。"]]);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 随便"))).toEqual([
      ["chat", "dm:周大姐", "改状态：/工单 7 已受理 | 处理中 | 已修复 | 未能修复 原因 | 重复 3 | 不归我们管 请联系供电局 | 重新打开"],
    ]);
    expect(await say(app, adapter, dm("周大姐", "/工单 2 不归我们管 请联系电梯维保公司 400-000-0000"))).toEqual([
      ["user", "王秀英", "您报的问题 #2 电梯 · 3栋：不归社区管。说明：请联系电梯维保公司 400-000-0000"],
      ["chat", "dm:周大姐", "问题 #2 已改为「不归社区管」，已私信告诉 1 位报告人。"],
    ]);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 重复 2"))).toEqual([["chat", "dm:周大姐", "请写一个还在处理的其他问题编号，比如 /工单 1 重复 3。"]]);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 重复 1"))).toEqual([["chat", "dm:周大姐", "请写一个还在处理的其他问题编号，比如 /工单 1 重复 3。"]]);
    expect(await say(app, adapter, dm("周大姐", "/工单 2 重新打开"))).toHaveLength(2);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 重复 2"))).toEqual([
      ["user", "王秀英", "您报的问题 #1 和 #2 是同一个问题，已经合并，有进展会私信告诉您。"],
      ["chat", "dm:周大姐", "问题 #1 已并入 #2，已私信告诉 1 位报告人。"],
    ]);
    expect(await say(app, adapter, dm("周大姐", "/工单 1 已修复"))).toEqual([["chat", "dm:周大姐", "问题 #1 已并入 #2，请改 #2。"]]);
    expect(await say(app, adapter, dm("李奶奶", "/fixcheck 2 no"))).toEqual([["chat", "dm:李奶奶", "Only the neighbours who reported #2 can answer this."]]);
    expect(await say(app, adapter, group("王秀英", "/报告"))).toEqual([["chat", "3栋邻里群", "请说说是什么问题、在哪里，比如：/报告 3栋4楼楼道灯坏了"]]);
    await app.close();
  });

  it("answers in English in an English group", async () => {
    const { app, adapter } = await demo();
    const garden = (person: string, text: string) => message("GardenClub", person, text);
    const sent = await say(app, adapter, garden("Emma", "The light at the north gate has been out for a week"));
    expect(sent[0]).toEqual(["chat", "GardenClub", "Recorded as report #1 and passed to a coordinator. I'll message you privately as it moves."]);
    expect(sent.slice(1).map(([to, id]) => `${to}:${id}`)).toEqual(["user:孙主任"]);
    expect(await app.prisma.report.findFirstOrThrow()).toMatchObject({ kind: "light", placeKey: "北门", place: "北门" });
    await app.close();
  });
});

describe("reports in the digest", () => {
  it("counts them by state and kind for the captain's grid only, with the oldest open and the median time to fix", async () => {
    const { app, adapter } = await demo();
    app.clock.set(new Date("2026-11-23T09:00:00+08:00"));
    await say(app, adapter, group("王秀英", "3栋4楼楼道灯坏了，我家门口最黑"), group("李奶奶", "3栋4楼的灯还是不亮"));
    await say(app, adapter, group("王秀英", "电梯又坏了"), group("赵老师", "5栋门口的垃圾桶满了没人清"));
    app.clock.set(new Date("2026-11-24T21:00:00+08:00"));
    await say(app, adapter, dm("周大姐", "/工单 1 已修复"));
    app.clock.set(new Date("2026-11-27T09:00:00+08:00"));
    const [digest] = (await say(app, adapter, dm("周大姐", "/digest"))).map(([, , text]) => String(text));
    expect(digest).toContain("反映问题（本周新报）：待处理 1（+1） · 已修复 1（+1） · 重复 1（+1）；按类别：照明 1（+1） · 电梯 1（+1）");
    expect(digest).toContain("待修复 1（+1），最久 #3 电梯 4 天，修复用时中位 36 小时");
    // 5栋 is in the other grid: its report is not the captain's.
    expect(digest).not.toContain("垃圾");
    for (const secret of ["王秀英", "李奶奶", "门口最黑"]) expect(digest).not.toContain(secret);
    const [all] = (await say(app, adapter, dm("孙主任", "/digest"))).map(([, , text]) => String(text));
    expect(all).toContain("按类别：照明 1（+1） · 电梯 1（+1） · 垃圾卫生 1（+1）");
    await app.close();
  });
});

describe("reports and a forgotten reporter", () => {
  it("keeps the report (the light is still broken) without their name, photos or the photo kept for them", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "3栋4楼楼道灯坏了，王秀英家门口最黑"));
    await say(app, adapter, photo("王秀英", "p-after"));
    await say(app, adapter, photo("王秀英", "p-kept"));
    app.clock.set(new Date(T0.getTime() + 10 * 60_000));
    await say(app, adapter, photo("王秀英", "p-kept-later"));
    expect(await app.prisma.appState.count({ where: { key: { startsWith: "photo:" } } })).toBe(1);
    await say(app, adapter, dm("王秀英", "/forgetme"));
    await say(app, adapter, dm("王秀英", "1"));
    const report = await app.prisma.report.findUniqueOrThrow({ where: { id: 1 } });
    expect(report.description).not.toContain("王秀英");
    expect(report.kind).toBe("light");
    expect(await app.prisma.reportPhoto.count()).toBe(0);
    expect(await app.prisma.appState.count({ where: { key: { startsWith: "photo:" } } })).toBe(0);
    await app.close();
  });
});
