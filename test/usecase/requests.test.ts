/**
 * Help requests on the fakes (no database): asking pings the first wave privately, the first acceptance wins, the
 * helper marks it done and a pending credit waits for the requester, a declined wave passes on, a cancel tells whoever
 * was pinged, a taken request is followed up when its time is up, an SOS alerts first-aiders, captain and coordinator,
 * and the same person's SOS again within minutes joins the open one instead of alerting again.
 * Mirrors test/integration/requests.test.ts and sos-priority.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, FakeWorld, lines, targets } from "../support/fakes/world.ts";
import { aGroupChat, aResident } from "../support/builders.ts";

const HOUR = 3600_000;
const GROUP = "3栋邻里群";

describe("help requests (use cases on fakes)", () => {
  it("records a request, confirms it in the group without private details, and pings the first wave privately", async () => {
    const world = demoWorld();
    const sent = await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
    expect(lines(sent)[0]).toEqual(["chat", GROUP, "收到求助 #1，我正在私信联系附近的志愿者，有人接单会告诉您。不需要了请回复“不用了”。"]);
    expect(targets(sent.slice(1))).toEqual(["user:王师傅", "user:张阿姨", "user:赵老师"]);
    expect(sent[1]!.message).toEqual({
      subject: "谁家有梯子借用一下 #1",
      text: "求助 #1：王秀英（3栋）需要帮忙——谁家有梯子借用一下",
      options: [
        { label: "接单", reply: "/accept 1" },
        { label: "不方便", reply: "/decline 1" },
      ],
    });
    expect(world.state.requests).toMatchObject([{ id: 1, category: "borrow", state: "open", buildingId: world.state.buildings.find((b) => b.key === "3")!.id }]);
    expect(world.state.jobs.map((job) => job.kind).sort()).toEqual(["request.expire", "request.wave"]);
  });

  it("gives the request to the first who accepts; the second hears it is taken", async () => {
    const world = demoWorld();
    await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
    const first = await world.say(world.message("/accept 1", "王师傅"));
    expect(lines(first)[0]).toEqual(["user", "王师傅", "谢谢您接下求助 #1！请联系王秀英（3栋），可以在群里@TA或私信。完成后回复 /完成 1。"]);
    expect(lines(await world.say(world.message("/接单 1", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "求助 #1 已经有人接了，谢谢您！"]]);
    expect(world.state.assignments).toMatchObject([{ requestId: 1, volunteerId: world.person("王师傅").id, state: "active" }]);
    expect(world.state.requests[0]!.state).toBe("assigned");
  });

  it("lets the helper mark it done with the time it took; the requester confirms the pending credit", async () => {
    const world = demoWorld();
    await world.say(world.message("谁能帮我修一下水龙头", "王秀英", GROUP));
    expect(lines(await world.say(world.message("/接单 1", "王师傅", GROUP)))).toEqual([
      ["user", "王师傅", "谢谢您接下求助 #1！请联系王秀英（3栋），可以在群里@TA或私信。完成后回复 /完成 1。"],
      ["user", "王秀英", "好消息：王师傅接下了您的求助 #1，会尽快联系您。"],
      ["user", "张阿姨", "求助 #1 已经有人接了，谢谢您！"],
      ["user", "赵老师", "求助 #1 已经有人接了，谢谢您！"],
      ["chat", GROUP, "求助 #1 已有邻居接单，谢谢大家！"],
    ]);
    const done = await world.say(world.message("/完成 1 1.5小时", "王师傅"));
    expect(lines(done)).toEqual([
      ["chat", "dm:王师傅", "求助 #1 已完成，辛苦了！已为您记下 1.5 个时间币。"],
      ["user", "王秀英", "求助 #1 已完成，谢谢王师傅！已为王师傅记下 1.5 个时间币。\n请确认时间币 #1：王师傅帮王秀英「谁能帮我修一下水龙头」，1.5 小时。"],
    ]);
    expect(done[1]!.message.options).toEqual([
      { label: "确认", reply: "/confirm 1" },
      { label: "有出入", reply: "/dispute 1" },
    ]);
    expect(world.state.credits).toMatchObject([{ minutes: 90, category: "A", state: "pending", source: "request", sourceId: 1 }]);
    expect(world.state.volunteers.find((v) => v.personId === world.person("王师傅").id)).toMatchObject({ pingsAccepted: 1, pingsMissed: 0 });
    expect(lines(await world.say(world.message("/done 1", "王秀英")))).toEqual([["chat", "dm:王秀英", "求助 #1 已经结束了，谢谢您！"]]);
    expect(world.state.credits).toHaveLength(1);
  });

  it("pings the next wave as soon as the whole wave has declined, and refuses a stranger's /done", async () => {
    const world = demoWorld();
    await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
    await world.sayAll(world.message("/decline 1", "王师傅"), world.message("/decline 1", "张阿姨"));
    const next = await world.say(world.message("/不方便 1", "赵老师"));
    expect(lines(next)[0]).toEqual(["chat", "dm:赵老师", "好的，没关系，谢谢您！"]);
    expect(targets(next.slice(1))).toEqual(["user:周大姐", "user:刘医生", "user:陈司机"]);
    const missed = world.state.volunteers.filter((v) => v.pingsMissed > 0).map((v) => world.state.people.find((p) => p.id === v.personId)!.displayName);
    expect(missed.sort()).toEqual(["张阿姨", "王师傅", "赵老师"].sort());
    expect(lines(await world.say(world.message("/done 1", "李奶奶", GROUP)))).toEqual([["chat", GROUP, "只有求助人、接单的志愿者或协调员能结束求助 #1。"]]);
    expect(lines(await world.say(world.message("/done 99", "王师傅")))).toEqual([["chat", "dm:王师傅", "没有找到求助 #99。"]]);
  });

  it("lets the requester cancel; whoever was pinged is told; a closed request stays closed", async () => {
    const world = demoWorld();
    await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
    const cancelled = await world.say(world.message("/cancel 1", "王秀英", GROUP));
    expect(lines(cancelled)).toEqual([
      ["user", "王师傅", "求助 #1 已经不需要了，谢谢您！"],
      ["user", "张阿姨", "求助 #1 已经不需要了，谢谢您！"],
      ["user", "赵老师", "求助 #1 已经不需要了，谢谢您！"],
      ["chat", GROUP, "求助 #1 已取消。"],
    ]);
    expect(world.state.requests[0]).toMatchObject({ state: "cancelled" });
    expect(world.state.pings.map((ping) => ping.state)).toEqual(["taken", "taken", "taken"]);
    expect(lines(await world.say(world.message("/accept 1", "王师傅")))).toEqual([["chat", "dm:王师傅", "求助 #1 已经结束了，谢谢您！"]]);
  });

  it("hands a request back at the helper's decline, and follows a taken request up when its time is up", async () => {
    const world = demoWorld();
    await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
    expect(lines(await world.say(world.message("/accept 1", "李奶奶", GROUP)))).toEqual([
      ["chat", GROUP, "谢谢您愿意帮忙！这个求助正在按顺序私信附近的志愿者，轮到您时我会私信您。"],
    ]);
    await world.say(world.message("/accept 1", "王师傅"));
    const handedBack = await world.say(world.message("/decline 1", "王师傅"));
    expect(lines(handedBack).slice(0, 2)).toEqual([
      ["chat", "dm:王师傅", "好的，已把求助 #1 交回，我再找别的邻居。谢谢您！"],
      ["user", "王秀英", "王师傅暂时去不了，我正在为求助 #1 另找邻居。"],
    ]);
    expect(targets(handedBack.slice(2))).toEqual(["user:周大姐", "user:刘医生", "user:陈司机"]);
    expect(world.state.requests[0]!.state).toBe("open");
    await world.say(world.message("/accept 1", "周大姐"));
    const reminders = await world.advance(49 * HOUR);
    expect(lines(reminders).slice(-2)).toEqual([
      ["user", "王秀英", "求助 #1 办好了吗？办好了请回复 /完成 1，不需要了请回复 /取消求助 1。"],
      ["user", "周大姐", "求助 #1 办好了吗？办好了请回复 /完成 1，不需要了请回复 /取消求助 1。"],
    ]);
    expect(world.state.requests[0]!.state).toBe("assigned");
  });

  it("expires an untaken request with a polite note once every stage has had its turn", async () => {
    const world = demoWorld();
    await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
    await world.advance(49 * HOUR);
    expect(world.state.requests[0]!.state).toBe("expired");
    const told = world.state.outbox.filter((row) => row.target.kind === "user" && row.target.userId === "王秀英").map((row) => row.message.text);
    expect(told.at(-1)).toMatch(/求助 #1/u);
    expect(world.state.audit.map((entry) => entry.action)).toContain("request.expired");
  });

  it("alerts an SOS's first-aiders, driver, captain and coordinator at emergency priority; the first /ack is recorded", async () => {
    const world = demoWorld();
    const sent = await world.say(world.message("救命！3栋101我老伴摔倒了", "李奶奶", GROUP));
    expect(sent[0]!.message.text).toMatch(/^⚠️ 有人摔倒：请马上拨打 120！/u);
    expect(targets(sent.slice(1))).toEqual(["user:周大姐", "user:刘医生", "user:陈司机", "user:孙主任"]);
    for (const alert of sent.slice(1)) expect(alert.message.text).toMatch(/^🚨紧急求助 #1：有人摔倒，地点：3栋101/u);
    expect(sent.every((row) => row.priority === 9)).toBe(true);
    world.clock.advance(90_000);
    await world.say(world.message("/ack 1", "刘医生"));
    expect(world.state.pings.find((ping) => ping.volunteerId === world.person("刘医生").id)).toMatchObject({ state: "accepted" });
    const sos = await world.uow.run((repos) => repos.digests.figures(world.community.id, null, { from: new Date(world.clock.now().getTime() - 7 * 24 * HOUR), to: world.clock.now() }));
    expect(sos.sos).toEqual({ alerts: 1, acknowledged: 1, medianAckSeconds: 90, slowestAckSeconds: 90 });
  });

  it("says in the group how many were alerted, and when nobody could be, says so and widens at once", async () => {
    const demo = demoWorld();
    const alerted = await demo.say(demo.message("救命！3栋101我老伴摔倒了", "李奶奶", GROUP));
    expect(alerted[0]!.message.text).toBe("⚠️ 有人摔倒：请马上拨打 120！不要移动伤者，保持电话畅通。我已私信通知 4 位会急救的邻居、网格长或协调员。");

    const lonely = new FakeWorld();
    lonely.add(aGroupChat("9栋邻里群").forBuilding("9"));
    lonely.add(aResident().named("钱大爷").inBuilding("9").room("101"));
    const sent = await lonely.say(lonely.message("救命！9栋101有人晕倒了", "钱大爷", "9栋邻里群"));
    expect(lines(sent)).toEqual([["chat", "9栋邻里群", "⚠️ 有人昏迷：请马上拨打 120！不要移动伤者，保持电话畅通。我暂时没能联系上会急救的邻居和网格长，请大声向身边的人求助；我会继续找人。"]]);
    // No first-aider near and no leader: the wider second round went out at once (to nobody) and the third is due.
    expect(lonely.state.audit.map((entry) => entry.action)).toEqual(["sos.raised", "sos.widened"]);
    expect(lonely.state.jobs.filter((job) => job.kind === "sos.widen").map((job) => (job.payload as { round: number }).round)).toEqual([2]);
  });

  it("promises no messages it cannot send: with no volunteer, captain or coordinator, the requester hears so", async () => {
    const lonely = new FakeWorld();
    lonely.add(aGroupChat("9栋邻里群").forBuilding("9"));
    lonely.add(aResident().named("钱大爷").inBuilding("9").room("101"));
    const sent = await lonely.say(lonely.message("谁家有梯子借用一下", "钱大爷", "9栋邻里群"));
    expect(lines(sent)).toEqual([
      ["chat", "9栋邻里群", "收到求助 #1。附近暂时没有能私信的志愿者，接下来怎么办我会私信告诉您。不需要了请回复“不用了”。"],
      ["user", "钱大爷", "求助 #1 附近的志愿者暂时都不方便，社区里也还没有能转交的网格长或协调员。请在群里再说一声，或直接联系社区居委会。"],
    ]);
  });

  it("lets the requester stand down an SOS; the people alerted are told", async () => {
    const world = demoWorld();
    await world.say(world.message("救命！3栋101我老伴摔倒了", "李奶奶", GROUP));
    const asked = await world.say(world.message("没事了，谢谢大家", "李奶奶", GROUP));
    expect(lines(asked)).toEqual([["chat", GROUP, "要取消求助 #1（有人摔倒）吗？"]]);
    const stood = await world.say(world.message(asked[0]!.message.options![0]!.reply, "李奶奶", GROUP));
    expect(lines(stood).filter(([to]) => to === "user").map(([, id, text]) => `${id}: ${text}`).sort()).toEqual(
      ["周大姐", "刘医生", "陈司机", "孙主任"].map((name) => `${name}: 求助 #1 已经不需要了，谢谢您！`).sort(),
    );
    await world.advance(5 * 60_000);
    expect(world.state.audit.filter((entry) => entry.subjectId === 1).map((entry) => entry.action)).toEqual(["sos.raised", "sos.alerted", "request.cancelled"]);
  });

  it("joins a second SOS from the same person within 10 minutes: no new emergency or alerts, the update goes privately to those alerted", async () => {
    const world = demoWorld();
    await world.say(world.message("救命！3栋101我老伴摔倒了", "李奶奶", GROUP));
    const alerted = ["user:周大姐", "user:刘医生", "user:陈司机", "user:孙主任"];
    const pings = world.state.pings.length;
    const widenJobs = world.state.jobs.filter((job) => job.kind === "sos.widen").length;

    world.clock.advance(60_000);
    const update = await world.say(world.message("救命！他头在流血，叫不醒了", "李奶奶", GROUP));
    expect(lines(update)[0]).toEqual(["chat", GROUP, "紧急求助 #1 还在处理中，您补充的情况已私信转告 4 位收到通知的人。"]);
    expect(targets(update.slice(1))).toEqual(alerted);
    for (const row of update.slice(1)) expect(row.message.text).toBe("🚨紧急求助 #1 补充（李奶奶）：救命！他头在流血，叫不醒了");
    expect(update.every((row) => row.priority === 9)).toBe(true);
    expect(world.state.requests.filter((request) => request.category === "sos")).toHaveLength(1);
    expect(world.state.pings).toHaveLength(pings);
    expect(world.state.jobs.filter((job) => job.kind === "sos.widen")).toHaveLength(widenJobs);
    expect(world.state.audit.at(-1)).toMatchObject({ action: "sos.joined", subjectId: 1, detail: { text: "救命！他头在流血，叫不醒了", passedOn: 4 } });

    // The same words again, or a bare call for help, add nothing for the responders; the group heard a minute ago.
    world.clock.advance(30_000);
    expect(await world.say(world.message("救命！他头在流血，叫不醒了！！", "李奶奶", GROUP))).toEqual([]);
    expect(await world.say(world.message("救命！快来人啊！", "李奶奶", GROUP))).toEqual([]);
    world.clock.advance(2 * 60_000);
    expect(lines(await world.say(world.message("救命！快来人啊！", "李奶奶", GROUP)))).toEqual([["chat", GROUP, "紧急求助 #1 还在处理中，已通知 4 位，请保持电话畅通。"]]);
    expect(world.state.audit.filter((entry) => entry.action === "sos.joined")).toHaveLength(4);
    expect(world.state.requests.filter((request) => request.category === "sos")).toHaveLength(1);

    // Ten minutes after it was raised, an SOS is a new emergency with its own alerts.
    world.clock.advance(7 * 60_000);
    const again = await world.say(world.message("救命！3栋101我老伴又摔倒了", "李奶奶", GROUP));
    expect(again[0]!.message.text).toMatch(/^⚠️ 有人摔倒：请马上拨打 120！/u);
    expect(targets(again.slice(1))).toEqual(alerted);
    expect(again[1]!.message.text).toMatch(/^🚨紧急求助 #2：/u);
    expect(world.state.requests.filter((request) => request.category === "sos").map((request) => request.id)).toEqual([1, 2]);
  });

  it("raises a new emergency once the open one is closed, and never joins another person's SOS about the same place", async () => {
    const world = demoWorld();
    await world.say(world.message("救命！3栋101我老伴摔倒了", "李奶奶", GROUP));
    const other = await world.say(world.message("救命！3栋101有人摔倒了", "王秀英", GROUP));
    expect(other[0]!.message.text).toMatch(/^⚠️ 有人摔倒/u);
    expect(other[1]!.message.text).toMatch(/^🚨紧急求助 #2：/u);

    const asked = await world.say(world.message("没事了，谢谢大家", "李奶奶", GROUP));
    await world.say(world.message(asked[0]!.message.options![0]!.reply, "李奶奶", GROUP));
    expect(world.state.requests.find((request) => request.id === 1)!.state).toBe("cancelled");
    world.clock.advance(60_000);
    const anew = await world.say(world.message("救命！3栋101我老伴晕倒了", "李奶奶", GROUP));
    expect(anew[0]!.message.text).toMatch(/^⚠️ 有人昏迷/u);
    expect(anew[1]!.message.text).toMatch(/^🚨紧急求助 #3：/u);
  });
});
