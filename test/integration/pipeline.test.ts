import { describe, expect, it } from "vitest";
import type { CommandIntent } from "../../src/parse/intent.ts";
import type { Handler } from "../../src/app/shared/context.ts";
import { reply } from "../../src/app/shared/context.ts";
import type { Router } from "../../src/app/routes.ts";
import { defaultRouter } from "../../src/app/routes.ts";
import { command } from "../../src/app/shared/command.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

async function counts(app: Awaited<ReturnType<typeof testApp>>) {
  const p = app.prisma;
  return {
    people: await p.person.count(),
    chats: await p.chat.count(),
    memberships: await p.membership.count(),
    processed: await p.processedMessage.count(),
    outbox: await p.outboxMessage.count(),
    audit: await p.auditLog.count(),
  };
}

describe("the inbound pipeline", () => {
  it("gives a redelivered message its effect once, also after a restart", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    const msg = message("3栋邻里群", "王秀英", "我住3栋502");
    expect(await app.pipeline.handle(msg)).toBe("handled");
    expect(await app.pipeline.handle(msg)).toBe("duplicate");
    await app.dispatcher.drain();
    await app.close();

    const restarted = await testApp({ url: db.url, adapters: [adapter] });
    expect(await restarted.pipeline.handle({ ...msg })).toBe("duplicate");
    await restarted.dispatcher.drain();
    expect(adapter.texts()).toEqual(["已登记，谢谢！住址只有网格长和协调员能看到。"]);
    expect(await counts(restarted)).toMatchObject({ people: 1, processed: 1, outbox: 1, audit: 1 });
    await restarted.close();
  });

  it("gives two concurrent deliveries of one message one effect", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    const msg = message(null, "李奶奶", "/register 3-101");
    const outcomes = await Promise.all([app.pipeline.handle(msg), app.pipeline.handle({ ...msg })]);
    expect(outcomes.sort()).toEqual(["duplicate", "handled"]);
    expect(await counts(app)).toMatchObject({ processed: 1, outbox: 1, audit: 1 });
    await app.close();
  });

  it("creates the community on an empty database with the configured time zone and locale", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter], env: { TIME_ZONE: "Europe/London", DEFAULT_LOCALE: "en" } });
    await app.pipeline.handle(message(null, "Ann", "/register 3-502"));
    expect(await app.prisma.community.findMany({ select: { timeZone: true, locale: true } })).toEqual([{ timeZone: "Europe/London", locale: "en" }]);
    await app.close();
  });

  it("writes nothing for chatter", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    const before = await counts(app);
    for (const text of ["大家早上好", "今天天气不错[强]", "#今日菜价 白菜2元", "good morning all", "3栋502的快递到了"]) {
      expect(await app.pipeline.handle(message("3栋邻里群", "张阿姨", text))).toBe("ignored");
    }
    expect(await counts(app)).toEqual(before);
    await app.dispatcher.drain();
    expect(adapter.sent).toEqual([]);
    await app.close();
  });

  it("asks one short question when a message meant for the bot is unclear, and stays silent in the group otherwise", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    expect(await app.pipeline.handle(message("3栋邻里群", "王秀英", "那个事怎么样了"))).toBe("ignored");
    expect(await app.pipeline.handle(message("3栋邻里群", "王秀英", "那个事怎么样了", { addressedToBot: true }))).toBe("handled");
    expect(await app.pipeline.handle(message(null, "Emma", "hmm, about the thing"))).toBe("handled");
    await app.dispatcher.drain();
    expect(adapter.sent.map((sent) => [sent.id, sent.message.text])).toEqual([
      ["3栋邻里群", "我没太明白。您是想求助、报名活动，还是别的事？可以说得具体些，或发 /帮助 看看我能做什么。"],
      ["dm:Emma", "Sorry, I didn't quite get that. Do you need help, want to join an event, or something else? Say a bit more, or send /help."],
    ]);
    await app.close();
  });

  it("keeps going after a handler fails: the failed message's writes roll back, the sender gets an apology", async () => {
    const adapter = new FakeAdapter();
    const failing: Handler<CommandIntent> = async (context, repos) => {
      await reply(context, repos, "half-written reply");
      if (context.person.displayName === "坏消息") throw new Error("boom");
    };
    const app = await testApp({ url: db.url, adapters: [adapter], router: withCommand("help", failing) });
    expect(await app.pipeline.handle(message("3栋邻里群", "坏消息", "/help"))).toBe("failed");
    expect(await app.pipeline.handle(message("3栋邻里群", "王秀英", "/help"))).toBe("handled");
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual(["抱歉，我这里出了点问题，请稍后再试。", "half-written reply"]);
    expect(await app.prisma.person.findMany({ select: { displayName: true } })).toEqual([{ displayName: "王秀英" }]);
    expect(await app.prisma.processedMessage.count()).toBe(1);
    await app.close();
  });

  it("limits each sender's rate without affecting others", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()], env: { RATE_LIMIT_PER_MINUTE: "3" } });
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await app.pipeline.handle(message("g", "刷屏的人", "/help")));
    expect(outcomes).toEqual(["handled", "handled", "handled", "rate-limited"]);
    expect(await app.pipeline.handle(message("g", "别人", "/help"))).toBe("handled");
    app.clock.advance(20_000);
    expect(await app.pipeline.handle(message("g", "刷屏的人", "/help"))).toBe("handled");
    await app.close();
  });

  it("records people, chats and admin status, and answers in the chat's language", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await app.pipeline.handle(message("GardenClub", "Emma", "/help", { sender: { platform: "console", id: "Emma", displayName: "Emma", isAdmin: true } }));
    await app.pipeline.handle(message("3栋邻里群", "王秀英", "/help"));
    await app.dispatcher.drain();
    expect(adapter.texts()[0]).toMatch(/^I'm 邻里小助手/u);
    expect(adapter.texts()[1]).toMatch(/^我是邻里小助手/u);
    const membership = await app.prisma.membership.findFirst({ where: { person: { displayName: "Emma" } } });
    expect(membership?.isAdmin).toBe(true);
    expect(await app.prisma.chat.findMany({ select: { title: true, locale: true }, orderBy: { id: "asc" } })).toEqual([
      { title: "GardenClub", locale: "en" },
      { title: "3栋邻里群", locale: "zh-CN" },
    ]);
    await app.close();
  });

  it("never repeats a room number in a group, and creates a new building in the default grid", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await app.pipeline.handle(message("9栋群", "老周", "我家住9号楼2单元1203"));
    await app.pipeline.handle(message(null, "老周", "/登记 9-2-1203"));
    await app.dispatcher.drain();
    expect(adapter.sent[0]).toMatchObject({ to: "chat", id: "9栋群" });
    expect(adapter.sent[0]!.message.text).not.toMatch(/1203/u);
    expect(adapter.sent[1]!.message.text).toBe("已登记住址：9栋2单元1203。只有网格长和协调员能看到。");
    const person = await app.prisma.person.findFirstOrThrow({ include: { building: { include: { grid: true } } } });
    expect(person).toMatchObject({ room: "2-1203", building: { key: "9", name: "9栋", grid: { isDefault: true } } });
    await app.close();
  });

  it("reads a bare number as the numbered option last offered in that chat", async () => {
    const adapter = new FakeAdapter();
    const offer: Handler<CommandIntent> = async (context, repos) => {
      await reply(context, repos, { text: "要帮忙吗？", options: [{ label: "看帮助", reply: "/help" }, { label: "不用", reply: "/none" }] });
    };
    const app = await testApp({ url: db.url, adapters: [adapter], router: withCommand("register", offer) });
    await app.pipeline.handle(message(null, "王秀英", "/register"));
    await app.dispatcher.drain();
    expect(adapter.texts()[0]).toBe("要帮忙吗？\n请回复数字：1 看帮助 / 2 不用");
    await app.pipeline.handle(message(null, "王秀英", "1"));
    await app.dispatcher.drain();
    expect(adapter.texts()[1]).toMatch(/^我是邻里小助手/u);
    await app.close();
  });
});

/** The default router with one command's handler swapped. */
function withCommand(name: string, handler: Handler<CommandIntent>): Router {
  const router = defaultRouter();
  return { ...router, commands: router.commands.with(command({ name, handler })) };
}
