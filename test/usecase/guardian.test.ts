/**
 * Guardian mode on the fakes (no database): how people are reached when a coordinator acts for an elder in no chat.
 * `tell` reaches the guardian, prefixed with whom it is about; the guardian answers the elder's credit questions as
 * them (and nobody else does); a guardian never confirms a credit they earned themselves; ending guardian mode leaves
 * the elder unreachable again, with her credits back to the coordinators. Mirrors test/integration/guardian.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines } from "../support/fakes/world.ts";
import { tell } from "../../src/app/shared/tell.ts";
import { guardianOf } from "../../src/features/guardian/index.ts";

const GROUP = "3栋邻里群";

function registered() {
  const world = demoWorld();
  return { world, ready: world.say(world.message("/代管 赵奶奶 3栋103", "孙主任")) };
}

describe("guardian mode (use cases on fakes)", () => {
  it("registers an elder with no identity and reaches her through her guardian, prefixed, in the guardian's language", async () => {
    const { world, ready } = registered();
    expect(lines(await ready)).toEqual([["chat", "dm:孙主任", "已登记代管赵奶奶（3栋103）。给赵奶奶的消息会私信发给您，开头写着“（代赵奶奶）”；为她求助请用 /代办 赵奶奶 …"]]);
    const elder = world.state.people.find((one) => one.displayName === "赵奶奶")!;
    const coordinator = world.person("孙主任");
    expect(elder).toMatchObject({ guardianId: coordinator.id, room: "103" });
    expect(world.state.identities.filter((one) => one.personId === elder.id)).toEqual([]);
    const before = world.state.ids.outbox ?? 0;
    await world.uow.run(async (repos) => {
      expect(await guardianOf(repos, elder.id)).toBe(coordinator.id);
      expect(await guardianOf(repos, coordinator.id)).toBeNull();
      const reach = await repos.people.reach(elder.id);
      expect(reach).toMatchObject({ personId: coordinator.id, userId: "孙主任", onBehalfOf: { personId: elder.id, displayName: "赵奶奶" } });
      await tell(repos, elder.id, { chat: null, chatId: null }, (lang) => (lang === "en" ? "Good morning" : "早上好"));
      await tell(repos, elder.id, { chat: null, chatId: null }, () => ({ text: "请确认", options: [{ label: "确认", reply: "/confirm 9" }] }));
    });
    const told = world.state.outbox.filter((row) => row.id > before);
    expect(lines(told)).toEqual([
      ["user", "孙主任", "（代赵奶奶）早上好"],
      ["user", "孙主任", "（代赵奶奶）请确认"],
    ]);
    expect(told[1]!.message.options).toEqual([{ label: "确认", reply: "/confirm 9" }]);
    // In English for an English-speaking guardian.
    world.state.people.find((one) => one.id === coordinator.id)!.locale = "en";
    const later = world.state.ids.outbox ?? 0;
    await world.uow.run((repos) => tell(repos, elder.id, { chat: null, chatId: null }, (lang) => (lang === "en" ? "Good morning" : "早上好")));
    const english = world.state.outbox.filter((row) => row.id > later);
    expect(lines(english)).toEqual([["user", "孙主任", "(for 赵奶奶) Good morning"]]);
  });

  it("lets the guardian, and nobody else, confirm the elder's credit; the audit log says for whom", async () => {
    const { world, ready } = registered();
    await ready;
    expect(lines(await world.say(world.message("今天帮赵奶奶读报2小时", "张阿姨", GROUP)))).toEqual([
      ["user", "孙主任", "（代赵奶奶）请确认时间币 #1：张阿姨帮赵奶奶「今天帮赵奶奶读报2小时」，2 小时。"],
      ["chat", GROUP, "已记下 #1：张阿姨帮赵奶奶 2 小时，等赵奶奶确认后入账。"],
    ]);
    expect(lines(await world.say(world.message("/confirm 1", "周大姐")))).toEqual([["chat", "dm:周大姐", "#1 需要另一方来确认。"]]);
    expect(lines(await world.say(world.message("/confirm 1", "孙主任")))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"],
      ["chat", "dm:孙主任", "已确认 #1，谢谢！"],
    ]);
    const elder = world.state.people.find((one) => one.displayName === "赵奶奶")!;
    const confirmed = world.state.audit.find((row) => row.action === "credit.confirmed")!;
    expect(confirmed.actorId).toBe(world.person("孙主任").id);
    expect(confirmed.detail).toMatchObject({ onBehalfOf: elder.id });
  });

  it("lists the elder's credits to a guardian who is not a coordinator, who still decides them", async () => {
    const { world, ready } = registered();
    await ready;
    const coordinator = world.person("孙主任");
    world.state.roles = world.state.roles.filter((role) => role.personId !== coordinator.id);
    await world.say(world.message("今天帮赵奶奶读报2小时", "张阿姨", GROUP));
    expect(lines(await world.say(world.message("/confirm", "孙主任")))).toEqual([["chat", "dm:孙主任", "等您确认的时间币：\n#1 张阿姨 2 小时「今天帮赵奶奶读报2小时」"]]);
    expect(lines(await world.say(world.message("/dispute 1", "孙主任")))).toEqual([
      ["user", "张阿姨", "时间币 #1（今天帮赵奶奶读报2小时）对方表示有出入，没有入账。如有疑问，可以找网格长或协调员。"],
      ["chat", "dm:孙主任", "已记下有出入，#1 不会入账。"],
    ]);
  });

  it("never lets a guardian confirm a credit they earned for the elder: the other leaders are asked", async () => {
    const { world, ready } = registered();
    await ready;
    const asked = lines(await world.say(world.message("今天帮赵奶奶读报1小时", "孙主任", GROUP)));
    expect(asked.map(([kind, id]) => `${kind}:${id}`)).toEqual(["user:周大姐", `chat:${GROUP}`]);
    expect(lines(await world.say(world.message("/confirm 1", "孙主任")))).toEqual([["chat", "dm:孙主任", "#1 需要另一方来确认。"]]);
  });

  it("ends guardian mode with /代管 … 关闭: she is unreachable again and her credits go to the coordinators", async () => {
    const { world, ready } = registered();
    await ready;
    expect(lines(await world.say(world.message("/代管", "孙主任", GROUP)))).toEqual([
      ["user", "孙主任", "您代管的老人：\n赵奶奶（3栋103）"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    expect(lines(await world.say(world.message("/代管 赵奶奶 关闭", "孙主任")))).toEqual([["chat", "dm:孙主任", "已结束代管赵奶奶。"]]);
    const elder = world.state.people.find((one) => one.displayName === "赵奶奶")!;
    expect(elder.guardianId).toBeNull();
    expect(world.state.audit.filter((row) => row.action.startsWith("guardian.")).map((row) => [row.action, row.actorId, row.detail])).toEqual([
      ["guardian.registered", world.person("孙主任").id, { onBehalfOf: elder.id, created: true, previousGuardianId: null }],
      ["guardian.ended", world.person("孙主任").id, { onBehalfOf: elder.id, guardianId: world.person("孙主任").id }],
    ]);
    expect(await world.uow.run((repos) => repos.people.reach(elder.id))).toBeNull();
    expect(lines(await world.say(world.message("/代管", "孙主任")))).toEqual([["chat", "dm:孙主任", "您还没有代管的老人。登记：/代管 赵奶奶 9栋806"]]);
    // With nobody to ask her, the coordinators decide her credits, as for any elder the bot cannot reach.
    expect(lines(await world.say(world.message("今天帮赵奶奶读报2小时", "张阿姨", GROUP)))[0]).toEqual(["user", "孙主任", "请确认时间币 #1：张阿姨帮赵奶奶「今天帮赵奶奶读报2小时」，2 小时。"]);
  });

  it("refuses kindly: someone already in a chat, no address, an unknown name, someone else's elder", async () => {
    const { world, ready } = registered();
    await ready;
    expect(lines(await world.say(world.message("/代管 李奶奶 3栋101", "孙主任")))).toEqual([["chat", "dm:孙主任", "李奶奶已经在群里，可以直接联系，不需要代管。"]]);
    expect(lines(await world.say(world.message("/代管 钱奶奶", "孙主任")))).toEqual([["chat", "dm:孙主任", "请写上钱奶奶的住址，例如：/代管 钱奶奶 9栋806"]]);
    expect(lines(await world.say(world.message("/代办 钱奶奶 买菜", "孙主任")))).toEqual([["chat", "dm:孙主任", "钱奶奶不在代管名单上。先用 /代管 钱奶奶 9栋806 登记。"]]);
    expect(lines(await world.say(world.message("/代办 赵奶奶", "孙主任")))).toEqual([["chat", "dm:孙主任", "这样为代管的老人求助：/代办 赵奶奶 明天上午陪去医院"]]);
    expect(lines(await world.say(world.message("/代办 赵奶奶 买菜", "王秀英", GROUP)))).toEqual([["chat", GROUP, "只有赵奶奶的代管人或社区协调员能为她代办。"]]);
    expect(world.state.requests).toEqual([]);
  });
});
