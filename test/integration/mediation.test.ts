/**
 * Mediation as conversations on a real database, the demo community and the virtual clock: a dispute raised in a group
 * (in Chinese and in English) is passed on privately and nothing of it appears in any group message, checked word by
 * word; the mediator gets it privately, takes it with "1", keeps a log, invites the other party (who answers "1") and
 * closes it; the resident is asked a week later; a case nobody takes goes to the coordinators after 48 hours; the
 * weekly summaries and the digest show none of it.
 */
import { describe, expect, it } from "vitest";
import type { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const GROUP = "3栋邻里群";
const DISPUTE = "楼上天天半夜跺脚，能不能帮忙协调一下";
const ENGLISH = "The people upstairs stomp around every night at 2am, could someone help mediate?";

const group = (person: string, text: string) => message(GROUP, person, text);
const dm = (person: string, text: string) => message(null, person, text);

/**
 * The pieces of a text a reader would recognise it by: every CJK bigram, and every Latin word longer than three
 * letters ("the", "at" and "2am" say nothing about the dispute).
 */
function piecesOf(text: string): string[] {
  const cjk = [...text.matchAll(/\p{Script=Han}+/gu)].flatMap(([run]) => Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)));
  const words = [...text.toLowerCase().matchAll(/[a-z]{4,}/gu)].map(([word]) => word);
  return [...new Set([...cjk, ...words])];
}

/** Every piece of `text` found in a message the bot sent to a group, as "group: piece". */
function leaks(adapter: FakeAdapter, text: string): string[] {
  const pieces = piecesOf(text);
  return adapter.sent
    .filter((sent) => sent.to === "chat" && !sent.id.startsWith("dm:"))
    .flatMap((sent) => {
      const words = new Set(sent.message.text.toLowerCase().match(/[a-z]+/gu) ?? []);
      return pieces.filter((piece) => (/^[a-z]/u.test(piece) ? words.has(piece) : sent.message.text.includes(piece))).map((piece) => `${sent.id}: ${piece}`);
    });
}

describe("mediation: conversations on the clock", () => {
  it("keeps a dispute raised in a group out of the group, from opening to the follow-up a week after closing", async () => {
    const { app, adapter } = await demoApp(db.url);
    expect(piecesOf(DISPUTE)).toEqual(expect.arrayContaining(["楼上", "半夜", "跺脚", "协调"]));

    const raised = await say(app, adapter, group("王秀英", DISPUTE));
    expect(raised).toEqual([
      ["chat", GROUP, "已私下转给调解员，不在群里讨论。"],
      ["user", "王秀英", "您说的事已记为调解 #1，已私下转给调解员。有人接手后我会告诉您谁会联系您；这件事不会在群里讨论。"],
      ["user", "孙主任", `调解 #1（噪音）：王秀英 请人调解：“${DISPUTE}”\n请私下处理，不要在群里讨论。接案请回复 /接案 1\n请回复数字：1 接案`],
    ]);

    // "1" takes it: the mediator gets the resident's phone-less card (room), the resident the mediator's name.
    expect(await say(app, adapter, dm("孙主任", "1"))).toEqual([
      ["chat", "dm:孙主任", "调解 #1 由您跟进。王秀英，住 3栋 302。\n记录：/调解 1 记录 …；邀请对方：/调解 1 邀请 姓名；结案：/调解 1 结案 已解决 | 转介 物业 | 撤回"],
      ["user", "王秀英", "调解 #1：孙主任 会私下联系您。"],
    ]);
    // Case actions in the group: a request to write privately, nothing more.
    expect(await say(app, adapter, group("孙主任", "/调解 1 记录 楼上是赵老师家"))).toEqual([["chat", GROUP, "调解的事请私信我，不在群里说。"]]);
    expect(await say(app, adapter, dm("孙主任", "/调解 1 记录 楼上是赵老师家 先打电话"))).toEqual([["chat", "dm:孙主任", "已记在调解 #1 的记录里（只有调解员和协调员能看到）。"]]);

    // The other party is asked with the kind only, and answers "1".
    const invited = await say(app, adapter, dm("孙主任", "/调解 1 邀请 赵老师"));
    expect(invited).toEqual([
      ["user", "赵老师", "您好，有位邻居想和您一起把噪音的事情说开，您愿意谈一谈吗？\n请回复数字：1 愿意 / 2 不愿意"],
      ["chat", "dm:孙主任", "已私下问 赵老师 是否愿意沟通（调解 #1），有回复我会告诉您。"],
    ]);
    expect(piecesOf(DISPUTE).filter((piece) => String(invited[0]![2]).includes(piece))).toEqual([]);
    expect(await say(app, adapter, dm("赵老师", "1"))).toEqual([
      ["chat", "dm:赵老师", "谢谢您，调解员会私下联系您。"],
      ["user", "孙主任", "调解 #1：赵老师 愿意沟通。"],
    ]);

    expect(await say(app, adapter, dm("孙主任", "/调解 1 结案 已解决"))).toEqual([
      ["chat", "dm:孙主任", "调解 #1 已结案：已解决。"],
      ["user", "王秀英", "您的调解 #1 已结案：已解决。谢谢您的耐心。"],
    ]);
    const stored = await app.prisma.mediationCase.findUniqueOrThrow({ where: { id: 1 }, include: { notes: true } });
    expect(stored).toMatchObject({ kind: "noise", state: "closed", outcome: "resolved", otherPartyAnswer: "agreed", description: DISPUTE });
    expect(stored.notes.map((note) => note.text)).toEqual(["楼上是赵老师家 先打电话"]);

    // A week on (across the weekly summaries and digests): the resident is asked, answers "2", the mediator hears it.
    const before = adapter.sent.length;
    for (let hour = 0; hour < (7 * DAY) / HOUR; hour += 1) {
      app.clock.advance(HOUR);
      await app.tick();
    }
    const week = adapter.sent.slice(before).map((sent) => [sent.to, sent.id, sent.message.text]);
    expect(week).toContainEqual(["user", "王秀英", "调解 #1 结案一周了，现在好些了吗？\n请回复数字：1 好多了 / 2 还是老样子"]);
    // The weekly digests went out privately to the coordinator and the captain: the case is a count there.
    const weekly = week.filter(([, , text]) => String(text).startsWith("📋 本周简报"));
    expect(weekly.map(([to, id]) => `${to}:${id}`)).toEqual(["user:孙主任", "user:周大姐"]);
    for (const [, , text] of weekly) expect(text).toContain("调解（本周新案）：已结案 1（+1）；按类别：噪音 1（+1）");
    expect(await say(app, adapter, dm("王秀英", "2"))).toEqual([
      ["chat", "dm:王秀英", "知道了，我会告诉调解员，再帮您想想办法。"],
      ["user", "孙主任", "调解 #1：居民说还是老样子，方便的话再联系一下。"],
    ]);
    expect(await app.prisma.mediationCase.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ followUp: "same" });

    // The digest (the coordinator's, privately) and the captain's weekly one carry nothing of the case.
    const digest = await say(app, adapter, dm("孙主任", "/digest"));
    expect(digest).toHaveLength(1);
    expect(digest[0]![2]).toMatch(/^📋 本周简报/u);
    const digests = [digest[0]![2], ...weekly.map(([, , text]) => text)];
    for (const text of digests) expect(piecesOf(DISPUTE).filter((piece) => String(text).includes(piece))).toEqual([]);
    expect(leaks(adapter, DISPUTE)).toEqual([]);
    await app.close();
  });

  it("answers an English dispute in English, with nothing of it in the group, and /mediate works privately", async () => {
    const { app, adapter } = await demoApp(db.url);
    expect(await say(app, adapter, message("GardenClub", "Emma", ENGLISH))).toEqual([
      ["chat", "GardenClub", "I've passed this on to a mediator privately; it won't be discussed in the group."],
      ["user", "Emma", "I've noted this as mediation #1 and passed it on to a mediator privately. Once someone takes it I'll tell you who will contact you. It won't be discussed in the group."],
      // 孙主任 set no language: the group's is used.
      ["user", "孙主任", `Mediation #1 (noise): Emma asks for mediation: "${ENGLISH}"\nPlease keep it private, not in the group. To take it, reply /take_case 1\nReply with a number: 1 Take the case`],
    ]);
    expect(await say(app, adapter, message("GardenClub", "孙主任", "/mediate 1 note spoke to them"))).toEqual([
      ["chat", "GardenClub", "Please message me privately about mediation; it isn't discussed in the group."],
    ]);
    await say(app, adapter, dm("孙主任", "/take_case 1"));
    expect(await say(app, adapter, dm("孙主任", "/mediate 1 close referred residents' committee"))).toEqual([
      ["chat", "dm:孙主任", "Mediation #1 is closed: referred to the residents' committee."],
      ["user", "Emma", "Your mediation #1 is closed: referred to the residents' committee. Thank you for your patience."],
    ]);
    expect(leaks(adapter, ENGLISH)).toEqual([]);
    await app.close();
  });

  it("sends a case nobody took in 48 hours to the coordinators, privately with its content, and tells the mediators when one takes it", async () => {
    const { app, adapter } = await demoApp(db.url);
    // 刘医生 mediates 东区网格 (3栋's grid); 孙主任 is a community-wide mediator and the coordinator.
    const east = await app.prisma.grid.findFirstOrThrow({ where: { name: "东区网格" } });
    const doctor = await app.prisma.person.findFirstOrThrow({ where: { displayName: "刘医生" } });
    await app.prisma.roleAssignment.create({ data: { communityId: east.communityId, personId: doctor.id, role: "mediator", gridId: east.id } });
    const raised = await say(app, adapter, group("李奶奶", "楼上漏水到我家了，能不能帮忙协调"));
    expect(raised.filter(([to]) => to === "user").map(([, id]) => id)).toEqual(["李奶奶", "孙主任", "刘医生"]);

    const before = adapter.sent.length;
    app.clock.advance(48 * HOUR - 60_000);
    await app.tick();
    expect(adapter.sent.slice(before).filter((sent) => /调解/u.test(sent.message.text))).toEqual([]);
    app.clock.advance(60_000);
    await app.tick();
    const escalated = adapter.sent.slice(before).filter((sent) => /调解 #1/u.test(sent.message.text)).map((sent) => [sent.to, sent.id, sent.message.text]);
    expect(escalated).toEqual([["user", "孙主任", "调解 #1（漏水）已 48 小时没有调解员接手：李奶奶：“楼上漏水到我家了，能不能帮忙协调”\n接案请回复 /接案 1\n请回复数字：1 接案"]]);

    expect(await say(app, adapter, dm("孙主任", "1"))).toEqual([
      ["chat", "dm:孙主任", "调解 #1 由您跟进。李奶奶，住 3栋 101。\n记录：/调解 1 记录 …；邀请对方：/调解 1 邀请 姓名；结案：/调解 1 结案 已解决 | 转介 物业 | 撤回"],
      ["user", "刘医生", "调解 #1 已有人接手，谢谢您。"],
      ["user", "李奶奶", "调解 #1：孙主任 会私下联系您。"],
    ]);
    expect(leaks(adapter, "楼上漏水到我家了，能不能帮忙协调")).toEqual([]);
    await app.close();
  });

  it("lists a resident's case in /mydata, and /forgetme empties its content and its log", async () => {
    const { app, adapter } = await demoApp(db.url);
    await say(app, adapter, group("王秀英", DISPUTE));
    await say(app, adapter, dm("孙主任", "/接案 1"));
    await say(app, adapter, dm("孙主任", "/调解 1 记录 王秀英 说每晚十二点以后"));
    const mine = await say(app, adapter, dm("王秀英", "/mydata"));
    expect(mine.map(([, , text]) => text).join("\n")).toContain(`调解 #1 ${DISPUTE} — 已有人接手`);
    const confirm = await say(app, adapter, dm("王秀英", "/forgetme"));
    expect(confirm.at(-1)![2]).toMatch(/确定要删除您的数据吗/u);
    await say(app, adapter, dm("王秀英", "1"));
    const stored = await app.prisma.mediationCase.findUniqueOrThrow({ where: { id: 1 }, include: { notes: true } });
    expect([stored.description, stored.notes.map((note) => note.text)]).toEqual(["", [""]]);
    await app.close();
  });
});
