/**
 * Regular visits on the fakes (no database): a rota arranged by a coordinator, the week's turn rotating, reminders,
 * a swap down the list until nobody is left (the coordinators told), a logged visit becoming a pending category-B
 * credit the elder is asked to confirm, a worrying note followed up by the grid captain, a visit logged twice or by
 * someone else refused, a missed visit, and a group told only that it was handled privately.
 * Mirrors test/integration/visits.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines } from "../support/fakes/world.ts";
import { aResident } from "../support/builders.ts";

const GROUP = "3栋邻里群";

/** The demo world (T0 Wednesday 25 Nov 10:00 Shanghai) with 孙主任's rota for 李奶奶: Fridays 15:00, 张阿姨 then 王秀英 then 赵老师. */
async function arranged() {
  const world = demoWorld();
  const sent = await world.say(world.message("/探访 李奶奶 张阿姨 王秀英 赵老师 每周五 15:00", "孙主任"));
  return { world, sent, store: { get rotas() { return world.state.visitRotas; }, get visits() { return world.state.visits; } } };
}

/** Run the jobs due at a Shanghai local time. */
async function at(world: ReturnType<typeof demoWorld>, local: string) {
  world.clock.set(new Date(`${local}:00+08:00`));
  return lines(await world.runDueJobs()).filter(([, , text]) => !text.startsWith("📋"));
}

describe("visits (use cases on fakes)", () => {
  it("arranges a rota privately, tells each volunteer, and opens the first week with its reminders", async () => {
    const { world, sent, store } = await arranged();
    expect(lines(sent).map(([to, id]) => `${to}:${id}`)).toEqual(["user:张阿姨", "user:王秀英", "user:赵老师", "chat:dm:孙主任"]);
    expect(lines(sent).at(-1)![2]).toContain("第一次：11月27日 周五 15:00（张阿姨）");
    expect(store.rotas).toMatchObject([{ elderId: world.person("李奶奶").id, weekday: 5, minute: 900, active: true }]);
    expect(store.visits).toMatchObject([{ week: 0, volunteerId: world.person("张阿姨").id, state: "scheduled", dueAt: new Date("2026-11-27T15:00:00+08:00") }]);
    expect(world.state.jobs.map((job) => [job.kind, job.dueAt.toISOString()])).toEqual([
      ["visit.remind", "2026-11-26T07:00:00.000Z"],
      ["visit.remind", "2026-11-27T05:00:00.000Z"],
      ["visit.ask", "2026-11-27T08:00:00.000Z"],
      ["visit.missed", "2026-11-28T07:00:00.000Z"],
      ["visit.week", "2026-11-27T08:00:00.000Z"],
    ]);
    // A new rota for the same elder replaces the old one.
    await world.say(world.message("/visit 李奶奶 王秀英 friday 10am", "孙主任"));
    expect(store.rotas.map((rota) => rota.active)).toEqual([false, true]);
  });

  it("rotates the turn weekly and swaps down the list until nobody is left, then tells the coordinators", async () => {
    const { world, store } = await arranged();
    world.clock.set(new Date("2026-11-26T15:00:00+08:00"));
    const reminded = await world.runDueJobs();
    expect(lines(reminded)).toEqual([["user", "张阿姨", "明天15:00去看望李奶奶，方便吗？"]]);
    expect(reminded[0]!.message).toMatchObject({ options: [{ label: "会去", reply: "/visitreply 1 go" }, { label: "这周去不了", reply: "/visitreply 1 no" }], subject: "探访李奶奶" });
    // 张阿姨 can't: 王秀英 is asked; 王秀英 can't: 赵老师; 赵老师 can't: nobody is left.
    expect(lines(await world.say(world.message("/visitreply 1 no", "张阿姨")))).toEqual([
      ["user", "王秀英", "张阿姨这周去不了，您方便11月27日 周五 15:00去看望李奶奶吗？"],
      // Typed in English ("no"): answered in English.
      ["chat", "dm:张阿姨", "All right, I've asked 王秀英 to visit 李奶奶 this week."],
    ]);
    expect(lines(await world.say(world.message("/探访记录 这周五去不了", "王秀英")))[0]![1]).toBe("赵老师");
    expect(lines(await world.say(world.message("/探访记录 3 这周去不了", "赵老师")))).toEqual([
      ["user", "孙主任", "李奶奶本周的探访（11月27日 周五 15:00）没有志愿者能去（张阿姨、王秀英、赵老师都去不了），请安排一下。"],
      ["chat", "dm:赵老师", "好的，其他志愿者这周也去不了，已告诉协调员。"],
    ]);
    expect(store.visits.map((visit) => visit.state)).toEqual(["swapped", "swapped", "swapped"]);
    // Nothing more that week: no reminder, no question, no missed notice.
    expect(await at(world, "2026-11-28T16:00")).toEqual([]);
    // The next week is 王秀英's turn (week 1), the one after 赵老师's.
    expect(store.visits.filter((visit) => visit.week === 1).map((visit) => visit.volunteerId)).toEqual([world.person("王秀英").id]);
    await at(world, "2026-12-04T16:00");
    expect(store.visits.filter((visit) => visit.week === 2).map((visit) => visit.volunteerId)).toEqual([world.person("赵老师").id]);
  });

  it("logs a visit as a pending category-B credit the elder confirms, and follows a worrying note up with her captain", async () => {
    const { world, store } = await arranged();
    world.clock.set(new Date("2026-11-27T16:30:00+08:00"));
    expect(lines(await world.say(world.message("/visitlog 去了一个半小时，她说头晕好几天了，没吃饭", "王秀英")))).toEqual([["chat", "dm:王秀英", "您现在没有要记录的探访。"]]);
    const sent = lines(await world.say(world.message("/探访记录 去了一个半小时，她说头晕好几天了，没吃饭", "张阿姨")));
    expect(sent.map(([to, id]) => `${to}:${id}`)).toEqual(["user:李奶奶", "user:周大姐", "chat:dm:张阿姨"]);
    expect(sent[1]![2]).toBe("探访跟进：张阿姨11月27日 周五 15:00看望了李奶奶，说：“她说头晕好几天了,没吃饭”。请抽空去看看或打个电话。");
    expect(sent[2]![2]).toBe("谢谢您！已记下探访李奶奶 1小时30分钟，等李奶奶确认后记入时间银行（B类）。");
    expect(world.state.credits).toMatchObject([{ helperId: world.person("张阿姨").id, beneficiaryId: world.person("李奶奶").id, minutes: 90, category: "B", source: "visit", sourceId: 1, state: "pending" }]);
    expect(store.visits[0]).toMatchObject({ state: "done", minutes: 90, note: "她说头晕好几天了,没吃饭" });
    // Logged twice: refused; the missed check finds nothing to do.
    expect(lines(await world.say(world.message("/visitreply 1 60", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "这次探访已经记录过了，谢谢！"]]);
    expect(await at(world, "2026-11-28T15:00")).toEqual([]);
  });

  it("asks a coordinator to confirm the credit of a visit to an elder the bot cannot reach (the time bank's settle flow)", async () => {
    const world = demoWorld();
    world.add(aResident().named("刘奶奶").inBuilding("3").room("103"));
    const elder = world.person("刘奶奶").id;
    world.state.identities = world.state.identities.filter((one) => one.personId !== elder);
    await world.say(world.message("/探访 刘奶奶 张阿姨 每周五 15:00", "孙主任"));
    world.clock.set(new Date("2026-11-27T16:00:00+08:00"));
    const sent = lines(await world.say(world.message("/探访记录 去了1小时，精神不错", "张阿姨")));
    expect(sent.map(([to, id]) => `${to}:${id}`)).toEqual(["user:孙主任", "chat:dm:张阿姨"]);
    expect(sent[1]![2]).toBe("谢谢您！已记下探访刘奶奶 1小时，等协调员确认后记入时间银行（B类）。");
    expect(world.state.credits).toMatchObject([{ beneficiaryId: elder, category: "B", state: "pending" }]);
  });

  it("reads 'can't go' in words as a swap only for the visit's own day", async () => {
    const { world, store } = await arranged();
    await world.say(world.message("周六去不了", "张阿姨"));
    expect(store.visits.map((visit) => visit.state)).toEqual(["scheduled"]);
    const sent = lines(await world.say(world.message("这周五去不了", "张阿姨")));
    expect(sent.at(-1)).toEqual(["chat", "dm:张阿姨", "好的，已请王秀英这周去看望李奶奶。"]);
    expect(store.visits.map((visit) => visit.state)).toEqual(["swapped", "scheduled"]);
  });

  it("marks a visit nobody logged missed the next day and tells the coordinators; 'didn't go' does so at once", async () => {
    const { world, store } = await arranged();
    await at(world, "2026-11-27T16:00");
    expect(await at(world, "2026-11-28T15:00")).toEqual([["user", "孙主任", "李奶奶 11月27日 周五 15:00 的探访没有记录（当周志愿者：张阿姨），请了解一下老人的情况。"]]);
    expect(store.visits[0]!.state).toBe("missed");
    world.clock.set(new Date("2026-12-04T16:00:00+08:00"));
    await world.runDueJobs();
    // The option's reply ("/visitreply 2 none") is answered in the language of the words typed: English here.
    expect(lines(await world.say(world.message("/visitreply 2 none", "王秀英")))).toEqual([
      ["user", "孙主任", "李奶奶 12月4日 周五 15:00 的探访没有记录（当周志愿者：王秀英），请了解一下老人的情况。"],
      ["chat", "dm:王秀英", "All right, noted that the visit didn't happen. I'll let the coordinators know about 李奶奶."],
    ]);
    expect(store.visits[1]!.state).toBe("missed");
    expect(lines(await world.say(world.message("/visitreply 2 60", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "这次探访不是安排给您的。"]]);
  });

  it("keeps a group to 'handled privately', and tells an English volunteer in English", async () => {
    const { world } = await arranged();
    world.clock.set(new Date("2026-11-27T16:00:00+08:00"));
    const sent = lines(await world.say(world.message("/探访记录 去了1小时，精神不错", "张阿姨", GROUP)));
    expect(sent.filter(([to]) => to === "chat")).toEqual([["chat", GROUP, "探访的事已私下处理，详情请看私信。"]]);
    expect(sent.find(([to, id]) => to === "user" && id === "张阿姨")![2]).toBe("谢谢您！已记下探访李奶奶 1小时，等李奶奶确认后记入时间银行（B类）。");
    const refused = lines(await world.say(world.message("/visit 李奶奶 张阿姨 每周三 15:00", "王秀英", GROUP)));
    expect(refused).toHaveLength(1);
    const english = lines(await world.say(world.message("/visit 李奶奶 Emma every wednesday 3pm", "孙主任", "GardenClub")));
    expect(english.filter(([to]) => to === "chat")).toEqual([["chat", "GardenClub", "探访的事已私下处理，详情请看私信。"]]);
    expect(english.find(([, id]) => id === "Emma")![2]).toBe("孙主任 added you to the visits to 李奶奶: every Wednesday at 15:00, taking turns (Emma). I'll remind you privately when it's your turn. Thank you!");
  });
});
