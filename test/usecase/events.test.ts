/**
 * Events on the fakes (no database): an admin posts an event, residents sign up until it is full and then wait in
 * order, leaving promotes the first waiting, reminders go out on the clock, a cancelled event tells its people and
 * reminds nobody, and a weekly duty rolls on and rotates its holders. Mirrors test/integration/events.test.ts.
 */
import { describe, expect, it } from "vitest";
import { aGroupChat, aResident } from "../support/builders.ts";
import { FakeWorld, lines } from "../support/fakes/world.ts";

const GARDEN = "花园群";

/** A garden group with its organiser (a group admin) and some neighbours. */
function garden(...names: string[]): FakeWorld {
  const world = new FakeWorld();
  world.add(aGroupChat(GARDEN).forInterest("社区花园"));
  world.add(aResident().named("组织者").inChats(GARDEN).asAdmin());
  for (const name of names) world.add(aResident().named(name).inChats(GARDEN));
  return world;
}
const admin = (world: FakeWorld, text: string) => world.message(text, "组织者", GARDEN).byAdmin();

describe("events (use cases on fakes)", () => {
  it("signs up until full, waitlists in order, and promotes the first waiting when someone leaves", async () => {
    const world = garden("张阿姨", "王师傅", "李奶奶", "赵老师");
    await world.say(admin(world, "/活动 周六 9:00 包饺子 限2人 截止周五20:00"));
    expect(world.state.events).toMatchObject([{ id: 1, title: "包饺子", capacity: 2, state: "open" }]);
    // Each person hears privately; the group hears nothing per sign-up...
    expect(lines(await world.say(world.message("周六的活动算我一个", "王师傅", GARDEN)))).toEqual([["user", "王师傅", "报名成功：包饺子。已报 1/2 人。"]]);
    expect(lines(await world.say(world.message("/报名 1 2", "李奶奶", GARDEN)))).toEqual([["user", "李奶奶", "包饺子名额已满，您在候补第 1 位，有空位会通知您。"]]);
    expect(lines(await world.say(world.message("/join 1", "王师傅", GARDEN)))).toEqual([["user", "王师傅", "您已经报名包饺子了，谢谢！"]]);
    // ...but one summary of what changed when the window (3 minutes) closes.
    world.clock.set(new Date("2026-11-25T10:03:00+08:00"));
    expect(lines(await world.runDueJobs())).toEqual([["chat", GARDEN, "包饺子：新报名 1 人（王师傅），候补 2 人（李奶奶+1）；共 1/2 人。"]]);
    expect(lines(await world.say(world.message("/名单 1", "张阿姨", GARDEN)))).toEqual([["chat", GARDEN, "这个命令需要群管理员或协调员来发。"]]);
    expect(lines(await world.say(admin(world, "/名单 1")))).toEqual([["chat", GARDEN, "包饺子名单（1）：王师傅\n候补：李奶奶+1"]]);
    const left = await world.say(world.message("/leave 1", "王师傅", GARDEN));
    expect(left.map((row) => row.target.kind === "user" ? row.target.userId : row.target.chatId)).toContain("李奶奶");
    expect(world.state.signUps.map((one) => [world.state.people.find((p) => p.id === one.personId)!.displayName, one.state])).toEqual([
      ["王师傅", "cancelled"],
      ["李奶奶", "confirmed"],
    ]);
    world.clock.set(new Date("2026-11-27T20:30:00+08:00"));
    expect(lines(await world.say(world.message("/join 1", "赵老师", GARDEN)))).toEqual([["chat", GARDEN, "包饺子报名已截止，谢谢关注！"]]);
  });

  it("asks which event when two are open and takes the one named by date", async () => {
    const world = garden("张阿姨", "王师傅");
    await world.sayAll(admin(world, "/活动 周六 9:00 包饺子 限2人"), admin(world, "/event Sun 3pm Tea party"));
    const asked = await world.say(world.message("+1", "张阿姨", GARDEN));
    expect(lines(asked)).toEqual([["chat", GARDEN, "您想报名哪个活动？"]]);
    expect(asked[0]!.message.options?.map((option) => option.label)).toEqual(["11月28日（周六） 09:00 包饺子", "11月29日（周日） 15:00 Tea party"]);
    expect(lines(await world.say(world.message(asked[0]!.message.options![1]!.reply, "张阿姨", GARDEN)))).toEqual([["user", "张阿姨", "报名成功：Tea party。已报 1 人。"]]);
    expect(lines(await world.say(world.message("周六的活动算我一个", "王师傅", GARDEN)))).toEqual([["user", "王师傅", "报名成功：包饺子。已报 1/2 人。"]]);
    world.clock.set(new Date("2026-11-25T10:03:00+08:00"));
    expect(lines(await world.runDueJobs())).toEqual([
      ["chat", GARDEN, "Tea party：新报名 1 人（张阿姨）；共 1 人。"],
      ["chat", GARDEN, "包饺子：新报名 1 人（王师傅）；共 1/2 人。"],
    ]);
  });

  it("sends the reminders set in the command on the clock, and none for a cancelled event (whose people are told)", async () => {
    const world = garden("张阿姨", "王师傅");
    await world.say(admin(world, "/活动 周六 9:00 包饺子 提醒 3小时 30分钟"));
    await world.say(admin(world, "/活动 周日 9:00 太极拳"));
    await world.sayAll(world.message("/join 1", "张阿姨", GARDEN), world.message("/join 2", "王师傅", GARDEN));
    expect(world.state.jobs.filter((job) => job.kind === "event.remind").map((job) => job.payload)).toEqual([
      { eventId: 1, offset: 180 },
      { eventId: 1, offset: 30 },
      { eventId: 2, offset: 1440 },
      { eventId: 2, offset: 120 },
    ]);
    expect(lines(await world.say(admin(world, "/取消活动 2")))).toEqual([
      ["user", "王师傅", "抱歉，太极拳（11月29日（周日） 09:00）取消了。"],
      ["chat", GARDEN, "已取消活动：太极拳，已私信告诉报名的人。"],
    ]);
    const reminders = [];
    for (const at of ["2026-11-28T06:00:00+08:00", "2026-11-28T08:30:00+08:00", "2026-11-29T08:00:00+08:00"]) {
      world.clock.set(new Date(at));
      reminders.push(...(await world.runDueJobs()));
    }
    expect(lines(reminders).map(([, id, text]) => [id, text])).toEqual([
      [GARDEN, "包饺子：新报名 1 人（张阿姨）；共 1 人。"], // the sign-up summary (the cancelled event's is not sent)
      ["张阿姨", "提醒：3小时后有包饺子（11月28日（周六） 09:00），别忘了哦！"],
      ["张阿姨", "提醒：30分钟后有包饺子（11月28日（周六） 09:00），别忘了哦！"],
    ]);
  });

  it("rolls a weekly duty on to next week and rotates its holders through everyone who signed up", async () => {
    const world = garden("甲", "乙", "丙", "丁");
    await world.say(admin(world, "/活动 每周六 8:00-9:00 花园浇水 值班 限2人"));
    for (const name of ["甲", "乙", "丙", "丁"]) await world.say(world.message("报名", name, GARDEN));
    expect(world.state.signUps.map((one) => one.state)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    world.clock.set(new Date("2026-11-28T08:00:00+08:00"));
    const rolled = await world.runDueJobs();
    const second = world.state.events.find((one) => one.id === 2)!;
    expect(second).toMatchObject({ seriesId: 1, title: "花园浇水", kind: "duty", recurrence: "weekly", capacity: 2 });
    expect(second.startsAt.toISOString()).toBe("2026-12-05T00:00:00.000Z");
    const holders = (eventId: number) => world.state.signUps.filter((one) => one.eventId === eventId).map((one) => world.state.people.find((p) => p.id === one.personId)!.displayName);
    expect(holders(2)).toEqual(["丙", "丁"]);
    expect(lines(rolled)).toContainEqual(["user", "丙", "本周轮到您：花园浇水，12月5日（周六） 08:00-09:00。不方便请回复 /取消报名 2，我会请下一位。"]);
    world.clock.set(new Date("2026-12-05T08:00:00+08:00"));
    await world.runDueJobs();
    expect(holders(3)).toEqual(["甲", "乙"]);
  });
});
