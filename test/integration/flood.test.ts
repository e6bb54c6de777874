/**
 * Flood control on the real pipeline and database: one member posting 100 messages in a minute is throttled with one
 * short notice addressed to them, the messages dropped cost no database use at all, a neighbour in the same group is
 * served as usual in that minute, and an emergency from the throttled member still goes through and alerts (and their
 * next SOS message joins it instead of alerting again).
 */
import { describe, expect, it, vi } from "vitest";
import type { Outcome } from "../../src/app/pipeline.ts";
import { demoApp, message, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();
const GROUP = "3栋邻里群";
const NOTICE = "@李奶奶 您发得太快了，有的消息我没有处理，请过一分钟再发。紧急求救不受影响。";

describe("flood control", () => {
  it("throttles a member's 100 messages a minute with one notice and no database use for the dropped ones; others and an SOS get through", async () => {
    const { app, adapter } = await demoApp(db.url);
    const uses = vi.spyOn(app.db, "use");
    const outcomes: Outcome[] = [];
    let usesByDropped = 0;
    let neighbour: Outcome | undefined;
    for (let i = 0; i < 100; i += 1) {
      // 0.6 s apart: 100 in a minute. The SOS, and more words about it, come at the same instant as the message before
      // them, which was dropped.
      if (i !== 70 && i !== 71) app.clock.advance(600);
      if (i === 50) neighbour = await app.pipeline.handle(message(GROUP, "王秀英", "谁家有梯子借用一下"));
      const text = i === 70 ? "救命！3栋101我老伴摔倒了" : i === 71 ? "救命！他头在流血，叫不醒了" : i % 4 === 1 ? "/帮助" : `今天第${i}条消息`;
      const before = uses.mock.calls.length;
      const outcome = await app.pipeline.handle(message(GROUP, "李奶奶", text));
      if (outcome === "rate-limited") usesByDropped += uses.mock.calls.length - before;
      outcomes.push(outcome);
    }
    expect(outcomes[69]).toBe("rate-limited");
    expect(outcomes.slice(70, 72)).toEqual(["handled", "handled"]);
    expect(neighbour).toBe("handled");
    const dropped = outcomes.filter((outcome) => outcome === "rate-limited").length;
    const handled = outcomes.filter((outcome) => outcome === "handled").length;
    const ignored = outcomes.filter((outcome) => outcome === "ignored").length;
    expect(dropped).toBeGreaterThanOrEqual(50);
    // Of all the dropped messages, only the one that brought the notice used the database (to write the notice).
    expect(usesByDropped).toBe(1);
    expect(await app.prisma.processedMessage.count()).toBe(handled + 1);
    expect(handled + ignored + dropped).toBe(100);

    await app.dispatcher.drain();
    const inGroup = adapter.sent.filter((sent) => sent.to === "chat" && sent.id === GROUP);
    const notices = inGroup.filter((sent) => sent.message.text.includes("发得太快"));
    expect(notices.map((sent) => [sent.message.text, sent.message.mentions?.map((one) => one.id)])).toEqual([[NOTICE, ["李奶奶"]]]);
    expect(inGroup.filter((sent) => sent.message.text.startsWith("我是邻里小助手"))).toHaveLength(handled - 2);

    // The neighbour's request was recorded and its first wave pinged; the SOS was raised and alerted privately.
    const requests = await app.prisma.helpRequest.findMany({ select: { id: true, category: true, requester: { select: { displayName: true } } }, orderBy: { id: "asc" } });
    expect(requests).toEqual([
      { id: 1, category: "borrow", requester: { displayName: "王秀英" } },
      { id: 2, category: "sos", requester: { displayName: "李奶奶" } },
    ]);
    expect(inGroup.some((sent) => sent.message.text.startsWith("收到求助 #1"))).toBe(true);
    expect(adapter.sent.filter((sent) => sent.to === "user" && sent.message.text.startsWith("求助 #1：")).length).toBeGreaterThan(0);
    expect(inGroup.some((sent) => /^⚠️ 有人摔倒：请马上拨打 120！/u.test(sent.message.text))).toBe(true);
    const alerts = adapter.sent.filter((sent) => sent.to === "user" && sent.message.text.startsWith("🚨紧急求助 #2：有人摔倒"));
    expect(alerts.map((sent) => sent.id)).toEqual(["周大姐", "刘医生", "陈司机", "孙主任"]);
    // The second SOS joined the first: no third request, no second round; the alerted got the new words privately.
    expect(inGroup.filter((sent) => sent.message.text.startsWith("紧急求助 #2 还在处理中"))).toHaveLength(1);
    const updates = adapter.sent.filter((sent) => sent.to === "user" && sent.message.text === "🚨紧急求助 #2 补充（李奶奶）：救命！他头在流血，叫不醒了");
    expect(updates.map((sent) => sent.id)).toEqual(["周大姐", "刘医生", "陈司机", "孙主任"]);

    // A quiet minute later the member is served again.
    app.clock.advance(60_000);
    expect(await app.pipeline.handle(message(GROUP, "李奶奶", "/帮助"))).toBe("handled");
    await app.close();
  }, 60_000);

  it("drops a throttled member's chatter silently: no notice for what the bot would not have answered anyway", async () => {
    const { app, adapter } = await demoApp(db.url, undefined, { env: { RATE_LIMIT_PER_MINUTE: "3" } });
    const outcomes = [];
    for (let i = 0; i < 10; i += 1) outcomes.push(await app.pipeline.handle(message(GROUP, "李奶奶", `哈哈哈 ${i}`)));
    expect(outcomes).toEqual([...Array<string>(3).fill("ignored"), ...Array<string>(7).fill("rate-limited")]);
    expect(await app.pipeline.handle(message(GROUP, "李奶奶", "/帮助"))).toBe("rate-limited");
    expect(await app.pipeline.handle(message(GROUP, "李奶奶", "/帮助"))).toBe("rate-limited");
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual([NOTICE]);
    await app.close();
  });
});
