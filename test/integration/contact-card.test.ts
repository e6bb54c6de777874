import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, say, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();



describe("the emergency contact card", () => {
  it("keeps phones out of groups and shows cards only to captains and coordinators, privately", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    expect(await say(app, adapter, message("3栋群", "王师傅", "/电话 13800000001"))).toEqual([
      ["chat", "3栋群", "电话号码请私聊我发，不要发在群里。"],
    ]);
    expect(await app.prisma.person.findFirstOrThrow({ where: { displayName: "王师傅" } })).toMatchObject({ phone: null });
    expect(await say(app, adapter, message(null, "王师傅", "/电话 138 0000 0001"))).toEqual([
      ["chat", "dm:王师傅", "已保存您的电话，只有网格长和协调员在紧急时能看到。"],
    ]);
    await say(app, adapter, message(null, "王师傅", "/登记 3-601"));
    await say(app, adapter, message("3栋群", "王师傅", "/志愿者 修水管"));
    expect(await say(app, adapter, message(null, "王师傅", "/每天最多 3"))).toEqual([
      ["chat", "dm:王师傅", "好的，每天最多问您 3 次（紧急求救除外）。"],
    ]);
    expect(await app.prisma.volunteerProfile.findFirstOrThrow()).toMatchObject({ maxPingsPerDay: 3 });

    const mention = { mentions: [{ platform: "console" as const, id: "王师傅", displayName: "王师傅" }] };
    expect(await say(app, adapter, message("3栋群", "李奶奶", "/联系卡 @王师傅", mention))).toEqual([
      ["chat", "3栋群", "应急联系卡只有网格长和协调员能查看。"],
    ]);
    const captain = await app.prisma.person.create({ data: { communityId: 1, displayName: "周大姐", identities: { create: { platform: "console", externalId: "周大姐", displayName: "周大姐" } } } });
    await app.prisma.roleAssignment.create({ data: { communityId: 1, personId: captain.id, role: "grid_captain" } });
    expect(await say(app, adapter, message("3栋群", "周大姐", "/联系卡 @王师傅", mention))).toEqual([
      ["user", "周大姐", "应急联系卡：王师傅\n住址：3栋 601\n电话：13800000001\n能力：修水管"],
      ["chat", "3栋群", "已私信发给您。"],
    ]);
    expect(await say(app, adapter, message(null, "周大姐", "/card 没这个人"))).toEqual([["chat", "dm:周大姐", "没找到“没这个人”。"]]);

    const groupTexts = adapter.sent.filter((sent) => sent.to === "chat" && !sent.id.startsWith("dm:")).map((sent) => sent.message.text);
    for (const text of groupTexts) expect(text).not.toMatch(/13800000001|601/u);
    await app.close();
  });
});
