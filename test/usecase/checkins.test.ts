/**
 * Daily check-ins on the fakes (no database): enrolment by the resident, by a coordinator with contacts and by a
 * relative; the daily question and the ladder as jobs; 联系不上 moving on at once, 我去看 stopping it, a late answer
 * telling everyone asked; a pause; and nothing of it in a group. Mirrors test/integration/checkins.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines } from "../support/fakes/world.ts";

const GROUP = "3栋邻里群";
const LOOK_IN = "李奶奶今天还没报平安，方便去看看或打个电话吗？";

/** The demo world at Wednesday 2026-11-25 10:00 (Asia/Shanghai), 李奶奶 enrolled by the coordinator. */
async function enrolled() {
  const world = demoWorld({ start: new Date("2026-11-25T10:00:00+08:00") });
  const sent = await world.say(world.message("/报平安 开启 李奶奶 联系人 张阿姨 王秀英", "孙主任"));
  return { world, sent, grandma: world.person("李奶奶").id };
}

/** Move the clock to a local time on a date and run what is due. */
async function at(world: ReturnType<typeof demoWorld>, local: string) {
  world.clock.set(new Date(`${local.replace(" ", "T")}:00+08:00`));
  return lines(await world.runDueJobs());
}

describe("daily check-ins (use cases on fakes)", () => {
  it("enrols with contacts in order, tells her privately, and schedules tomorrow's question", async () => {
    const { world, sent, grandma } = await enrolled();
    expect(lines(sent)).toEqual([
      ["chat", "dm:孙主任", "已为 李奶奶 开启每日报平安（每天 09:00 私信问候）。没报平安时依次请：张阿姨、王秀英、网格长 去看看。"],
      ["user", "李奶奶", "孙主任 为您开通了每日报平安：每天 09:00 我会私信问候您，回复 1 就算报平安。不需要的话回复 /报平安 关闭。"],
    ]);
    expect(world.state.checkins).toMatchObject([{ personId: grandma, active: true, askMinute: 540, graceMinutes: 120, enrolledById: world.person("孙主任").id }]);
    expect(world.state.checkinContacts.map((one) => [one.personId, one.position])).toEqual([
      [world.person("张阿姨").id, 0],
      [world.person("王秀英").id, 1],
    ]);
    expect(world.state.jobs).toMatchObject([{ kind: "checkin.ask", dedupeKey: `checkin.ask:${grandma}:2026-11-26@540`, dueAt: new Date("2026-11-26T09:00:00+08:00") }]);
  });

  it("keeps at most two named contacts; the captain always comes after them", async () => {
    const world = demoWorld({ start: new Date("2026-11-25T10:00:00+08:00") });
    const sent = await world.say(world.message("/报平安 开启 李奶奶 联系人 张阿姨 王秀英 赵老师", "孙主任"));
    expect(lines(sent)[0]![2]).toBe("已为 李奶奶 开启每日报平安（每天 09:00 私信问候）。没报平安时依次请：张阿姨、王秀英、网格长 去看看。\n联系人最多 2 位（网格长总在最后），只记了前 2 位。");
    expect(lines(await world.say(world.message("/报平安 开启 李奶奶 联系人 没这个人", "孙主任")))).toEqual([["chat", "dm:孙主任", "没找到“没这个人”，请写社区里登记的名字。"]]);
  });

  it("asks privately, then the ladder: 联系不上 asks the next at once, 我去看 stops it, 她没事 tells everyone asked", async () => {
    const { world, grandma } = await enrolled();
    const question = await world.runDueJobs().then(() => at(world, "2026-11-26 09:00"));
    expect(question).toEqual([["user", "李奶奶", "李奶奶早上好，今天还好吗？回复 1 平安"]]);
    expect(world.state.outbox.at(-1)!.message).toMatchObject({ options: [{ label: "平安", reply: "/checkin ok" }] });
    expect(await at(world, "2026-11-26 11:00")).toEqual([["user", "张阿姨", LOOK_IN]]);
    expect(lines(await world.say(world.message(`/checkin unreachable ${grandma}`, "张阿姨")))).toEqual([
      ["chat", "dm:张阿姨", "Noted, I'll ask the next person."],
      ["user", "王秀英", LOOK_IN],
    ]);
    // The step scheduled for 张阿姨's hour is skipped: 王秀英 was asked already; the captain is next an hour after her.
    expect(await at(world, "2026-11-26 11:59")).toEqual([]);
    expect(lines(await world.say(world.message(`/checkin going ${grandma}`, "王秀英")))).toEqual([
      ["chat", "dm:王秀英", "Thank you! Once you've seen 李奶奶, tell me:"],
      ["user", "张阿姨", "王秀英 去看 李奶奶 了，谢谢您。"],
    ]);
    expect(await at(world, "2026-11-26 16:00")).toEqual([]);
    expect(lines(await world.say(world.message(`/checkin well ${grandma}`, "王秀英")))).toEqual([
      ["user", "张阿姨", "李奶奶 平安（王秀英 看过了），不用再担心了，谢谢您。"],
      ["chat", "dm:王秀英", "Thank you, I've noted 李奶奶 is fine today."],
    ]);
    expect(world.state.checkinDays).toMatchObject([{ date: "2026-11-26", state: "answered", late: true, answeredById: world.person("王秀英").id }]);
  });

  it("refuses a stranger's option and a stranger's check-in for her", async () => {
    const { world, grandma } = await enrolled();
    // An option's reply typed out is answered in the language it is typed in.
    expect(lines(await world.say(world.message(`/checkin going ${grandma}`, "赵老师")))).toEqual([["chat", "dm:赵老师", "Only the person, their contacts or a coordinator can do that."]]);
    expect(lines(await world.say(world.message("/报平安 李奶奶 平安", "赵老师")))).toEqual([["chat", "dm:赵老师", "只有本人、TA 的联系人或协调员可以这样做。"]]);
    expect(world.state.checkinDays).toEqual([]);
  });

  it("pauses: no question, no escalation, then the question again", async () => {
    const { world } = await enrolled();
    expect(lines(await world.say(world.message("/报平安 暂停 2天", "李奶奶")))).toEqual([["chat", "dm:李奶奶", "好的，11-27 之前不问候也不找人，11-27 起自动恢复。路上平安！"]]);
    expect(await at(world, "2026-11-26 09:00")).toEqual([]);
    expect(await at(world, "2026-11-26 13:00")).toEqual([]);
    expect(await at(world, "2026-11-27 09:00")).toEqual([["user", "李奶奶", "李奶奶早上好，今天还好吗？回复 1 平安"]]);
    expect(world.state.checkinDays.map((day) => [day.date, day.state])).toEqual([
      ["2026-11-25", "paused"],
      ["2026-11-26", "paused"],
      ["2026-11-27", "asked"],
    ]);
    // Resume early, and a pause with no length gets the usage.
    expect(lines(await world.say(world.message("/报平安 暂停", "李奶奶")))).toEqual([["chat", "dm:李奶奶", "请写暂停多久，例如：/报平安 暂停 7天，或 /报平安 暂停 到12-10"]]);
    expect(lines(await world.say(world.message("/报平安 恢复", "李奶奶")))).toEqual([["chat", "dm:李奶奶", "已恢复每日报平安。"]]);
  });

  it("a relative enrolling someone becomes the first contact; from a group only 已私信发给您; stopping ends the questions", async () => {
    const world = demoWorld({ start: new Date("2026-11-25T10:00:00+08:00") });
    const sent = await world.say(world.message("/报平安 开启 李奶奶", "王秀英", GROUP));
    expect(lines(sent)).toEqual([
      ["user", "王秀英", "已为 李奶奶 开启每日报平安（每天 09:00 私信问候）。没报平安时依次请：王秀英、网格长 去看看。"],
      ["chat", GROUP, "已私信发给您。"],
      ["user", "李奶奶", "王秀英 为您开通了每日报平安：每天 09:00 我会私信问候您，回复 1 就算报平安。不需要的话回复 /报平安 关闭。"],
    ]);
    expect(lines(await world.say(world.message("/报平安 关闭", "李奶奶")))).toEqual([["chat", "dm:李奶奶", "已关闭每日报平安。想再开启请发 /报平安 开启。"]]);
    expect(await at(world, "2026-11-26 09:00")).toEqual([]);
    expect(await at(world, "2026-11-26 15:00")).toEqual([]);
  });

  it("/mydata lists one's enrolment and contacts, and whose contact one is; /forgetme removes them", async () => {
    const { world, grandma } = await enrolled();
    await world.runDueJobs().then(() => at(world, "2026-11-26 09:00"));
    const mine = lines(await world.say(world.message("/我的数据", "李奶奶")))[0]![2];
    expect(mine).toContain("每日报平安截止：11:00");
    expect(mine).toContain("报平安联系人（按顺序）：张阿姨、王秀英");
    expect(lines(await world.say(world.message("/我的数据", "张阿姨")))[0]![2]).toContain("您是这些人的报平安联系人：李奶奶");
    // 张阿姨 forgets herself: she is off 李奶奶's list, the rest stays.
    const asked = await world.say(world.message("/删除我的数据", "张阿姨"));
    await world.say(world.message(asked[0]!.message.options![0]!.reply, "张阿姨"));
    expect(world.state.checkinContacts.map((one) => one.personId)).toEqual([world.person("王秀英").id]);
    // 李奶奶 forgets herself: enrolment, contacts and days are gone.
    const hers = await world.say(world.message("/删除我的数据", "李奶奶"));
    await world.say(world.message(hers[0]!.message.options![0]!.reply, "李奶奶"));
    expect([world.state.checkins, world.state.checkinContacts, world.state.checkinDays.filter((day) => day.personId === grandma)]).toEqual([[], [], []]);
  });
});
