/**
 * The request use cases' edges on a real database and the demo community: the first acceptance wins a race, a wave
 * that has all declined passes on at once, only the parties close a request, captains see their grid's requests
 * privately, availability windows and the captain's card view limited to their grid.
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();


const demo = () => demoApp(db.url);

const group = (person: string, text: string) => message("3栋邻里群", person, text);
const dm = (person: string, text: string) => message(null, person, text);

describe("help requests: the edges", () => {
  it("gives the request to exactly one of two volunteers accepting at the same moment", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "谁家有梯子借用一下"));
    const sent = await say(app, adapter, dm("王师傅", "/accept 1"), dm("张阿姨", "/接单 1"));
    const thanked = sent.filter(([, , text]) => String(text).startsWith("谢谢您接下求助 #1"));
    const taken = sent.filter(([to, id, text]) => to === "chat" && String(id).startsWith("dm:") && text === "求助 #1 已经有人接了，谢谢您！");
    expect(thanked).toHaveLength(1);
    expect(taken).toHaveLength(1);
    expect(await app.prisma.requestAssignment.count()).toBe(1);
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "assigned" });
    await app.close();
  });

  it("pings the next wave as soon as the whole wave has declined, and keeps quiet for a stranger's /done", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "谁家有梯子借用一下"));
    await say(app, adapter, dm("王师傅", "2"), dm("张阿姨", "/decline 1"));
    const next = await say(app, adapter, dm("赵老师", "/不方便 1"));
    expect(next[0]).toEqual(["chat", "dm:赵老师", "好的，没关系，谢谢您！"]);
    expect(next.slice(1).map(([to, id]) => `${to}:${id}`)).toEqual(["user:周大姐", "user:刘医生", "user:陈司机"]);
    // Declines count against reliability, kept on the profile so ranking never scans the ping history.
    const profiles = await app.prisma.volunteerProfile.findMany({ include: { person: true }, where: { pingsMissed: { gt: 0 } } });
    expect(profiles.map((one) => [one.person.displayName, one.pingsMissed, one.pingsAccepted]).sort()).toEqual([
      ["张阿姨", 1, 0],
      ["王师傅", 1, 0],
      ["赵老师", 1, 0],
    ]);
    expect(await say(app, adapter, group("李奶奶", "/done 1"))).toEqual([
      ["chat", "3栋邻里群", "只有求助人、接单的志愿者或协调员能结束求助 #1。"],
    ]);
    expect(await say(app, adapter, group("李奶奶", "好了，谢谢"))).toEqual([]); // she has no request: chatter
    expect(await say(app, adapter, dm("王师傅", "/done"))).toEqual([["chat", "dm:王师傅", "请带上求助编号，比如 /完成 12。发 /我的求助 可以看编号。"]]);
    expect(await say(app, adapter, dm("王师傅", "/done 99"))).toEqual([["chat", "dm:王师傅", "没有找到求助 #99。"]]);
    await app.close();
  });

  it("lets the helper mark it done with the time it took; the requester is told privately", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "谁能帮我修一下水龙头"));
    // Accepting in the group: the requester's address goes to the volunteer privately, never to the group.
    expect(await say(app, adapter, group("王师傅", "/接单 1"))).toEqual([
      ["user", "王师傅", "谢谢您接下求助 #1！请联系王秀英（3栋），可以在群里@TA或私信。完成后回复 /完成 1。"],
      ["user", "王秀英", "好消息：王师傅接下了您的求助 #1，会尽快联系您。"],
      ["user", "张阿姨", "求助 #1 已经有人接了，谢谢您！"],
      ["user", "赵老师", "求助 #1 已经有人接了，谢谢您！"],
      ["chat", "3栋邻里群", "求助 #1 已有邻居接单，谢谢大家！"],
    ]);
    expect(await say(app, adapter, dm("王师傅", "/完成 1 1.5小时"))).toEqual([
      ["chat", "dm:王师傅", "求助 #1 已完成，辛苦了！已为您记下 1.5 个时间币。"],
      // The helper closed it, so the requester confirms the time, in the same message as the news.
      ["user", "王秀英", "求助 #1 已完成，谢谢王师傅！已为王师傅记下 1.5 个时间币。\n请确认时间币 #1：王师傅帮王秀英「谁能帮我修一下水龙头」，1.5 小时。\n请回复数字：1 确认 / 2 有出入"],
    ]);
    expect(await app.prisma.pendingCredit.findFirstOrThrow()).toMatchObject({ minutes: 90, category: "A", state: "pending" });
    expect(await app.prisma.volunteerProfile.findFirstOrThrow({ where: { person: { displayName: "王师傅" } } })).toMatchObject({ pingsAccepted: 1, pingsMissed: 0 });
    expect(await say(app, adapter, dm("王秀英", "/done 1"))).toEqual([["chat", "dm:王秀英", "求助 #1 已经结束了，谢谢您！"]]);
    expect(await app.prisma.pendingCredit.count()).toBe(1);
    await app.close();
  });

  it("offers childcare only to verified volunteers and says so; keeps the day it is needed; closes in words only where it was asked", async () => {
    const { app, adapter } = await demo();
    const sent = await say(app, adapter, group("王秀英", "周六下午谁能帮我看一下孩子"));
    expect(sent[0]).toEqual(["chat", "3栋邻里群", "收到求助 #1，我正在私信联系附近的志愿者，有人接单会告诉您。不需要了请回复“不用了”。\n照看孩子只会请协调员核实过的志愿者。"]);
    expect(sent.slice(1).map(([to, id]) => `${to}:${id}`)).toEqual(["user:赵老师", "user:刘医生"]); // the verified ones
    const request = await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } });
    expect(request.category).toBe("childcare");
    expect(request.neededAt!.getTime()).toBeGreaterThanOrEqual(new Date("2026-11-28T00:00:00+08:00").getTime());
    expect(await say(app, adapter, dm("王师傅", "/accept 1"))).toEqual([["chat", "dm:王师傅", "谢谢您！照看孩子只请协调员核实过的志愿者帮忙。"]]);
    expect(await say(app, adapter, message("花园兴趣群", "王秀英", "不用了，谢谢"))).toEqual([]); // another group: not about #1
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "open" });
    // In the group the childcare request is named by its number only: what it is about is private.
    expect(await say(app, adapter, group("王秀英", "不用了，谢谢"))).toEqual([
      ["chat", "3栋邻里群", "要取消求助 #1 吗？\n请回复数字：1 取消求助 / 2 不取消"],
    ]);
    expect(await say(app, adapter, group("王秀英", "2"))).toEqual([["chat", "3栋邻里群", "好的，求助 #1 继续进行。"]]);
    await say(app, adapter, group("王秀英", "不用了"));
    // The question was put to 王秀英: 李奶奶's "1" is not taken for an answer to it.
    expect(await say(app, adapter, group("李奶奶", "1"))).toEqual([]);
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "open" });
    expect((await say(app, adapter, group("王秀英", "1"))).at(-1)).toEqual(["chat", "3栋邻里群", "求助 #1 已取消。"]);
    await app.close();
  });

  it("lets only those asked take a request; the helper can hand it back; a taken request is followed up when its time is up", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "谁家有梯子借用一下"));
    // 李奶奶 was not asked: she learns nothing about whom to contact.
    expect(await say(app, adapter, group("李奶奶", "/accept 1"))).toEqual([
      ["chat", "3栋邻里群", "谢谢您愿意帮忙！这个求助正在按顺序私信附近的志愿者，轮到您时我会私信您。"],
    ]);
    await say(app, adapter, dm("王师傅", "1"));
    const handedBack = await say(app, adapter, dm("王师傅", "/decline 1"));
    expect(handedBack.slice(0, 2)).toEqual([
      ["chat", "dm:王师傅", "好的，已把求助 #1 交回，我再找别的邻居。谢谢您！"],
      ["user", "王秀英", "王师傅暂时去不了，我正在为求助 #1 另找邻居。"],
    ]);
    expect(handedBack.slice(2).map(([to, id]) => `${to}:${id}`)).toEqual(["user:周大姐", "user:刘医生", "user:陈司机"]); // the next wave
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "open" });
    await say(app, adapter, dm("周大姐", "1"));
    app.clock.advance(49 * 3600_000);
    await app.tick();
    const reminders = adapter.sent.slice(-2).map((sent) => [sent.id, sent.message.text]);
    expect(reminders).toEqual([
      ["王秀英", "求助 #1 办好了吗？办好了请回复 /完成 1，不需要了请回复 /取消求助 1。"],
      ["周大姐", "求助 #1 办好了吗？办好了请回复 /完成 1，不需要了请回复 /取消求助 1。"],
    ]);
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "assigned" });
    await app.close();
  });

  it("lets the requester stand down an SOS in words; the people alerted are told", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("李奶奶", "救命！3栋101我老伴摔倒了"));
    expect(await say(app, adapter, group("李奶奶", "没事了，谢谢大家"))).toEqual([
      ["chat", "3栋邻里群", "要取消求助 #1（有人摔倒）吗？\n请回复数字：1 取消求助 / 2 不取消"],
    ]);
    const stood = await say(app, adapter, group("李奶奶", "1"));
    expect(stood.filter(([to]) => to === "user").map(([, id, text]) => `${id}: ${text}`).sort()).toEqual(
      ["周大姐", "刘医生", "陈司机", "孙主任"].map((name) => `${name}: 求助 #1 已经不需要了，谢谢您！`).sort(),
    );
    app.clock.advance(5 * 60_000);
    await app.tick();
    expect(await app.prisma.auditLog.findMany({ where: { subjectId: "1" }, select: { action: true }, orderBy: { id: "asc" } })).toEqual(
      ["sos.raised", "sos.alerted", "request.cancelled"].map((action) => ({ action })),
    );
    await app.close();
  });

  it("offers accept and decline as buttons where the platform has them; a button press takes the request", async () => {
    const { app, adapter } = await demoApp(db.url, new FakeAdapter("console", { buttons: true }));
    await say(app, adapter, group("王秀英", "谁家有梯子借用一下"));
    const ping = adapter.sent.find((sent) => sent.to === "user" && sent.id === "王师傅")!;
    expect(ping.message).toEqual({
      text: "求助 #1：王秀英（3栋）需要帮忙——谁家有梯子借用一下",
      buttons: [
        { label: "接单", reply: "/accept 1" },
        { label: "不方便", reply: "/decline 1" },
      ],
    });
    const pressed = await say(app, adapter, message(null, "王师傅", "", { action: { data: "/accept 1" } }));
    expect(pressed[0]).toEqual(["user", "王师傅", "谢谢您接下求助 #1！请联系王秀英（3栋），可以在群里@TA或私信。完成后回复 /完成 1。"]);
    expect(await app.prisma.requestAssignment.count()).toBe(1);
    await app.close();
  });

  it("answers /requests with one's own requests, and a captain gets the grid's privately", async () => {
    const { app, adapter } = await demo();
    await say(app, adapter, group("王秀英", "谁家有梯子借用一下"));
    await say(app, adapter, message("花园兴趣群", "钱大爷", "谁能帮我取个快递"));
    // Always privately: what someone asked for is theirs; the group only hears that the list was sent.
    expect(await say(app, adapter, group("王秀英", "/我的求助"))).toEqual([
      ["user", "王秀英", "您的求助：\n#1 谁家有梯子借用一下 — 正在找志愿者"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    expect(await say(app, adapter, dm("王秀英", "我的求助有人接了吗"))).toEqual([["chat", "dm:王秀英", "您的求助：\n#1 谁家有梯子借用一下 — 正在找志愿者"]]);
    expect(await say(app, adapter, group("周大姐", "/requests"))).toEqual([
      ["user", "周大姐", "本网格进行中的求助：\n#1 王秀英（3栋）：谁家有梯子借用一下 — 正在找志愿者"],
      ["chat", "3栋邻里群", "已私信发给您。"],
    ]);
    expect(await say(app, adapter, group("李奶奶", "/requests"))).toEqual([["chat", "3栋邻里群", "您现在没有进行中的求助。"]]);
    await app.close();
  });

  it("respects availability windows set with /available, and lets a captain see only their own grid's cards", async () => {
    const { app, adapter } = await demo();
    expect(await say(app, adapter, dm("王师傅", "/有空 周末 全天"))).toEqual([
      ["chat", "dm:王师傅", "好的，只在这些时间请您帮忙：周六、周日 00:00-24:00。紧急求救除外。"],
    ]);
    expect(await say(app, adapter, dm("张阿姨", "/available sometimes"))).toEqual([
      ["chat", "dm:张阿姨", "Set when you're free like this: /available mon-fri 18:00-21:00; weekends all day. To clear: /available any time"],
    ]);
    const pinged = await say(app, adapter, group("王秀英", "谁家有梯子借用一下")); // a Wednesday morning
    expect(pinged.filter(([to]) => to === "user").map(([, id]) => id)).not.toContain("王师傅");
    expect(await say(app, adapter, dm("王师傅", "/有空 随时"))).toEqual([["chat", "dm:王师傅", "好的，任何时间都可以请您帮忙（免打扰时段除外）。"]]);

    const mention = (name: string) => ({ mentions: [{ platform: "console" as const, id: name, displayName: name }] });
    expect(await say(app, adapter, message(null, "周大姐", "/card @王师傅", mention("王师傅")))).toEqual([
      ["chat", "dm:周大姐", expect.stringMatching(/^应急联系卡：王师傅/u) as unknown],
    ]);
    expect(await say(app, adapter, message(null, "周大姐", "/card @孙小妹", mention("孙小妹")))).toEqual([
      ["chat", "dm:周大姐", "网格长只能查看本网格居民的联系卡；其他网格请找协调员。"],
    ]);
    expect(await say(app, adapter, message(null, "孙主任", "/card @孙小妹", mention("孙小妹")))).toEqual([
      ["chat", "dm:孙主任", expect.stringMatching(/^应急联系卡：孙小妹/u) as unknown],
    ]);
    await app.close();
  });
});
