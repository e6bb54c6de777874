/**
 * The command registry through the pipeline: who may run a command and where is declared with it and checked before
 * its use case; its arguments are read by its reader; help, the menu and the unknown-command reply come from it; and a
 * join is a platform event, not a command anyone can type.
 */
import { describe, expect, it } from "vitest";
import type { MembersEvent } from "../../src/chat/types.ts";
import { CommandRegistry, defaultCommands } from "../../src/app/commands.ts";
import { command } from "../../src/app/shared/command.ts";
import { parse } from "../../src/app/parser.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, message, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

const joined = (id: string, chat: string, names: string[], kind: MembersEvent["kind"] = "members_joined"): MembersEvent => ({
  kind,
  id,
  chat: { platform: "console", id: chat, kind: "group", title: chat },
  members: names.map((name) => ({ platform: "console", id: name, displayName: name })),
  at: T0,
});

describe("commands as declared", () => {
  it("answers a resident who types /welcome with the unknown-command reply, and greets a real join once", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await app.pipeline.handle(message("3栋邻里群", "王秀英", "/welcome 小李"));
    await app.pipeline.handle(message("GardenClub", "Emma", "/welcome Bob"));
    const join = joined("j1", "3栋邻里群", ["小李", "小王"]);
    expect(await app.pipeline.receive(join)).toBe("handled");
    expect(await app.pipeline.receive({ ...join })).toBe("duplicate");
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual([
      "没有“/welcome”这个命令。发 /帮助 看看我能做什么。",
      'I don\'t know "/welcome". Send /help to see what I can do.',
      expect.stringMatching(/^欢迎小李、小王！我是邻里小助手/u),
    ]);
    const members = await app.prisma.membership.findMany({ where: { chat: { externalId: "3栋邻里群" } }, select: { person: { select: { displayName: true } } } });
    expect(members.map((one) => one.person.displayName).sort()).toEqual(["小李", "小王", "王秀英"].sort());
    await app.close();
  });

  it("forgets a member who left the group, and greets nobody for it", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await app.pipeline.receive(joined("j1", "3栋邻里群", ["小李"]));
    expect(await app.pipeline.receive(joined("l1", "3栋邻里群", ["小李"], "members_left"))).toBe("handled");
    await app.dispatcher.drain();
    expect(adapter.texts()).toHaveLength(1);
    expect(await app.prisma.membership.count()).toBe(0);
    expect(await app.prisma.person.count()).toBe(1); // the person stays: their history does
    await app.close();
  });

  it("checks where a command works and who may run it before its use case, in the sender's language", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    const admin = { sender: { platform: "console" as const, id: "楼长", displayName: "楼长", isAdmin: true } };
    for (const [chat, person, text, extra] of [
      ["3栋邻里群", "王秀英", "/绑定 3栋", {}],
      [null, "王秀英", "/bind 3", {}],
      ["3栋邻里群", "王秀英", "/电话 13800000000", {}],
      ["3栋邻里群", "王秀英", "/网格 东区 1 2", {}],
      ["3栋邻里群", "王秀英", "/联系卡 @张阿姨", {}],
      ["3栋邻里群", "楼长", "/绑定 三号楼", admin],
      ["3栋邻里群", "楼长", "/绑定 东边那栋", admin],
      [null, "王秀英", "/每天最多 很多", {}],
      [null, "王秀英", "/每天最多 3", {}],
    ] as const) {
      await app.pipeline.handle(message(chat, person, text, extra));
    }
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual([
      "这个命令需要群管理员或协调员来发。",
      "这个命令要在群里发。",
      expect.stringContaining("私聊"),
      "这个命令需要社区协调员来发。",
      expect.stringContaining("网格长"),
      "好的，本群已设为3栋的群。",
      expect.stringContaining("/绑定"),
      expect.stringContaining("/每天最多"),
      expect.stringContaining("3"),
    ]);
    expect(await app.prisma.chat.findFirst({ where: { externalId: "3栋邻里群" }, select: { building: { select: { key: true } } } })).toEqual({ building: { key: "3" } });
    expect(await app.prisma.volunteerProfile.findFirst({ select: { maxPingsPerDay: true } })).toEqual({ maxPingsPerDay: 3 });
    await app.close();
  });
});

describe("the registry", () => {
  const registry = defaultCommands();

  it("lists in /help every command that has a help line, with its Chinese and English names", () => {
    const zh = registry.help("zh-CN", "邻里小助手");
    const en = registry.help("en", "Linli");
    for (const entry of registry.entries.filter((each) => each.help)) {
      expect(zh).toContain(`/${entry.zh}`);
      expect(zh).toContain(`(/${entry.name})`);
      expect(en).toContain(`/${entry.name}`);
    }
    expect(zh.split("\n")[0]).toBe("我是邻里小助手，帮邻里互相搭把手。常用命令：");
  });

  it("gives Telegram a menu of valid names in both languages, in the declared order", () => {
    const zh = registry.menu("zh");
    expect(zh[0]).toEqual({ command: "help", description: "看说明" });
    expect(registry.menu("en").map((entry) => entry.command)).toEqual(zh.map((entry) => entry.command));
    for (const entry of zh) expect(entry.command).toMatch(/^[a-z0-9_]{1,32}$/u);
  });

  it("refuses a word that would name two commands, and a name Telegram would not take", () => {
    const handler = async () => {};
    expect(() => new CommandRegistry([command({ name: "one", aliases: ["同"], handler }), command({ name: "two", zh: "同", handler })])).toThrow('"同" names both /one and /two');
    expect(() => new CommandRegistry([command({ name: "Big-Name", handler })])).toThrow(/not one Telegram accepts/u);
    expect(() => new CommandRegistry([command({ name: "one", handler }), command({ name: "one", handler })])).toThrow(/declared twice/u);
  });

  it("is what the parser reads: every declared word, in either language, parses as its command", () => {
    const context = { now: T0, timeZone: "Asia/Shanghai", botNames: ["邻里小助手"] };
    for (const entry of registry.entries) {
      for (const word of [entry.name, ...(entry.zh ? [entry.zh] : []), ...(entry.aliases ?? [])].filter((each) => !/\s/u.test(each))) {
        expect(parse(`/${word} 12`, context), `/${word}`).toMatchObject({ kind: "command", name: entry.name });
      }
    }
  });

  it("has no command named /welcome: a join is an event", () => {
    expect(registry.get("welcome")).toBeUndefined();
    expect(registry.words.has("welcome")).toBe(false);
  });
});
