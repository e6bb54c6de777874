/**
 * Events on a real database: 200 simultaneous sign-ups for 10 places, reminders across a restart (sent once after
 * start, never for an event already over), which event a sign-up means, the edges of capacity and deadlines, and a
 * weekly event's local time across daylight-saving changes.
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, say, T0, testApp, useTempDatabase } from "../support/app.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";

const db = useTempDatabase();

const HOUR = 3_600_000;
const admin = (text: string) => message("花园群", "组织者", text, { sender: { platform: "console", id: "组织者", displayName: "组织者", isAdmin: true } });


describe("events: concurrency, restarts and edges", () => {
  it("confirms exactly 10 of 200 simultaneous sign-ups (with 50 repeats), waitlists 190 in order, nobody twice", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await say(app, adapter, admin("/活动 周六 9:00-11:00 邻里花园除草 限10人"));
    const people = Array.from({ length: 200 }, (_, n) => `居民${n + 1}`);
    const messages = [
      ...people.map((name, n) => message("花园群", name, n % 2 ? "+1" : "/join 1")),
      ...people.slice(0, 50).map((name) => message("花园群", name, "报名")),
    ];
    const outcomes = await Promise.all(messages.map((one) => app.pipeline.handle(one)));
    expect(outcomes.every((outcome) => outcome === "handled")).toBe(true);
    const signUps = await app.prisma.signUp.findMany({ orderBy: { position: "asc" } });
    expect(signUps).toHaveLength(200);
    expect(new Set(signUps.map((one) => one.personId)).size).toBe(200);
    expect(signUps.filter((one) => one.state === "confirmed")).toHaveLength(10);
    expect(signUps.filter((one) => one.state === "waitlisted")).toHaveLength(190);
    expect(signUps.slice(0, 10).every((one) => one.state === "confirmed")).toBe(true); // first come, first served
    await app.close();
  }, 90_000); // 250 messages through the whole pipeline: about 9 s alone, over 30 s on a machine shared three ways

  it("sends reminders that fell due during downtime once after start, and none for an event already over", async () => {
    const clock = new VirtualClock(T0); // Wednesday 10:00
    let adapter = new FakeAdapter();
    let app = await testApp({ url: db.url, clock, adapters: [adapter] });
    await say(app, adapter, admin("/活动 明天 18:00-20:00 电影之夜")); // Thursday 18:00: reminders Wed 18:00 and Thu 16:00
    await say(app, adapter, admin("/活动 周五 9:00 太极拳"));
    await say(app, adapter, message("花园群", "张阿姨", "/join 1"), message("花园群", "王师傅", "/join 2"));
    await app.close();

    clock.set(new Date(T0.getTime() + 9 * HOUR)); // down across Wednesday 18:00
    adapter = new FakeAdapter();
    app = await testApp({ url: db.url, clock, adapters: [adapter] });
    expect(adapter.sent.map((sent) => [sent.id, sent.message.text])).toEqual([
      // The sign-ups' group summaries were due at 10:03, during the downtime: they go out once, before the reminder.
      ["花园群", "电影之夜：新报名 1 人（张阿姨）；共 1 人。"],
      ["花园群", "太极拳：新报名 1 人（王师傅）；共 1 人。"],
      ["张阿姨", expect.stringMatching(/^提醒：明天有电影之夜/u)],
    ]);
    await app.close();

    adapter = new FakeAdapter();
    app = await testApp({ url: db.url, clock, adapters: [adapter] }); // started again: nothing repeats
    expect(adapter.sent).toEqual([]);
    await app.close();

    clock.set(new Date(T0.getTime() + 60 * HOUR)); // down until Friday 22:00: both events are over
    adapter = new FakeAdapter();
    app = await testApp({ url: db.url, clock, adapters: [adapter] });
    expect(adapter.sent).toEqual([]);
    const jobs = await app.prisma.scheduledJob.findMany({ where: { kind: "event.remind" }, orderBy: { id: "asc" } });
    expect(jobs.map((job) => job.state)).toEqual(["done", "dropped", "dropped", "dropped"]);
    await app.close();
  });

  it("asks which event when two are open, takes the one named by date, and closes sign-ups at the deadline", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await say(app, adapter, admin("/活动 周六 9:00 包饺子 限2人 截止周五20:00"));
    await say(app, adapter, admin("/event Sun 3pm Tea party"));
    expect(await say(app, adapter, message("花园群", "张阿姨", "+1"))).toEqual([
      ["chat", "花园群", "您想报名哪个活动？\n请回复数字：1 11月28日（周六） 09:00 包饺子 / 2 11月29日（周日） 15:00 Tea party"],
    ]);
    // Each sign-up is answered privately...
    expect(await say(app, adapter, message("花园群", "张阿姨", "2"))).toEqual([["user", "张阿姨", "报名成功：Tea party。已报 1 人。"]]);
    expect(await say(app, adapter, message("花园群", "王师傅", "周六的活动算我一个"))).toEqual([["user", "王师傅", "报名成功：包饺子。已报 1/2 人。"]]);
    expect(await say(app, adapter, message("花园群", "李奶奶", "/报名 1 2"))).toEqual([["user", "李奶奶", "包饺子名额已满，您在候补第 1 位，有空位会通知您。"]]);
    expect(await say(app, adapter, message("花园群", "王师傅", "/join 1"))).toEqual([["user", "王师傅", "您已经报名包饺子了，谢谢！"]]);
    // ...and the group hears each event's changes once, when the 3-minute window closes.
    const sentBefore = adapter.sent.length;
    app.clock.set(new Date("2026-11-25T10:03:00+08:00"));
    await app.tick();
    expect(adapter.sent.slice(sentBefore).map((sent) => [sent.to, sent.id, sent.message.text])).toEqual([
      ["chat", "花园群", "Tea party：新报名 1 人（张阿姨）；共 1 人。"],
      ["chat", "花园群", "包饺子：新报名 1 人（王师傅），候补 2 人（李奶奶+1）；共 1/2 人。"],
    ]);
    expect(await say(app, adapter, message("花园群", "张阿姨", "/名单 1"))).toEqual([["chat", "花园群", "这个命令需要群管理员或协调员来发。"]]);
    expect(await say(app, adapter, admin("/名单 1"))).toEqual([["chat", "花园群", "包饺子名单（1）：王师傅\n候补：李奶奶+1"]]);
    app.clock.set(new Date("2026-11-27T20:30:00+08:00"));
    expect(await say(app, adapter, message("花园群", "赵老师", "/join 1"))).toEqual([["chat", "花园群", "包饺子报名已截止，谢谢关注！"]]);
    expect(await say(app, adapter, message("花园群", "张阿姨", "/活动 周日 包饺子"))).toEqual([["chat", "花园群", "这个命令需要群管理员或协调员来发。"]]);
    expect(await say(app, adapter, admin("/活动 下周 包饺子"))).toEqual([
      ["chat", "花园群", "请这样发布活动：/活动 周六 9:00-11:00 邻里花园除草 限20人 截止周五20:00"],
    ]);
    await app.close();
  });

  it("rolls a weekly duty on to next week and rotates its holders through everyone who signed up", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await say(app, adapter, admin("/活动 每周六 8:00-9:00 花园浇水 值班 限2人"));
    for (const name of ["甲", "乙", "丙", "丁"]) await say(app, adapter, message("花园群", name, "报名"));
    expect((await app.prisma.signUp.findMany({ orderBy: { id: "asc" } })).map((one) => one.state)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);

    app.clock.set(new Date("2026-11-28T08:00:00+08:00")); // the first occurrence starts: next week's is created
    await app.tick();
    const second = await app.prisma.event.findFirstOrThrow({ where: { id: 2 }, include: { signUps: { include: { person: true } } } });
    expect(second).toMatchObject({ seriesId: 1, title: "花园浇水", kind: "duty", recurrence: "weekly", capacity: 2 });
    expect(second.startsAt.toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(second.signUps.map((one) => [one.person.displayName, one.state])).toEqual([["丙", "confirmed"], ["丁", "confirmed"]]);
    const told = adapter.sent.filter((sent) => sent.to === "user").map((sent) => [sent.id, sent.message.text]);
    expect(told).toContainEqual(["丙", "本周轮到您：花园浇水，12月5日（周六） 08:00-09:00。不方便请回复 /取消报名 2，我会请下一位。"]);
    expect(adapter.sent.at(-1)!.message.text).toMatch(/^下一期：\n#2 花园浇水（志愿值班）[\s\S]*本期值班：丙、丁\n请回复数字：1 报名 \/ 2 取消报名$/u);

    app.clock.set(new Date("2026-12-05T08:00:00+08:00")); // and the week after, back to 甲 and 乙
    await app.tick();
    const third = await app.prisma.event.findFirstOrThrow({ where: { id: 3 }, include: { signUps: { include: { person: true } } } });
    expect(third.signUps.map((one) => one.person.displayName)).toEqual(["甲", "乙"]);
    await app.close();
  });

  it("keeps a weekly event at 09:00 Europe/London across the March and October clock changes", async () => {
    const adapter = new FakeAdapter();
    const clock = new VirtualClock(new Date("2026-03-18T10:00:00Z")); // a Wednesday, GMT
    const app = await testApp({ url: db.url, clock, adapters: [adapter], env: { TIME_ZONE: "Europe/London", DEFAULT_LOCALE: "en" } });
    await app.prisma.community.create({ data: { name: "Riverside", timeZone: "Europe/London", locale: "en", createdAt: clock.now() } });
    const organiser = { platform: "console" as const, id: "Ann", displayName: "Ann", isAdmin: true };
    await say(app, adapter, message("Riverside garden", "Ann", "/event every Sunday 9:00-10:00 Tai chi deadline Sat 20:00", { sender: organiser }));
    // Each occurrence starts: the next one is created; after months down, the first one still ahead.
    for (const at of ["2026-03-22T09:00:00Z", "2026-03-29T08:00:00Z", "2026-10-20T12:00:00Z", "2026-10-25T09:00:00Z"]) {
      clock.set(new Date(at));
      await app.tick();
    }
    const events = await app.prisma.event.findMany({ orderBy: { id: "asc" } });
    const iso = (date: Date | null) => date?.toISOString();
    expect(events.map((one) => [iso(one.startsAt), iso(one.endsAt), iso(one.deadline)])).toEqual([
      ["2026-03-22T09:00:00.000Z", "2026-03-22T10:00:00.000Z", "2026-03-21T20:00:00.000Z"], // GMT
      ["2026-03-29T08:00:00.000Z", "2026-03-29T09:00:00.000Z", "2026-03-28T20:00:00.000Z"], // BST from 01:00Z that Sunday
      ["2026-04-05T08:00:00.000Z", "2026-04-05T09:00:00.000Z", "2026-04-04T19:00:00.000Z"],
      ["2026-10-25T09:00:00.000Z", "2026-10-25T10:00:00.000Z", "2026-10-24T19:00:00.000Z"], // GMT again from 01:00Z
      ["2026-11-01T09:00:00.000Z", "2026-11-01T10:00:00.000Z", "2026-10-31T20:00:00.000Z"],
    ]);
    const posted = adapter.sent.map((sent) => sent.message.text).filter((text) => text.startsWith("Next one:"));
    expect(posted.map((text) => /When: (.*)\n[\s\S]*Sign up by: (.*)\n/u.exec(text)?.slice(1))).toEqual([
      ["Sun 29 Mar 09:00-10:00 (weekly)", "Sat 28 Mar 20:00"],
      ["Sun 5 Apr 09:00-10:00 (weekly)", "Sat 4 Apr 20:00"],
      ["Sun 25 Oct 09:00-10:00 (weekly)", "Sat 24 Oct 20:00"],
      ["Sun 1 Nov 09:00-10:00 (weekly)", "Sat 31 Oct 20:00"],
    ]);
    await app.close();
  });

  it("takes reminders set in the command, and sends none for a cancelled event (whose people are told)", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await say(app, adapter, admin("/活动 周六 9:00 包饺子 提醒 3小时 30分钟"));
    await say(app, adapter, admin("/活动 周日 9:00 太极拳"));
    await say(app, adapter, message("花园群", "张阿姨", "/join 1"), message("花园群", "王师傅", "/join 2"));
    expect((await app.prisma.scheduledJob.findMany({ where: { kind: "event.remind" }, orderBy: { id: "asc" } })).map((job) => JSON.parse(job.payload) as unknown)).toEqual([
      { eventId: 1, offset: 180 },
      { eventId: 1, offset: 30 },
      { eventId: 2, offset: 1440 },
      { eventId: 2, offset: 120 },
    ]);
    expect(await say(app, adapter, message("花园群", "王师傅", "/取消活动 2"))).toEqual([["chat", "花园群", "这个命令需要群管理员或协调员来发。"]]);
    expect(await say(app, adapter, admin("/取消活动 2"))).toEqual([
      ["user", "王师傅", "抱歉，太极拳（11月29日（周日） 09:00）取消了。"],
      ["chat", "花园群", "已取消活动：太极拳，已私信告诉报名的人。"],
    ]);
    const before = adapter.sent.length;
    for (const at of ["2026-11-28T06:00:00+08:00", "2026-11-28T08:30:00+08:00", "2026-11-29T08:00:00+08:00"]) {
      app.clock.set(new Date(at));
      await app.tick();
    }
    expect(adapter.sent.slice(before).map((sent) => [sent.id, sent.message.text])).toEqual([
      ["花园群", "包饺子：新报名 1 人（张阿姨）；共 1 人。"], // the sign-up summary; the cancelled event's is not sent
      ["张阿姨", "提醒：3小时后有包饺子（11月28日（周六） 09:00），别忘了哦！"],
      ["张阿姨", "提醒：30分钟后有包饺子（11月28日（周六） 09:00），别忘了哦！"],
    ]);
    await app.close();
  });

  it("keeps residents' own 接龙 lists, questions and other groups' admins away from events; parties never shrink", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    const otherAdmin = (text: string) =>
      message("楼群", "别群管理员", text, { sender: { platform: "console", id: "别群管理员", displayName: "别群管理员", isAdmin: true } });
    // A resident's dated list (a group-buy) is not an event, and nobody is signed up from it.
    expect(await say(app, adapter, message("花园群", "王秀英", "#接龙 周六团购鸡蛋\n1. 王秀英\n2. 张阿姨"))).toEqual([]);
    expect(await app.prisma.event.count()).toBe(0);
    await say(app, adapter, admin("/活动 周六 9:00-11:00 包饺子 限3人"));
    // Questions about signing up are not sign-ups.
    expect(await say(app, adapter, message("花园群", "李奶奶", "怎么报名？"), message("花园群", "赵老师", "报名了吗大家"))).toEqual([]);
    expect(await say(app, adapter, message("花园群", "张阿姨", "我和老伴两个人"))).toEqual([["user", "张阿姨", "报名成功：包饺子（2人）。已报 2/3 人。"]]);
    expect(await say(app, adapter, message("花园群", "张阿姨", "报名"))).toEqual([["user", "张阿姨", "您已经报名包饺子（2人）了，谢谢！"]]);
    expect(await say(app, adapter, message("花园群", "王师傅", "/报名 2人"))).toEqual([["user", "王师傅", "包饺子名额已满，您在候补第 1 位，有空位会通知您。"]]);
    expect(await app.prisma.signUp.findFirstOrThrow({ where: { person: { displayName: "王师傅" } } })).toMatchObject({ count: 2, state: "waitlisted" });
    // In a private chat the bot says where to sign up.
    expect(await say(app, adapter, message(null, "李奶奶", "报名"))).toEqual([["chat", "dm:李奶奶", "请在活动所在的群里报名（说“报名”或回复活动卡片上的数字）。"]]);
    // An admin of another group can't see the roster, record attendance or cancel.
    for (const text of ["/名单 1", "/签到 1 张阿姨", "/取消活动 1"]) {
      expect(await say(app, adapter, otherAdmin(text))).toEqual([["chat", "楼群", "这个命令需要群管理员或协调员来发。"]]);
    }
    // Attendance waits for the start; a cancelled event promotes nobody.
    expect(await say(app, adapter, admin("/签到 1 张阿姨"))).toEqual([["chat", "花园群", "包饺子还没开始或已取消，开始后再记签到。"]]);
    await say(app, adapter, admin("/取消活动 1"));
    expect(await say(app, adapter, message("花园群", "张阿姨", "/leave 1"))).toEqual([["chat", "花园群", "包饺子已经开始或结束了。"]]);
    expect(await app.prisma.signUp.findFirstOrThrow({ where: { person: { displayName: "王师傅" } } })).toMatchObject({ state: "waitlisted" });
    // A deadline that has passed is refused when the event is posted.
    expect(await say(app, adapter, admin("/活动 周六 9:00 包饺子 截止昨天"))).toEqual([["chat", "花园群", "报名截止时间已经过去了，请检查日期。"]]);
    await app.close();
  });
});
