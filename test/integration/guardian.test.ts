/**
 * Guardian mode (issue 17, item 3) as whole conversations on the demo community, a real database and the virtual
 * clock: the coordinator 孙主任 registers 赵奶奶 (no smartphone, in no chat), raises a request for her in the group, a
 * volunteer takes it and the coordinator is told, prefixed "（代赵奶奶）"; the volunteer marks it done with hours and
 * the coordinator confirms the credit with "1", moving the ledger. Everything done for her is in the audit log with who
 * acted, and the group hears nothing about her (the privacy scanner checks every group message).
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say } from "../support/app.ts";
import { useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();
const GROUP = "3栋邻里群";

const group = (person: string, text: string) => message(GROUP, person, text);
const dm = (person: string, text: string) => message(null, person, text);

describe("guardian mode", () => {
  it("lets a coordinator act for an offline elder: register, request, the volunteer's news, and confirming her credit with 1", async () => {
    const { app, adapter } = await demoApp(db.url, new FakeAdapter());
    const coordinator = await app.prisma.person.findFirstOrThrow({ where: { displayName: "孙主任" } });
    expect(await say(app, adapter, dm("孙主任", "/代管 赵奶奶 3栋103"))).toEqual([
      ["chat", "dm:孙主任", "已登记代管赵奶奶（3栋103）。给赵奶奶的消息会私信发给您，开头写着“（代赵奶奶）”；为她求助请用 /代办 赵奶奶 …"],
    ]);
    const elder = await app.prisma.person.findFirstOrThrow({ where: { displayName: "赵奶奶" }, include: { identities: true, building: true } });
    expect(elder).toMatchObject({ guardianId: coordinator.id, room: "103", identities: [], building: { name: "3栋" } });

    // The request, raised in the group: the group sees what any request shows, and not whom it is for.
    const raised = await say(app, adapter, group("孙主任", "/代办 赵奶奶 明天上午陪去医院"));
    expect(raised.filter(([to]) => to === "chat")).toEqual([
      ["chat", GROUP, "收到求助 #1，我正在私信联系附近的志愿者，有人接单会告诉您。不需要了请回复“不用了”。"],
      ["chat", GROUP, "以上是代老人发出的求助，进展会私信告诉您。"],
    ]);
    expect(raised).toContainEqual(["user", "张阿姨", "求助 #1：赵奶奶（3栋）需要帮忙——明天上午陪去医院\n请回复数字：1 接单 / 2 不方便"]);
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ requesterId: elder.id, chatId: (await app.prisma.chat.findFirstOrThrow({ where: { externalId: GROUP } })).id, state: "open" });

    // The volunteer takes it with "1": the guardian hears the elder's news, prefixed; the volunteer is told whom to message.
    const taken = await say(app, adapter, dm("张阿姨", "1"));
    expect(taken.slice(0, 2)).toEqual([
      ["user", "张阿姨", "谢谢您接下求助 #1！请联系赵奶奶（3栋），可以在群里@TA或私信。完成后回复 /完成 1。\n赵奶奶不用手机，由孙主任代为联系，请私信孙主任。"],
      ["user", "孙主任", "（代赵奶奶）好消息：张阿姨接下了您的求助 #1，会尽快联系您。"],
    ]);

    // Done with hours: the guardian is asked to confirm for her, and confirms with "1".
    expect(await say(app, adapter, dm("张阿姨", "/完成 1 2小时"))).toEqual([
      ["chat", "dm:张阿姨", "求助 #1 已完成，辛苦了！已为您记下 2 个时间币。"],
      ["user", "孙主任", "（代赵奶奶）求助 #1 已完成，谢谢张阿姨！已为张阿姨记下 2 个时间币。\n请确认时间币 #1：张阿姨帮赵奶奶「明天上午陪去医院」，2 小时。\n请回复数字：1 确认 / 2 有出入"],
    ]);
    expect(await say(app, adapter, dm("孙主任", "1"))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"],
      ["chat", "dm:孙主任", "已确认 #1，谢谢！"],
    ]);
    expect(await app.prisma.pendingCredit.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "confirmed", beneficiaryId: elder.id, minutes: 120 });
    const helper = await app.prisma.person.findFirstOrThrow({ where: { displayName: "张阿姨" } });
    const entries = await app.prisma.ledgerEntry.findMany({ include: { account: true } });
    expect(entries.map((entry) => [entry.account.personId, entry.minutes]).sort()).toEqual([[helper.id, 120], [null, -120]].sort());

    // Who acted for her, in the audit log.
    const audit = await app.prisma.auditLog.findMany({ where: { actorId: coordinator.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, JSON.parse(row.detail ?? "{}").onBehalfOf])).toEqual([
      ["guardian.registered", elder.id],
      ["guardian.request", elder.id],
      ["credit.confirmed", elder.id],
    ]);

    // Her list is private: from the group, only "sent privately".
    expect(await say(app, adapter, group("孙主任", "/代管"))).toEqual([
      ["user", "孙主任", "您代管的老人：\n赵奶奶（3栋103）"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    await app.close();
  });

  it("lets a guardian who is no longer a coordinator still act for her, and close her request as her", async () => {
    const { app, adapter } = await demoApp(db.url, new FakeAdapter());
    await say(app, adapter, dm("孙主任", "/guardian 赵奶奶 3-103"));
    const coordinator = await app.prisma.person.findFirstOrThrow({ where: { displayName: "孙主任" } });
    await app.prisma.roleAssignment.deleteMany({ where: { personId: coordinator.id, role: "coordinator" } });
    expect((await say(app, adapter, dm("孙主任", "/on_behalf 赵奶奶 帮忙买菜"))).at(-1)).toEqual(["chat", "dm:孙主任", "以上是代赵奶奶发出的求助，进展会私信告诉您。"]);
    await say(app, adapter, dm("张阿姨", "/接单 1"));
    // Someone who is not a party may not close it; her guardian may, as her.
    expect(await say(app, adapter, dm("王秀英", "/完成 1"))).toEqual([["chat", "dm:王秀英", "只有求助人、接单的志愿者或协调员能结束求助 #1。"]]);
    const done = await say(app, adapter, dm("孙主任", "/完成 1"));
    expect(done[0]).toEqual(["chat", "dm:孙主任", expect.stringContaining("求助 #1")]);
    expect(await app.prisma.helpRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: "done" });
    const elder = await app.prisma.person.findFirstOrThrow({ where: { displayName: "赵奶奶" } });
    const closed = await app.prisma.auditLog.findFirstOrThrow({ where: { action: "request.done" } });
    expect(closed).toMatchObject({ actorId: coordinator.id, subjectId: "1" });
    expect(JSON.parse(closed.detail ?? "{}")).toMatchObject({ onBehalfOf: elder.id });
    // Registering someone new is a coordinator's: refused now.
    expect(await say(app, adapter, dm("孙主任", "/代管 钱奶奶 3栋104"))).toEqual([["chat", "dm:孙主任", expect.stringContaining("协调员")]]);
    await app.close();
  });
});
