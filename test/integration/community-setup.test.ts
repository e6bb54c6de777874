import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/chat/types.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

type App = Awaited<ReturnType<typeof testApp>>;
const admin = { sender: { platform: "console" as const, id: "周大姐", displayName: "周大姐", isAdmin: true } };

async function say(app: App, adapter: FakeAdapter, msg: InboundMessage): Promise<string[]> {
  const before = adapter.sent.length;
  await app.pipeline.handle(msg);
  await app.dispatcher.drain();
  return adapter.texts().slice(before);
}

async function makeCoordinator(app: App, name: string) {
  const person = await app.prisma.person.findFirstOrThrow({ where: { displayName: name } });
  await app.prisma.roleAssignment.create({ data: { communityId: person.communityId, personId: person.id, role: "coordinator" } });
}

describe("setting up the community from the chat", () => {
  it("lets a group admin bind the group to a building, and refuses others", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    expect(await say(app, adapter, message("三号楼群", "王秀英", "/绑定 3栋"))).toEqual(["这个命令需要群管理员或协调员来发。"]);
    expect(await say(app, adapter, message("三号楼群", "周大姐", "/绑定 3栋", admin))).toEqual(["好的，本群已设为3栋的群。"]);
    const chat = await app.prisma.chat.findFirstOrThrow({ where: { title: "三号楼群" }, include: { building: { include: { grid: true } } } });
    expect(chat.building).toMatchObject({ key: "3", grid: { isDefault: true } });
    expect(await say(app, adapter, message("三号楼群", "周大姐", "/绑定 大的那栋", admin))).toEqual([
      "请这样设置：/绑定 3栋，或 /兴趣群 社区花园。",
    ]);
    expect(await say(app, adapter, message("Garden", "Ann", "/interest gardening", { sender: { platform: "console", id: "Ann", displayName: "Ann", isAdmin: true } }))).toEqual([
      "Done: this group is now the group of gardening.",
    ]);
    expect(await app.prisma.chat.findFirstOrThrow({ where: { title: "Garden" } })).toMatchObject({ interest: "gardening", buildingId: null });
    await app.close();
  });

  it("lets a coordinator put buildings in a grid and name a grid captain", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    expect(await say(app, adapter, message("协调群", "孙主任", "/网格 东区 1 2 3栋"))).toEqual(["这个命令需要社区协调员来发。"]);
    await makeCoordinator(app, "孙主任");
    expect(await say(app, adapter, message("协调群", "孙主任", "/网格 东区 1 2 3栋"))).toEqual(["已把 1栋、2栋、3栋 划入东区。"]);
    const grid = await app.prisma.grid.findFirstOrThrow({ where: { name: "东区" }, include: { buildings: { orderBy: { key: "asc" } } } });
    expect(grid.buildings.map((b) => b.key)).toEqual(["1", "2", "3"]);
    const mention = { platform: "console" as const, id: "周大姐", displayName: "周大姐" };
    expect(await say(app, adapter, message("协调群", "孙主任", "/网格长 @周大姐 东区", { mentions: [mention] }))).toEqual([
      "周大姐 现在是东区的网格长。",
    ]);
    const captain = await app.prisma.roleAssignment.findFirstOrThrow({ where: { role: "grid_captain" }, include: { person: true } });
    expect(captain).toMatchObject({ gridId: grid.id, person: { displayName: "周大姐" } });
    expect(await say(app, adapter, message("协调群", "孙主任", "/网格长 东区"))).toEqual(["请这样设置网格长：/网格长 @某人 东区。"]);
    await app.close();
  });

  it("enrols volunteers by command or by an offer, and sets quiet hours", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    expect(await say(app, adapter, message("3栋群", "王师傅", "/志愿者 修水管 电工"))).toEqual([
      "谢谢您当志愿者（修水管、电工）！有邻居需要时我会私信问您，方便再接。",
    ]);
    expect(await say(app, adapter, message("3栋群", "王师傅", "我家有梯子和工具箱，谁要用直接找我，2栋301"))).toEqual([
      "谢谢您当志愿者（梯子、工具箱）！有邻居需要时我会私信问您，方便再接。",
    ]);
    expect(await say(app, adapter, message(null, "王师傅", "/免打扰 22:00-7:00"))).toEqual(["好的，22:00 到 07:00 不打扰您（紧急求救除外）。"]);
    const profile = await app.prisma.volunteerProfile.findFirstOrThrow();
    expect(profile).toMatchObject({ active: true, quietFrom: 22 * 60, quietTo: 7 * 60 });
    expect(JSON.parse(profile.skills)).toEqual(["修水管", "电工"]);
    expect(JSON.parse(profile.items)).toEqual(["梯子", "工具箱"]);
    expect(await say(app, adapter, message(null, "王师傅", "/免打扰 关"))).toEqual(["好的，已取消免打扰。"]);
    expect(await app.prisma.volunteerProfile.findFirstOrThrow()).toMatchObject({ quietFrom: null, quietTo: null });
    expect(await say(app, adapter, message(null, "王师傅", "/quiet sometimes"))).toEqual([
      "To set quiet hours: /quiet 22:00-07:00; to turn them off: /quiet off.",
    ]);
    await app.close();
  });
});
