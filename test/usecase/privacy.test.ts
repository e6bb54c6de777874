/**
 * A resident's own data on the fakes (no database): `/mydata` goes privately (the group hears only that it was sent),
 * `/forgetme` asks privately with a token that only its owner can use within 30 minutes, and once confirmed cancels
 * their requests (helpers told), hands back what they took (requester told), cancels future sign-ups (the waitlist
 * moves up), donates their balance to the fund and erases and anonymises them, the ledger still balancing.
 * The database side, scanning every table, is test/integration/privacy.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines, type FakeWorld } from "../support/fakes/world.ts";

const GROUP = "3栋邻里群";
const MINUTE = 60_000;

/** Every string held anywhere in the store (rows, app state), to look for what must be gone. */
function strings(state: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach(walk);
  };
  walk(state);
  return out;
}

function balanceOf(world: FakeWorld, personId: number | null): number {
  const accounts = world.state.accounts.filter((one) => one.personId === personId).map((one) => one.id);
  return world.state.entries.filter((one) => accounts.includes(one.accountId)).reduce((sum, one) => sum + one.minutes, 0);
}

/** 王师傅 earned 2 hours, is helping with request #2, asked for help himself (#3), and signed up for a full event. */
async function busyNeighbour() {
  const world = demoWorld();
  await world.say(world.message("谁能帮我修一下水龙头", "王秀英", GROUP));
  await world.say(world.message("/accept 1", "王师傅"));
  await world.say(world.message("/done 1 2小时", "王师傅"));
  await world.say(world.message("/confirm 1", "王秀英"));
  await world.say(world.message("谁家有梯子借用一下", "王秀英", GROUP));
  await world.say(world.message("/accept 2", "王师傅"));
  await world.say(world.message("谁能帮我搬一下柜子", "王师傅", GROUP));
  await world.say(world.message("/活动 周六 9:00 包饺子 限1人", "周大姐", GROUP).byAdmin());
  await world.say(world.message("/报名 1", "王师傅", GROUP));
  await world.say(world.message("/报名 1", "张阿姨", GROUP));
  return world;
}

/** Ask to be forgotten privately; the confirmation's two replies. */
async function ask(world: FakeWorld, name: string) {
  const asked = await world.say(world.message("/删除我的数据", name));
  expect(asked).toHaveLength(1);
  const [confirm, cancel] = asked[0]!.message.options!;
  return { asked, confirm: confirm!.reply, cancel: cancel!.reply };
}

describe("a resident's own data (use cases on fakes)", () => {
  it("sends everything held about the sender privately; the group only hears it was sent", async () => {
    const world = await busyNeighbour();
    const sent = await world.say(world.message("/我的数据", "王师傅", GROUP));
    expect(lines(sent).map(([kind, id]) => `${kind}:${id}`)).toEqual(["user:王师傅", `chat:${GROUP}`]);
    expect(lines(sent)[1]![2]).toBe("已私信发给您。");
    const report = sent[0]!.message.text;
    for (const part of ["名字：王师傅", "住址：3栋 601", "电话：13800000001", "技能：修水管、电工、维修", "可借物品：梯子、工具箱", `${GROUP}`, "#3 谁能帮我搬一下柜子", "#2 谁家有梯子借用一下", "#1 谁能帮我修一下水龙头", "包饺子", "余额：2 小时", "周报可以提您的名字：是", "#1 谁能帮我修一下水龙头 — 已完成", "#2 谁家有梯子借用一下 — 进行中", "+2 入账"]) {
      expect(report).toContain(part);
    }
    expect(world.state.audit.at(-1)).toMatchObject({ action: "privacy.exported", subjectId: world.person("王师傅").id });
  });

  it("answers in English and privately for an English speaker", async () => {
    const world = demoWorld();
    const sent = await world.say(world.message("/mydata", "Emma", "GardenClub"));
    expect(lines(sent)[1]).toEqual(["chat", "GardenClub", "Sent to you privately."]);
    expect(sent[0]!.message.text).toContain("Skills: English tutoring, gardening");
    expect(sent[0]!.message.text).toContain("Address: 7栋 1201");
  });

  it("asks first, privately, saying where the balance goes; the options are commands that work typed", async () => {
    const world = await busyNeighbour();
    const asked = await world.say(world.message("/forgetme", "王师傅", GROUP));
    expect(lines(asked).map(([kind, id]) => `${kind}:${id}`)).toEqual(["user:王师傅", `chat:${GROUP}`]);
    expect(asked[0]!.message.text).toContain("时间银行余额 2 小时将捐入社区基金");
    expect(asked[0]!.message.options).toEqual([
      { label: "确认删除", reply: expect.stringMatching(/^\/forgetme confirm [0-9a-f]{12}$/u) },
      { label: "取消", reply: expect.stringMatching(/^\/forgetme cancel [0-9a-f]{12}$/u) },
    ]);
    expect(world.state.people.find((one) => one.displayName === "王师傅")).toBeDefined();
  });

  it("refuses a stale or someone else's confirmation politely and changes nothing; cancel keeps everything", async () => {
    const world = await busyNeighbour();
    const { confirm } = await ask(world, "王师傅");
    const before = structuredClone(world.state.people);
    const stale = "这个确认已过期或不是发给您的，什么都没有删除。如需删除请重新发送 /删除我的数据。";
    expect(lines(await world.say(world.message(confirm, "张阿姨")))).toEqual([["chat", "dm:张阿姨", stale]]);
    expect(lines(await world.say(world.message("/forgetme confirm 000000000000", "王师傅")))).toEqual([["chat", "dm:王师傅", stale]]);
    world.clock.advance(31 * MINUTE);
    expect(lines(await world.say(world.message(confirm, "王师傅")))).toEqual([["chat", "dm:王师傅", stale]]);
    expect(world.state.people).toEqual(before);
    expect(world.state.identities.some((one) => one.externalId === "王师傅")).toBe(true);

    const again = await ask(world, "王师傅");
    expect(lines(await world.say(world.message(again.cancel, "王师傅")))).toEqual([["chat", "dm:王师傅", "好的，什么都没有删除。"]]);
    expect(lines(await world.say(world.message(again.confirm, "王师傅")))).toEqual([["chat", "dm:王师傅", stale]]);
    expect(world.state.people).toEqual(before);
  });

  it("after confirmation cancels, hands back and un-signs, donates the balance, and leaves nothing of them", async () => {
    const world = await busyNeighbour();
    const wang = world.person("王师傅").id;
    const others = world.state.people.filter((one) => one.id !== wang).map((one) => [one.id, balanceOf(world, one.id)]);
    const { confirm } = await ask(world, "王师傅");
    const sent = await world.say(world.message(confirm, "王师傅"));
    const said = lines(sent);

    // Their own request #3 is cancelled and everyone pinged for it hears so; nobody is told who left.
    expect(world.state.requests.find((one) => one.id === 3)!.state).toBe("cancelled");
    const pingedFor3 = world.state.pings.filter((one) => one.requestId === 3).map((one) => world.state.people.find((p) => p.id === one.volunteerId)!.displayName);
    expect(pingedFor3.length).toBeGreaterThan(0);
    for (const name of pingedFor3) expect(said).toContainEqual(["user", name, "求助 #3 的发起人已注销，求助已取消，谢谢您！"]);
    // Request #2 they had taken is open again; the requester is told.
    expect(world.state.requests.find((one) => one.id === 2)!.state).toBe("open");
    expect(said).toContainEqual(["user", "王秀英", "帮您处理求助 #2 的邻居已退出，我正在另找邻居。"]);
    // Their sign-up is cancelled and the waitlist moves up.
    expect(world.state.signUps.map((one) => [one.personId === wang ? "them" : "张阿姨", one.state])).toEqual([["them", "cancelled"], ["张阿姨", "confirmed"]]);
    expect(said.some(([kind, id]) => kind === "user" && id === "张阿姨")).toBe(true);
    // The balance went to the fund; every transfer still sums to zero; nobody else's balance moved.
    expect(balanceOf(world, wang)).toBe(0);
    expect(balanceOf(world, null)).toBe(0);
    for (const transfer of world.state.transfers) {
      expect(world.state.entries.filter((one) => one.transferId === transfer.id).reduce((sum, one) => sum + one.minutes, 0)).toBe(0);
    }
    expect(world.state.people.filter((one) => one.id !== wang).map((one) => [one.id, balanceOf(world, one.id)])).toEqual(others);
    // Anonymised: the history stays, on "已注销的邻居"; nothing anywhere holds their name, phone or room.
    expect(world.state.people.find((one) => one.id === wang)).toMatchObject({ displayName: "已注销的邻居", phone: null, room: null, buildingId: null, nameInSummary: false });
    expect(world.state.identities.filter((one) => one.personId === wang)).toEqual([]);
    expect(world.state.memberships.filter((one) => one.personId === wang)).toEqual([]);
    expect(world.state.volunteers.filter((one) => one.personId === wang)).toEqual([]);
    expect(world.state.assignments.filter((one) => one.volunteerId === wang)).toHaveLength(2);
    // (The farewell below is addressed to the chat they wrote from: on the console, its id is their name.)
    const held = strings({ ...world.state, outbox: world.state.outbox.slice(0, -1) });
    expect(strings(world.state.outbox.at(-1)!.message)).not.toContainEqual(expect.stringContaining("王师傅"));
    for (const needle of ["王师傅", "13800000001", "3栋 601", "3栋601"]) expect(held.filter((one) => one.includes(needle))).toEqual([]);
    // The audit says what happened without saying who.
    const audit = world.state.audit.find((one) => one.action === "person.forgotten")!;
    expect(audit).toMatchObject({ subjectType: "Person", subjectId: wang });
    expect(Object.values(audit.detail as Record<string, unknown>).every((value) => typeof value === "number")).toBe(true);
    // The last word goes to them privately.
    expect(said.at(-1)).toEqual(["chat", "dm:王师傅", "您的数据已删除。谢谢您为邻里做的一切！以后再来，我会当作新朋友认识您。"]);
  });
});
