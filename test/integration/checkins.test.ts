/**
 * Daily check-ins as conversations on a real database, the demo community and the virtual clock (community time
 * Asia/Shanghai; the demo starts Wednesday 2026-11-25 10:00): a missed check-in climbs the ladder (buddy, relative,
 * grid captain) until someone answers "1 我去看"; a pause means no question and no escalation until it ends; any
 * message that day counts; a late answer tells everyone already asked. Nothing of it reaches a group.
 */
import { describe, expect, it } from "vitest";
import type { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();
const GROUP = "3栋邻里群";

const group = (person: string, text: string) => message(GROUP, person, text);
const dm = (person: string, text: string) => message(null, person, text);

type App = Awaited<ReturnType<typeof demoApp>>["app"];

/** Move the clock to a local time (Asia/Shanghai, "2026-11-26 09:00") and run what is due; what went out. */
async function at(app: App, adapter: FakeAdapter, local: string) {
  const before = adapter.sent.length;
  app.clock.set(new Date(`${local.replace(" ", "T")}:00+08:00`));
  await app.tick();
  return adapter.sent.slice(before).map((sent) => [sent.to, sent.id, sent.message.text]);
}

/** Run every day from `from` to `to` (local dates) hour by hour; what went out. */
async function hours(app: App, adapter: FakeAdapter, from: string, to: string) {
  const before = adapter.sent.length;
  for (let t = Date.parse(`${from}T00:00:00+08:00`); t <= Date.parse(`${to}T23:00:00+08:00`); t += 3600_000) {
    app.clock.set(new Date(t));
    await app.tick();
  }
  return adapter.sent.slice(before).map((sent) => [sent.to, sent.id, sent.message.text]);
}

async function days(app: App, name: string) {
  const person = await app.prisma.person.findFirstOrThrow({ where: { displayName: name } });
  return app.prisma.checkinDay.findMany({ where: { personId: person.id }, orderBy: { date: "asc" } });
}

const QUESTION = "李奶奶早上好，今天还好吗？回复 1 平安\n请回复数字：1 平安";
const LOOK_IN = "李奶奶今天还没报平安，方便去看看或打个电话吗？\n请回复数字：1 我去看 / 2 联系不上";

/** A coordinator enrols 李奶奶 with her buddy 张阿姨 and her daughter 王秀英; she is told privately. */
async function enrolGrandma(app: App, adapter: FakeAdapter) {
  return say(app, adapter, dm("孙主任", "/报平安 开启 李奶奶 联系人 张阿姨 王秀英"));
}

describe("daily check-ins: conversations on the clock", () => {
  it("escalates a missed check-in to the buddy, then the relative, then the captain, and stops at 我去看", async () => {
    const { app, adapter } = await demoApp(db.url);
    expect(await enrolGrandma(app, adapter)).toEqual([
      ["chat", "dm:孙主任", "已为 李奶奶 开启每日报平安（每天 09:00 私信问候）。没报平安时依次请：张阿姨、王秀英、网格长 去看看。"],
      ["user", "李奶奶", "孙主任 为您开通了每日报平安：每天 09:00 我会私信问候您，回复 1 就算报平安。不需要的话回复 /报平安 关闭。"],
    ]);
    expect(await at(app, adapter, "2026-11-26 09:00")).toEqual([["user", "李奶奶", QUESTION]]);
    expect(await at(app, adapter, "2026-11-26 10:59")).toEqual([]);
    expect(await at(app, adapter, "2026-11-26 11:00")).toEqual([["user", "张阿姨", LOOK_IN]]);
    expect(await at(app, adapter, "2026-11-26 12:00")).toEqual([["user", "王秀英", LOOK_IN]]);
    expect(await at(app, adapter, "2026-11-26 13:00")).toEqual([["user", "周大姐", LOOK_IN]]);
    // The captain answers "1 我去看": the chain stops there, and those asked before hear who is going.
    expect(await say(app, adapter, dm("周大姐", "1"))).toEqual([
      ["chat", "dm:周大姐", "谢谢您！看过 李奶奶 后请告诉我：\n请回复数字：1 她没事 / 2 需要帮助"],
      ["user", "张阿姨", "周大姐 去看 李奶奶 了，谢谢您。"],
      ["user", "王秀英", "周大姐 去看 李奶奶 了，谢谢您。"],
    ]);
    // Nobody else is asked (the coordinator would have been next).
    expect(await at(app, adapter, "2026-11-26 14:00")).toEqual([]);
    expect(await at(app, adapter, "2026-11-26 18:00")).toEqual([]);
    // She is fine: everyone asked hears it at once.
    expect(await say(app, adapter, dm("周大姐", "1"))).toEqual([
      ["user", "张阿姨", "李奶奶 平安（周大姐 看过了），不用再担心了，谢谢您。"],
      ["user", "王秀英", "李奶奶 平安（周大姐 看过了），不用再担心了，谢谢您。"],
      ["chat", "dm:周大姐", "谢谢您，已记下 李奶奶 今天平安。"],
    ]);
    const [captain, buddy, daughter] = await Promise.all(["周大姐", "张阿姨", "王秀英"].map((name) => app.prisma.person.findFirstOrThrow({ where: { displayName: name } })));
    expect(await days(app, "李奶奶")).toMatchObject([
      { date: "2026-11-26", state: "answered", late: true, answeredById: captain!.id, goingById: captain!.id, escalatedTo: JSON.stringify([buddy!.id, daughter!.id, captain!.id]) },
    ]);
    // Nothing of it reached a group.
    expect(adapter.sent.filter((sent) => sent.to === "chat" && !sent.id.startsWith("dm:"))).toEqual([]);
    await app.close();
  });

  it("asks the next contact at once on 联系不上, and a relative's 需要帮助 reaches the captain and coordinator privately and raises an urgent request for her", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    await at(app, adapter, "2026-11-26 09:00");
    expect(await at(app, adapter, "2026-11-26 11:00")).toEqual([["user", "张阿姨", LOOK_IN]]);
    expect(await say(app, adapter, dm("张阿姨", "2"))).toEqual([
      ["user", "王秀英", LOOK_IN],
      ["chat", "dm:张阿姨", "知道了，我去问下一位。"],
    ]);
    expect(await say(app, adapter, dm("王秀英", "1"))).toEqual([
      ["chat", "dm:王秀英", "谢谢您！看过 李奶奶 后请告诉我：\n请回复数字：1 她没事 / 2 需要帮助"],
      ["user", "张阿姨", "王秀英 去看 李奶奶 了，谢谢您。"],
    ]);
    // Her address goes privately to the grid captain and the coordinator only.
    expect(await say(app, adapter, dm("王秀英", "2"))).toEqual([
      ["user", "周大姐", "王秀英 看过 李奶奶（3栋 101），说她需要帮助，请尽快私下联系安排。"],
      ["user", "孙主任", "王秀英 看过 李奶奶（3栋 101），说她需要帮助，请尽快私下联系安排。"],
      ["chat", "dm:王秀英", "收到求助 #1，我正在私信联系附近的志愿者，有人接单会告诉您。不需要了请回复“不用了”。"],
      ...["张阿姨", "王师傅", "赵老师"].map((name) => ["user", name, "【急】求助 #1：李奶奶（3栋）需要帮忙——李奶奶需要帮助（看望时发现）\n请回复数字：1 接单 / 2 不方便"]),
      ["chat", "dm:王秀英", "已私下告诉网格长和协调员，他们会尽快跟进。谢谢您！"],
    ]);
    // The request is hers: her home, urgent, in the care category.
    const request = await app.prisma.helpRequest.findFirstOrThrow({ include: { requester: true } });
    expect(request).toMatchObject({ urgent: true, category: "care", requester: { displayName: "李奶奶" } });
    // Later only the request's next wave goes out: nobody else is asked to look in on her.
    const ping = "【急】求助 #1：李奶奶（3栋）需要帮忙——李奶奶需要帮助（看望时发现）\n请回复数字：1 接单 / 2 不方便";
    expect(await at(app, adapter, "2026-11-26 15:00")).toEqual(["周大姐", "刘医生", "陈司机"].map((name) => ["user", name, ping]));
    await app.close();
  });

  it("asks nothing and escalates nothing while paused, and starts again by itself after", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    expect(await say(app, adapter, dm("李奶奶", "/报平安 暂停 7天"))).toEqual([["chat", "dm:李奶奶", "好的，12-02 之前不问候也不找人，12-02 起自动恢复。路上平安！"]]);
    // Six days on the clock, hour by hour: only the weekly digests go out, to the captain and the coordinator.
    const paused = await hours(app, adapter, "2026-11-26", "2026-12-01");
    expect(paused.map(([to, id]) => `${to}:${id}`)).toEqual(["user:孙主任", "user:周大姐"]);
    expect(paused.flatMap(([, , text]) => (String(text).includes("李奶奶今天") || String(text).includes("早上好") ? [text] : []))).toEqual([]);
    expect(await at(app, adapter, "2026-12-02 09:00")).toEqual([["user", "李奶奶", QUESTION]]);
    expect(await at(app, adapter, "2026-12-02 11:00")).toEqual([["user", "张阿姨", LOOK_IN]]);
    const history = await days(app, "李奶奶");
    expect(history.filter((day) => day.date >= "2026-11-26").map((day) => `${day.date} ${day.state}`)).toEqual([
      "2026-11-26 paused",
      "2026-11-27 paused",
      "2026-11-28 paused",
      "2026-11-29 paused",
      "2026-11-30 paused",
      "2026-12-01 paused",
      "2026-12-02 missed",
    ]);
    await app.close();
  });

  it("pauses on 我去女儿家住一周 and on /checkin pause until 12-10", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    // In a group: the group hears only that she was answered privately.
    expect(await say(app, adapter, group("李奶奶", "我去女儿家住一周"))).toEqual([
      ["user", "李奶奶", "好的，12-02 之前不问候也不找人，12-02 起自动恢复。路上平安！"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    expect(await say(app, adapter, dm("李奶奶", "/checkin pause until 12-10"))).toEqual([
      ["chat", "dm:李奶奶", "All right: no check-ins and nobody asked until 12-10; it starts again by itself on 12-10. Safe travels!"],
    ]);
    const away = await hours(app, adapter, "2026-11-26", "2026-12-09");
    expect(away.filter(([, , text]) => !String(text).startsWith("📋 本周简报"))).toEqual([]);
    expect(await at(app, adapter, "2026-12-10 09:00")).toEqual([["user", "李奶奶", QUESTION]]);
    await app.close();
  });

  it("counts any message that day, in any chat, as the check-in", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    expect(await at(app, adapter, "2026-11-26 09:00")).toEqual([["user", "李奶奶", QUESTION]]);
    // Chatter in the group after the question: silent, and it is her check-in.
    expect(await say(app, adapter, group("李奶奶", "今天天气真好"))).toEqual([]);
    expect(await at(app, adapter, "2026-11-26 11:00")).toEqual([]);
    // Before the question the next day: no question at all, no escalation.
    app.clock.set(new Date("2026-11-27T07:30:00+08:00"));
    expect(await say(app, adapter, group("李奶奶", "早上好！"))).toEqual([]);
    expect(await at(app, adapter, "2026-11-27 09:00")).toEqual([]);
    expect(await at(app, adapter, "2026-11-27 12:00")).toEqual([]);
    // A command of something else counts too.
    app.clock.set(new Date("2026-11-28T08:00:00+08:00"));
    expect((await say(app, adapter, dm("李奶奶", "/帮助"))).map(([to, id]) => `${to}:${id}`)).toEqual(["chat:dm:李奶奶"]);
    expect(await at(app, adapter, "2026-11-28 09:00")).toEqual([]);
    expect((await days(app, "李奶奶")).map((day) => [day.date, day.state, day.late])).toEqual([
      ["2026-11-26", "answered", false],
      ["2026-11-27", "answered", false],
      ["2026-11-28", "answered", false],
    ]);
    await app.close();
  });

  it("tells every contact already asked at once when she answers late", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    await at(app, adapter, "2026-11-26 09:00");
    await at(app, adapter, "2026-11-26 11:00");
    await at(app, adapter, "2026-11-26 12:00");
    expect(await say(app, adapter, dm("李奶奶", "1"))).toEqual([
      ["user", "张阿姨", "李奶奶 刚报了平安，不用再担心了，谢谢您。"],
      ["user", "王秀英", "李奶奶 刚报了平安，不用再担心了，谢谢您。"],
      ["chat", "dm:李奶奶", "收到，祝您今天顺顺利利！"],
    ]);
    // The captain is not asked.
    expect(await at(app, adapter, "2026-11-26 13:00")).toEqual([]);
    expect(await days(app, "李奶奶")).toMatchObject([{ date: "2026-11-26", state: "answered", late: true }]);
    await app.close();
  });

  it("shows missed days from the true history in the private digest, and flags a streak by name", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    // Two days with no answer from anyone: the ladder runs out at the coordinator.
    const missed = await hours(app, adapter, "2026-11-26", "2026-11-27");
    expect(missed.filter(([, , text]) => text === LOOK_IN).map(([, id]) => id)).toEqual(["张阿姨", "王秀英", "周大姐", "孙主任", "张阿姨", "王秀英", "周大姐", "孙主任"]);
    const [digest] = await say(app, adapter, dm("孙主任", "/digest"));
    expect(String(digest![2]).split("\n").slice(-2)).toEqual(["报平安未报（天次）：2（+2），涉及 1 人", "⚠️ 连续多天未报平安：李奶奶 2 天"]);
    // From a group: only privately.
    const fromGroup = await say(app, adapter, group("孙主任", "/digest"));
    expect(fromGroup.map(([to, id]) => `${to}:${id}`)).toEqual(["user:孙主任", `chat:${GROUP}`]);
    expect(fromGroup[1]![2]).toBe("已私信发给您。");
    await app.close();
  });

  it("enrols in words and by command, privately even from a group; a relative becomes the first contact; stops", async () => {
    const { app, adapter } = await demoApp(db.url);
    expect(await say(app, adapter, group("钱大爷", "我一个人住，每天报平安"))).toEqual([
      ["user", "钱大爷", "已开启每日报平安：每天 09:00 我会私信问候您，回复 1 就算报平安；当天在任何群里说句话也算。到 11:00 还没消息，我会请网格长去看看。"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    expect(await say(app, adapter, group("王秀英", "/报平安 开启 李奶奶"))).toEqual([
      ["user", "王秀英", "已为 李奶奶 开启每日报平安（每天 09:00 私信问候）。没报平安时依次请：王秀英、网格长 去看看。"],
      ["chat", GROUP, "已私信发给您。"],
      ["user", "李奶奶", "王秀英 为您开通了每日报平安：每天 09:00 我会私信问候您，回复 1 就算报平安。不需要的话回复 /报平安 关闭。"],
    ]);
    expect(await say(app, adapter, dm("王秀英", "帮我妈开通报平安"))).toEqual([
      ["chat", "dm:王秀英", "想帮家人开通每日报平安，请发：/报平安 开启 家人的名字（您会是 TA 的第一位联系人），例如 /报平安 开启 李奶奶"],
    ]);
    expect(await say(app, adapter, dm("Emma", "/checkin on"))).toEqual([
      ["chat", "dm:Emma", "Daily check-in is on: every day at 09:00 I'll message you privately; reply 1 to check in, or just say anything in any chat that day. If I hear nothing by 11:00, I'll ask your grid captain to look in."],
    ]);
    expect(await say(app, adapter, dm("Emma", "I'm fine"))).toEqual([["chat", "dm:Emma", "Thank you, have a good day!"]]);
    expect(await say(app, adapter, dm("王秀英", "/报平安 李奶奶 平安"))).toEqual([["chat", "dm:王秀英", "谢谢您，已记下 李奶奶 今天平安。"]]);
    expect(await say(app, adapter, dm("赵老师", "/报平安 李奶奶 平安"))).toEqual([["chat", "dm:赵老师", "只有本人、TA 的联系人或协调员可以这样做。"]]);
    expect(await say(app, adapter, dm("李奶奶", "/报平安 关闭"))).toEqual([["chat", "dm:李奶奶", "已关闭每日报平安。想再开启请发 /报平安 开启。"]]);
    expect(await app.prisma.checkinEnrolment.findMany({ orderBy: { id: "asc" }, select: { active: true, person: { select: { displayName: true } } } })).toEqual([
      { active: true, person: { displayName: "钱大爷" } },
      { active: false, person: { displayName: "李奶奶" } },
      { active: true, person: { displayName: "Emma" } },
    ]);
    await app.close();
  });

  it("lists enrolment and contacts in /mydata and removes them with /forgetme", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    await at(app, adapter, "2026-11-26 09:00");
    await at(app, adapter, "2026-11-26 11:00");
    // Her /mydata is a command of hers that day: it is her (late) check-in too, and 张阿姨, asked at 11:00, hears it.
    const [told, mine] = await say(app, adapter, dm("李奶奶", "/我的数据"));
    expect(told).toEqual(["user", "张阿姨", "李奶奶 刚报了平安，不用再担心了，谢谢您。"]);
    expect(String(mine![2])).toContain("报平安联系人（按顺序）：张阿姨、王秀英");
    const [theirs] = await say(app, adapter, dm("张阿姨", "/我的数据"));
    expect(String(theirs![2])).toContain("您是这些人的报平安联系人：李奶奶");
    // 张阿姨 forgets herself: off the list; then 李奶奶: enrolment, contacts and days gone.
    // Their open questions answered first, so that "1" below confirms the deletion.
    await say(app, adapter, dm("张阿姨", "2"), dm("李奶奶", "1"));
    await say(app, adapter, dm("张阿姨", "/删除我的数据"));
    await say(app, adapter, dm("张阿姨", "1"));
    expect((await app.prisma.checkinContact.findMany({ include: { person: true } })).map((one) => one.person.displayName)).toEqual(["王秀英"]);
    await say(app, adapter, dm("李奶奶", "/删除我的数据"));
    await say(app, adapter, dm("李奶奶", "1"));
    expect([await app.prisma.checkinEnrolment.count(), await app.prisma.checkinContact.count(), await app.prisma.checkinDay.count()]).toEqual([0, 0, 0]);
    await app.close();
  });
});

describe("check-ins of an elder in guardian mode", () => {
  it("asks the guardian each day whether they have seen her, and their '1' is her check-in", async () => {
    const { app, adapter } = await demoApp(db.url);
    await say(app, adapter, dm("孙主任", "/代管 赵奶奶 9栋806"));
    await say(app, adapter, dm("孙主任", "/报平安 开启 赵奶奶"));
    expect(await at(app, adapter, "2026-11-26 09:00")).toEqual([["user", "孙主任", "今天看过赵奶奶了吗？\n请回复数字：1 看过了，挺好"]]);
    await say(app, adapter, dm("孙主任", "1"));
    expect((await days(app, "赵奶奶")).map((day) => day.state)).toEqual(["answered"]);
    // Answered: nobody is asked to look in at the deadline.
    expect(await at(app, adapter, "2026-11-26 12:00")).toEqual([]);
    for (const sent of adapter.sent) if (sent.to === "chat") expect(sent.id.startsWith("dm:")).toBe(true);
    await app.close();
  });

  it("takes a contact's own words, '刚去看过了，她挺好', as her check-in; a stranger's or a question are not", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    await at(app, adapter, "2026-11-26 09:00");
    await at(app, adapter, "2026-11-26 11:00");
    // Not hers to answer, and a question: nothing is recorded, the ladder goes on.
    const notUnderstood = (who: string) => [["chat", `dm:${who}`, "我没太明白。您是想求助、报名活动，还是别的事？可以说得具体些，或发 /帮助 看看我能做什么。"]];
    expect(await say(app, adapter, dm("赵老师", "刚看过了，她挺好"))).toEqual(notUnderstood("赵老师"));
    expect(await say(app, adapter, dm("张阿姨", "你看过她了吗？还好吗"))).toEqual(notUnderstood("张阿姨"));
    expect((await days(app, "李奶奶")).map((day) => day.state)).toEqual(["missed"]);
    expect(await at(app, adapter, "2026-11-26 12:00")).toEqual([["user", "王秀英", LOOK_IN]]);
    expect(await at(app, adapter, "2026-11-26 13:00")).toEqual([["user", "周大姐", LOOK_IN]]);
    // The captain, asked third, in her own words: everyone asked before her is told, and the ladder stops.
    expect(await say(app, adapter, dm("周大姐", "刚去看过了，她挺好的"))).toEqual([
      ["user", "张阿姨", "李奶奶 平安（周大姐 看过了），不用再担心了，谢谢您。"],
      ["user", "王秀英", "李奶奶 平安（周大姐 看过了），不用再担心了，谢谢您。"],
      ["chat", "dm:周大姐", "谢谢您，已记下 李奶奶 今天平安。"],
    ]);
    expect(await at(app, adapter, "2026-11-26 15:00")).toEqual([]);
    const captain = await app.prisma.person.findFirstOrThrow({ where: { displayName: "周大姐" } });
    expect(await days(app, "李奶奶")).toMatchObject([{ date: "2026-11-26", state: "answered", late: true, answeredById: captain.id }]);
    // The next morning, before the question, her buddy in English: that day needs no question.
    app.clock.set(new Date("2026-11-27T08:00:00+08:00"));
    expect(await say(app, adapter, dm("张阿姨", "I just checked on her, she's fine"))).toEqual([["chat", "dm:张阿姨", "Thank you, I've noted 李奶奶 is fine today."]]);
    expect(await at(app, adapter, "2026-11-27 09:00")).toEqual([]);
    // Said again the same day: thanked, nothing more (nobody is told twice).
    expect(await say(app, adapter, dm("张阿姨", "刚看过了，她挺好"))).toEqual([["chat", "dm:张阿姨", "谢谢您，已记下 李奶奶 今天平安。"]]);
    await app.close();
  });

  it("asks a contact of two which one she has seen; naming her answers at once", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    await say(app, adapter, dm("孙主任", "/报平安 开启 王秀英 联系人 张阿姨"));
    const [grandma, xiuying] = await Promise.all(["李奶奶", "王秀英"].map((name) => app.prisma.person.findFirstOrThrow({ where: { displayName: name } })));
    expect(await say(app, adapter, dm("张阿姨", "看过了，挺好的"))).toEqual([["chat", "dm:张阿姨", "谢谢您！您看过的是哪一位？\n请回复数字：1 李奶奶 / 2 王秀英"]]);
    expect(await days(app, "李奶奶")).toEqual([]);
    expect(await say(app, adapter, dm("张阿姨", "刚去看了王秀英，她挺好"))).toEqual([["chat", "dm:张阿姨", "谢谢您，已记下 王秀英 今天平安。"]]);
    // Only 李奶奶 is left today: no question needed.
    expect(await say(app, adapter, dm("张阿姨", "I checked on her, she's fine"))).toEqual([["chat", "dm:张阿姨", "Thank you, I've noted 李奶奶 is fine today."]]);
    const buddy = await app.prisma.person.findFirstOrThrow({ where: { displayName: "张阿姨" } });
    expect((await app.prisma.checkinDay.findMany({ orderBy: { id: "asc" } })).map((day) => [day.personId, day.state, day.answeredById])).toEqual([
      [xiuying!.id, "answered", buddy.id],
      [grandma!.id, "answered", buddy.id],
    ]);
    await app.close();
  });

  it("takes a contact's worrying words as her check-in and tells her captain and the coordinators privately", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    await at(app, adapter, "2026-11-26 09:00");
    await at(app, adapter, "2026-11-26 11:00");
    expect(await say(app, adapter, dm("张阿姨", "去看过了，她说头晕好几天了"))).toEqual([
      ["user", "周大姐", "张阿姨 看过 李奶奶（3栋 101），说：“去看过了，她说头晕好几天了”。请私下跟进。"],
      ["user", "孙主任", "张阿姨 看过 李奶奶（3栋 101），说：“去看过了，她说头晕好几天了”。请私下跟进。"],
      ["chat", "dm:张阿姨", "谢谢您！已记下看过 李奶奶，您说的情况已私下告诉网格长和协调员，他们会跟进。"],
    ]);
    expect(await days(app, "李奶奶")).toMatchObject([{ state: "answered", late: true }]);
    expect(await at(app, adapter, "2026-11-26 15:00")).toEqual([]);
    await app.close();
  });

  it("takes the guardian's '看过了，挺好' in words as the check-in of the elder in their care", async () => {
    const { app, adapter } = await demoApp(db.url);
    await say(app, adapter, dm("孙主任", "/代管 赵奶奶 9栋806"));
    await say(app, adapter, dm("孙主任", "/报平安 开启 赵奶奶"));
    await at(app, adapter, "2026-11-26 09:00");
    expect(await say(app, adapter, dm("孙主任", "上午去看过了，挺好的"))).toEqual([["chat", "dm:孙主任", "谢谢您，已记下 赵奶奶 今天平安。"]]);
    expect((await days(app, "赵奶奶")).map((day) => day.state)).toEqual(["answered"]);
    expect(await at(app, adapter, "2026-11-26 12:00")).toEqual([]);
    await app.close();
  });

  it("moves one person's daily question to another time; the old time asks nothing; the deadline moves with it", async () => {
    const { app, adapter } = await demoApp(db.url);
    await enrolGrandma(app, adapter);
    expect(await say(app, adapter, dm("李奶奶", "/报平安 时间 7:30"))).toEqual([["chat", "dm:李奶奶", "好的，每日问候改到 07:30，09:30 前没消息才会请人去看看。"]]);
    expect(await at(app, adapter, "2026-11-26 07:30")).toEqual([["user", "李奶奶", QUESTION]]);
    expect(await at(app, adapter, "2026-11-26 09:00")).toEqual([]);
    expect(await at(app, adapter, "2026-11-26 09:30")).toEqual([["user", "张阿姨", LOOK_IN]]);
    await say(app, adapter, dm("张阿姨", "1"));
    // A coordinator moves it later for her; she is told. Asked at 07:30 today already, she is not asked again at 10:00.
    app.clock.set(new Date("2026-11-26T09:45:00+08:00"));
    expect(await say(app, adapter, dm("孙主任", "/报平安 时间 李奶奶 10:00"))).toEqual([
      ["chat", "dm:孙主任", "好的，李奶奶 的每日问候改到 10:00，12:00 前没消息才会请人去看看。"],
      ["user", "李奶奶", "孙主任 把您每天的报平安问候改到了 10:00。"],
    ]);
    expect(await at(app, adapter, "2026-11-26 10:00")).toEqual([]);
    expect(await at(app, adapter, "2026-11-27 07:30")).toEqual([]);
    expect(await at(app, adapter, "2026-11-27 10:00")).toEqual([["user", "李奶奶", QUESTION]]);
    // Not hers to change, and no time given.
    expect(await say(app, adapter, dm("赵老师", "/报平安 时间 李奶奶 6:00"))).toEqual([["chat", "dm:赵老师", "只有本人、TA 的联系人或协调员可以这样做。"]]);
    expect(await say(app, adapter, dm("李奶奶", "/报平安 时间 早上"))).toEqual([["chat", "dm:李奶奶", "请写几点问候，例如：/报平安 时间 8:30；替人改：/报平安 时间 李奶奶 8:30"]]);
    expect(await app.prisma.checkinEnrolment.findFirstOrThrow()).toMatchObject({ askMinute: 600, dueMinute: 720 });
    await app.close();
  });
});
