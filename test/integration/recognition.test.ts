/**
 * Recognition as conversations on a real database, the demo community and the virtual clock (community time
 * Asia/Shanghai; the demo starts Wednesday 2026-11-25 10:00): on the first of the month at 09:00 each group hears its
 * 邻里之星 of the month before, in its language, with opted-out neighbours only counted; milestones of confirmed hours
 * are told privately once (and in the groups only when the person allows it); `/证书` sends a PNG certificate card.
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";
import { decodePng } from "../support/png.ts";

const db = useTempDatabase();
const GROUP = "3栋邻里群";

const group = (person: string, text: string, chat = GROUP) => message(chat, person, text);
const dm = (person: string, text: string) => message(null, person, text);

type App = Awaited<ReturnType<typeof demoApp>>["app"];

/** A demo app whose adapter takes photos (as every real platform does). */
const demo = (env: Record<string, string> = {}) => demoApp(db.url, new FakeAdapter("console", { photos: true }), { env });

/** `beneficiary` says `helper` helped for `hours` (in `chat`) and the helper confirms it; what went out. */
async function helped(app: App, adapter: FakeAdapter, helper: string, beneficiary: string, hours: number, chat = GROUP) {
  const words = /^[A-Za-z]/u.test(helper) ? `${helper} helped me with reading for ${hours} hours` : `${helper}帮我读报${hours}小时`;
  await say(app, adapter, group(beneficiary, words, chat));
  const credit = await app.prisma.pendingCredit.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(credit).toMatchObject({ minutes: hours * 60, state: "pending", helperId: (await app.prisma.person.findFirstOrThrow({ where: { displayName: helper } })).id });
  return say(app, adapter, dm(helper, `/confirm ${credit.id}`));
}

/** Move the clock to a local time ("2026-12-01 09:00") and run what is due (twice: a job's fan-out runs next); what went out. */
async function at(app: App, adapter: FakeAdapter, local: string) {
  const before = adapter.sent.length;
  app.clock.set(new Date(`${local.replace(" ", "T")}:00+08:00`));
  await app.tick();
  await app.tick();
  return adapter.sent.slice(before).map((sent) => [sent.to, sent.id, sent.message.text]);
}

describe("邻里之星 each month", () => {
  it("posts each group's top three of the month on the 1st at 09:00, in its language, never naming who opted out", async () => {
    const { app, adapter } = await demo();
    await helped(app, adapter, "王师傅", "王秀英", 3);
    await helped(app, adapter, "张阿姨", "李奶奶", 2);
    await helped(app, adapter, "陈司机", "李奶奶", 1);
    await say(app, adapter, group("李奶奶", "谢谢赵老师辅导作业"));
    // 刘医生 helps the most, but chose not to be named.
    await say(app, adapter, dm("刘医生", "/不留名"));
    await helped(app, adapter, "刘医生", "李奶奶", 4);
    // In the English group: Emma helped (in another group) and was thanked here.
    await helped(app, adapter, "Emma", "钱大爷", 2, "花园兴趣群");
    await say(app, adapter, group("孙主任", "Thanks Emma for the seedlings", "GardenClub"));

    // Nothing before the 1st; at 09:00 on the 1st, each group with helpers hears its stars.
    expect(await at(app, adapter, "2026-12-01 08:59")).toEqual([]);
    const sent = await at(app, adapter, "2026-12-01 09:00");
    expect(sent).toContainEqual([
      "chat",
      GROUP,
      "🌟 3栋邻里群 11月邻里之星\n🥇 王师傅：服务 3 小时\n🥈 张阿姨：服务 2 小时\n🥉 陈司机：服务 1 小时\n还有 1 位不愿留名的邻里本月也出了力，一并感谢！\n（按本月确认的服务时长和收到的感谢排名）\n谢谢每一位搭把手的邻居，远亲不如近邻！",
    ]);
    expect(sent).toContainEqual([
      "chat",
      "GardenClub",
      "🌟 GardenClub: neighbours of the month for November\n🥇 Emma: 2 hours of help, thanked 1 time\n(ranked by confirmed hours of help and thanks received this month)\nThank you to everyone who lent a hand!",
    ]);
    expect(sent.filter(([, , text]) => text!.includes("刘医生"))).toEqual([]);
    // Once a month: nothing more that day, and the next month's job is in place for January 1st.
    expect(await at(app, adapter, "2026-12-01 18:00")).toEqual([]);
    expect(await app.prisma.scheduledJob.findFirst({ where: { kind: "month.stars", state: "pending" } })).toMatchObject({ dueAt: new Date("2027-01-01T09:00:00+08:00") });
    // December had nobody yet: January 1st posts nothing.
    expect(await at(app, adapter, "2027-01-01 09:00")).toEqual([]);
    await app.close();
  });
});

describe("milestones", () => {
  it("tells the helper privately once at 10 hours, and the groups only after /荣誉 公开", async () => {
    const { app, adapter } = await demo();
    await helped(app, adapter, "张阿姨", "李奶奶", 6);
    const crossing = await helped(app, adapter, "张阿姨", "李奶奶", 5);
    expect(crossing).toContainEqual([
      "user",
      "张阿姨",
      "🎉 恭喜！您在时间银行确认的志愿服务累计满 10 小时了。谢谢您一直为邻里搭把手！发 /证书 可以领一张荣誉证书。\n想让群里也为您点个赞吗？发 /荣誉 公开（随时可以 /荣誉 不公开）。",
    ]);
    expect(crossing.filter(([to, id]) => to === "chat" && id === GROUP)).toEqual([]);
    // Once: more hours below 50 tell nothing new.
    const again = await helped(app, adapter, "张阿姨", "李奶奶", 2);
    expect(again.filter(([, , text]) => text!.includes("🎉"))).toEqual([]);

    // 王师傅 allows it: at 10 hours his groups cheer too.
    expect(await say(app, adapter, group("王师傅", "/荣誉 公开"))).toEqual([
      ["user", "王师傅", "好的，以后满 10、50、100 小时的时候，也会在您所在的群里为您点赞。"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    const cheer = await helped(app, adapter, "王师傅", "王秀英", 10);
    expect(cheer).toContainEqual(["user", "王师傅", "🎉 恭喜！您在时间银行确认的志愿服务累计满 10 小时了。谢谢您一直为邻里搭把手！发 /证书 可以领一张荣誉证书。"]);
    expect(cheer).toContainEqual(["chat", GROUP, "🎉 王师傅 的志愿服务累计满 10 小时啦，谢谢您为邻里的付出！"]);
    expect(await app.prisma.honour.findMany({ orderBy: { personId: "asc" }, select: { public: true, milestoneHours: true } })).toEqual([
      { public: false, milestoneHours: 10 },
      { public: true, milestoneHours: 10 },
    ]);
    await app.close();
  });
});

describe("/证书", () => {
  it("sends a PNG certificate privately, in Chinese or English by the person's language", async () => {
    const { app, adapter } = await demo();
    await helped(app, adapter, "张阿姨", "李奶奶", 3);
    expect(await say(app, adapter, group("张阿姨", "/证书"))).toEqual([
      ["user", "张阿姨", "这是您的邻里互助荣誉证书（累计服务 3 小时），谢谢您！"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    const zh = adapter.sent.find((sent) => sent.to === "user" && sent.message.picture)!.message.picture!;
    expect(zh).toMatchObject({ name: "certificate.png", mime: "image/png" });
    expect(zh.bytes.length).toBeGreaterThan(15_000);
    expect(zh.bytes.length).toBeLessThan(200_000);
    const png = decodePng(zh.bytes);
    expect([png.width, png.height]).toEqual([1200, 800]);
    expect(png.pixel(10, 10)).toEqual([0xff, 0xf8, 0xe7, 255]); // the card's background
    expect(png.pixel(33, 400)).toEqual([0xc0, 0x39, 0x2b, 255]); // its red frame
    // Saved under the data folder, next to the database.
    expect(zh.path).toContain(`${db.url.slice("file:".length).replace(/linli\.db$/u, "")}pictures/`);

    // Emma (English) gets an English card; with no hours yet, a kind word instead.
    await helped(app, adapter, "Emma", "钱大爷", 2, "花园兴趣群");
    expect(await say(app, adapter, dm("Emma", "/certificate"))).toEqual([["chat", "dm:Emma", "Here is your certificate of neighbourly help (2 hours). Thank you!"]]);
    expect(decodePng(adapter.sent.at(-1)!.message.picture!.bytes).width).toBe(1200);
    expect(await say(app, adapter, dm("李奶奶", "/证书"))).toEqual([["chat", "dm:李奶奶", "您还没有确认过的服务时长。帮邻居搭把手、对方确认后，就可以领证书啦。"]]);
    await app.close();
  });

  it("says politely that certificates can't be made here when the font file is missing", async () => {
    const { app, adapter } = await demo({ CERTIFICATE_FONT: "/nonexistent/wqy-microhei.ttc" });
    await helped(app, adapter, "张阿姨", "李奶奶", 3);
    expect(await say(app, adapter, dm("张阿姨", "/证书"))).toEqual([
      ["chat", "dm:张阿姨", "抱歉，这台服务器上暂时做不了证书图片（缺少中文字体）。您的服务时长都记着，可以发 /余额 查看。"],
    ]);
    expect(adapter.sent.at(-1)!.message.picture).toBeUndefined();
    await app.close();
  });
});
