/**
 * A resident's own data on SQLite through the real pipeline: `/mydata` from a group puts nothing private in the group;
 * after `/forgetme` is confirmed no text column of any table holds their name, phone, room or emergency-card phone,
 * every ledger transfer still sums to zero, other people's balances are unchanged, the digest still counts the hours,
 * and writing again makes a new person. A stale or someone else's confirmation is refused politely.
 */
import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/chat/types.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, T0, useTempDatabase } from "../support/app.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";

const db = useTempDatabase();
const GROUP = "3栋邻里群";
const NAME = "赵小梅";
const ID = "700123";
const PHONE = "13912345678";
const CARD_PHONE = "13700001111";
const ROOM = "1702";
const HOUR = 3600_000;

let n = 0;
/** A message from 赵小梅 (a numeric platform id, as Telegram's), in the group or privately; ids never clash with her details. */
function fromHer(text: string, inGroup: boolean): InboundMessage {
  n += 1;
  const base = message(inGroup ? GROUP : null, NAME, text, { id: `dr-${n}`, sender: { platform: "console", id: ID, displayName: NAME } });
  return inGroup ? base : { ...base, chat: { platform: "console", id: ID, kind: "private", title: NAME }, addressedToBot: true };
}
const from = (person: string, text: string, chat: string | null = null) => message(chat, person, text, { id: `dr-${++n}` });

type App = Awaited<ReturnType<typeof demoApp>>["app"];

/** Rows of every table whose TEXT columns contain `needle`, as "Table.column". */
async function holding(app: App, needle: string): Promise<string[]> {
  const tables = await app.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const columns = await app.prisma.$queryRawUnsafe<Array<{ name: string; type: string }>>(`PRAGMA table_info("${name}")`);
    for (const column of columns.filter((one) => one.type.toUpperCase() === "TEXT")) {
      const rows = await app.prisma.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT COUNT(*) AS n FROM "${name}" WHERE instr("${column.name}", ?) > 0`, needle);
      if (Number(rows[0]!.n) > 0) found.push(`${name}.${column.name}`);
    }
  }
  return found;
}

/** Balance of every person's account, by person id. */
async function balances(app: App): Promise<Map<number | null, number>> {
  const accounts = await app.prisma.timeAccount.findMany({ include: { entries: true } });
  return new Map(accounts.map((one) => [one.personId, one.entries.reduce((sum, entry) => sum + entry.minutes, 0)]));
}

async function digestMinutes(app: App) {
  const uow = new PrismaUnitOfWork(app.db, new VirtualClock(T0));
  const community = await app.prisma.community.findFirstOrThrow();
  const chat = await app.prisma.chat.findFirstOrThrow({ where: { externalId: GROUP } });
  const span = { from: new Date(T0.getTime() - 24 * HOUR), to: new Date(T0.getTime() + 24 * HOUR) };
  return uow.run(async (repos) => ({
    byCategory: (await repos.digests.figures(community.id, null, span)).minutesByCategory,
    group: (await repos.digests.groupWeek(chat.id, span)).minutes,
  }));
}

/** 赵小梅 registers, gives her phone, volunteers, earns 2 hours, asks for help, and a coordinator reads her card. */
async function herHistory(app: App, adapter: FakeAdapter) {
  const say = async (one: InboundMessage) => {
    expect(await app.pipeline.handle(one)).toBe("handled");
    await app.dispatcher.drain();
  };
  await say(fromHer(`/register 3-${ROOM}`, false));
  await say(fromHer(`/phone ${PHONE}`, false));
  await say(fromHer("/volunteer 修自行车", false));
  await app.prisma.volunteerProfile.updateMany({ where: { person: { displayName: NAME } }, data: { emergencyPhone: CARD_PHONE } });
  await say(fromHer("今天帮李奶奶读报2小时", true));
  await say(from("李奶奶", "/confirm 1"));
  await say(fromHer("谁能帮我修一下水龙头", true));
  await say(from("孙主任", `/card ${NAME}`));
  expect(adapter.sent.some((sent) => sent.message.text.includes(CARD_PHONE))).toBe(true);
}

describe("a resident's own data (SQLite)", () => {
  it("sends /mydata privately: the group gets only a note", async () => {
    const { app, adapter } = await demoApp(db.url);
    await herHistory(app, adapter);
    const before = adapter.sent.length;
    await app.pipeline.handle(fromHer("/我的数据", true));
    await app.dispatcher.drain();
    const sent = adapter.sent.slice(before);
    expect(sent.filter((one) => one.to === "chat").map((one) => [one.id, one.message.text])).toEqual([[GROUP, "已私信发给您。"]]);
    const report = sent.filter((one) => one.to === "user" && one.id === ID).map((one) => one.message.text).join("\n");
    for (const part of [NAME, PHONE, CARD_PHONE, ROOM, "修自行车", "余额：2 小时", GROUP, "谁能帮我修一下水龙头"]) expect(report).toContain(part);
    await app.close();
  });

  it("after /forgetme confirm holds nothing of her, keeps the ledger balanced and the digest's hours; she comes back new", async () => {
    const { app, adapter } = await demoApp(db.url, new FakeAdapter("console", { buttons: true }));
    await herHistory(app, adapter);
    for (const needle of [NAME, PHONE, ROOM, CARD_PHONE]) expect(await holding(app, needle)).not.toEqual([]);
    const her = (await app.prisma.person.findFirstOrThrow({ where: { displayName: NAME } })).id;
    const balancesBefore = await balances(app);
    const digestBefore = await digestMinutes(app);
    expect(digestBefore.group).toBe(120);
    const people = await app.prisma.person.count();

    const asked = adapter.sent.length;
    await app.pipeline.handle(fromHer("/删除我的数据", false));
    await app.dispatcher.drain();
    const question = adapter.sent[asked]!;
    expect(question.message.text).toContain("时间银行余额 2 小时将捐入社区基金");
    const confirm = question.message.buttons!.find((one) => one.label === "确认删除")!.reply;
    // Someone else's copy of the confirmation is refused, politely, and changes nothing.
    const other = adapter.sent.length;
    await app.pipeline.handle(from("王秀英", confirm, GROUP));
    await app.dispatcher.drain();
    expect(adapter.sent.slice(other).map((one) => [one.id, one.message.text])).toEqual([
      ["王秀英", "这个确认已过期或不是发给您的，什么都没有删除。如需删除请重新发送 /删除我的数据。"],
      [GROUP, "已私信发给您。"],
    ]);
    expect(await app.prisma.person.findUniqueOrThrow({ where: { id: her } })).toMatchObject({ displayName: NAME, phone: PHONE });

    const confirmed = adapter.sent.length;
    await app.pipeline.handle(fromHer(confirm, false));
    await app.dispatcher.drain();
    const after = adapter.sent.slice(confirmed);
    expect(after.at(-1)!.message.text).toBe("您的数据已删除。谢谢您为邻里做的一切！以后再来，我会当作新朋友认识您。");
    // The volunteers pinged for her request hear it is cancelled.
    expect(after.filter((one) => one.message.text === "求助 #1 的发起人已注销，求助已取消，谢谢您！").length).toBeGreaterThan(0);

    for (const needle of [NAME, PHONE, ROOM, CARD_PHONE]) expect(await holding(app, needle), needle).toEqual([]);
    expect(await app.prisma.person.findUniqueOrThrow({ where: { id: her } })).toMatchObject({ displayName: "已注销的邻居", phone: null, room: null, buildingId: null });
    const unbalanced = await app.prisma.$queryRawUnsafe<unknown[]>(`SELECT "transferId" FROM "LedgerEntry" GROUP BY "transferId" HAVING SUM("minutes") <> 0`);
    expect(unbalanced).toEqual([]);
    const balancesAfter = await balances(app);
    for (const [personId, minutes] of balancesBefore) if (personId !== null && personId !== her) expect(balancesAfter.get(personId), `person ${personId}`).toBe(minutes);
    expect(balancesAfter.get(her)).toBe(0);
    expect(balancesAfter.get(null)).toBe(balancesBefore.get(null)! + 120);
    expect(await digestMinutes(app)).toEqual(digestBefore);
    expect(await app.prisma.auditLog.findFirst({ where: { action: "person.forgotten" } })).toMatchObject({ subjectId: String(her) });

    // Writing again, she is someone new (the pipeline's cache of people forgot her too).
    await app.pipeline.handle(fromHer("/mydata", false));
    await app.dispatcher.drain();
    expect(await app.prisma.person.count()).toBe(people + 1);
    const fresh = await app.prisma.person.findFirstOrThrow({ where: { displayName: NAME } });
    expect(fresh.id).not.toBe(her);
    expect(adapter.sent.at(-1)!.message.text).not.toContain(PHONE);
    await app.close();
  });

  it("refuses a confirmation that has expired", async () => {
    const { app, adapter } = await demoApp(db.url, new FakeAdapter("console", { buttons: true }));
    await app.pipeline.handle(fromHer("/forgetme", false));
    await app.dispatcher.drain();
    const confirm = adapter.sent.at(-1)!.message.buttons![0]!.reply;
    app.clock.advance(31 * 60_000);
    await app.pipeline.handle(fromHer(confirm, false));
    await app.dispatcher.drain();
    expect(adapter.sent.at(-1)!.message.text).toBe("这个确认已过期或不是发给您的，什么都没有删除。如需删除请重新发送 /删除我的数据。");
    expect(await app.prisma.person.count({ where: { displayName: NAME } })).toBe(1);
    await app.close();
  });
});
