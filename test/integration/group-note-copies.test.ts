import { describe, expect, it } from "vitest";
import { compareWithLastCopy } from "../../src/features/events/compare-group-note.ts";
import { parse } from "../../src/app/parser.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

const context = { now: T0, timeZone: "Asia/Shanghai", botNames: ["邻里小助手"] };

function listOf(text: string) {
  const intent = parse(text, context);
  if (intent.kind !== "signup" || !intent.list) throw new Error(`not a 接龙 list: ${text}`);
  return intent.list;
}

describe("接龙 re-posts", () => {
  it("are compared with the last copy of the same list in the same chat", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    const community = await app.prisma.community.create({ data: { name: "c" } });
    const garden = await app.prisma.chat.create({
      data: { communityId: community.id, platform: "console", externalId: "g", kind: "group", title: "g" },
    });
    const other = await app.prisma.chat.create({
      data: { communityId: community.id, platform: "console", externalId: "h", kind: "group", title: "h" },
    });
    const uow = new PrismaUnitOfWork(app.db, app.clock);
    const compare = (chatId: number, text: string) => uow.run((repos) => compareWithLastCopy(repos, chatId, listOf(text)));

    const first = "#接龙\n周六上午9点 邻里花园除草\n\n1. 张伟\n2. 王秀英";
    expect(await compare(garden.id, first)).toEqual({ added: ["张伟", "王秀英"], removed: [], edited: [] });
    expect(await compare(garden.id, `${first}\n3. 刘洋`)).toEqual({ added: ["刘洋"], removed: [], edited: [] });
    expect(await compare(garden.id, "#接龙\n周六上午9点 邻里花园除草\n\n1. 张伟\n2. 刘洋 +1")).toEqual({
      added: [],
      removed: ["王秀英"],
      edited: [{ from: "刘洋", to: "刘洋 +1" }],
    });
    // Another chat, or another title, has its own last copy.
    expect(await compare(other.id, first)).toEqual({ added: ["张伟", "王秀英"], removed: [], edited: [] });
    expect(await compare(garden.id, "#接龙\n周日包饺子\n1. 张伟")).toEqual({ added: ["张伟"], removed: [], edited: [] });
    expect(await app.prisma.chatList.count()).toBe(3);
    await app.close();
  });
});
