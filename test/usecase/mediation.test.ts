/**
 * Mediation on the fakes (no database): a dispute raised in a group is passed on privately with nothing of it in the
 * group; the case goes to the grid's mediators (else its captain, else the coordinators); the first to take it wins;
 * the mediator keeps a private log, invites the other party by name with only the kind said, and closes the case; a
 * case nobody takes in 48 hours goes to the coordinators; a week after closing the resident is asked how it is.
 * Mirrors test/integration/mediation.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines, targets } from "../support/fakes/world.ts";
import { aResident } from "../support/builders.ts";
import { insert } from "../support/fakes/state.ts";
import { readCaseCommand } from "../../src/features/mediation/domain/case-command.ts";
import { mediationLadder } from "../../src/features/mediation/domain/policy.ts";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const GROUP = "3栋邻里群";
const DISPUTE = "楼上天天半夜跺脚，能不能帮忙协调一下";

/** The demo world with the case raised by 王秀英 (3栋, 东区网格) in the group; 孙主任 is the community-wide mediator. */
async function raised() {
  const world = demoWorld();
  const sent = await world.say(world.message(DISPUTE, "王秀英", GROUP));
  return { world, sent };
}

describe("mediation (use cases on fakes)", () => {
  it("passes a dispute raised in a group on privately: the group hears only that, the mediator gets the content", async () => {
    const { world, sent } = await raised();
    expect(lines(sent)).toEqual([
      ["chat", GROUP, "已私下转给调解员，不在群里讨论。"],
      ["user", "王秀英", "您说的事已记为调解 #1，已私下转给调解员。有人接手后我会告诉您谁会联系您；这件事不会在群里讨论。"],
      ["user", "孙主任", `调解 #1（噪音）：王秀英 请人调解：“${DISPUTE}”\n请私下处理，不要在群里讨论。接案请回复 /接案 1`],
    ]);
    expect(sent[2]!.message).toMatchObject({ options: [{ label: "接案", reply: "/接案 1" }], subject: "调解 #1" });
    const east = world.state.grids.find((grid) => grid.name === "东区网格")!.id;
    expect(world.state.mediations).toMatchObject([{ id: 1, kind: "noise", description: DISPUTE, state: "open", gridId: east, openedById: world.person("王秀英").id }]);
    expect(world.state.jobs).toMatchObject([{ kind: "mediation.unanswered", dedupeKey: "mediation.unanswered:1", dueAt: new Date(world.clock.now().getTime() + 48 * HOUR) }]);
  });

  it("answers an English dispute in English, and /mediate privately opens a case with its kind", async () => {
    const world = demoWorld();
    world.add(aResident().named("Grace").inBuilding("3").room("808").inChats("GardenClub").speaks("en"));
    const sent = await world.say(world.message("Could someone mediate? The dog next door barks all night", "Grace", "GardenClub"));
    expect(lines(sent).slice(0, 2)).toEqual([
      ["chat", "GardenClub", "I've passed this on to a mediator privately; it won't be discussed in the group."],
      ["user", "Grace", "I've noted this as mediation #1 and passed it on to a mediator privately. Once someone takes it I'll tell you who will contact you. It won't be discussed in the group."],
    ]);
    const dm = await world.say(world.message("/mediate the hallway is full of their boxes", "Grace"));
    expect(lines(dm)[0]).toEqual(["chat", "dm:Grace", expect.stringMatching(/^I've noted this as mediation #2/u)]);
    expect(world.state.mediations.map((one) => one.kind)).toEqual(["pets", "shared"]);
  });

  it("asks the grid's mediators (and community-wide ones), else the grid's captain, else the coordinators", () => {
    expect(mediationLadder(1, { mediators: [2, 3], captains: [4], coordinators: [5] })).toEqual({ level: "mediator", people: [2, 3] });
    expect(mediationLadder(1, { mediators: [1], captains: [4], coordinators: [5] })).toEqual({ level: "captain", people: [4] });
    expect(mediationLadder(1, { mediators: [], captains: [], coordinators: [5, 1] })).toEqual({ level: "coordinator", people: [5] });
  });

  it("offers a case to a mediator of its grid and the community-wide ones, not to another grid's", async () => {
    const world = demoWorld();
    const [east, west] = ["东区网格", "西区网格"].map((name) => world.state.grids.find((grid) => grid.name === name)!.id);
    world.add(aResident().named("东区调解员").inBuilding("1"));
    world.add(aResident().named("西区调解员").inBuilding("5"));
    insert(world.state, "roles", { communityId: world.community.id, personId: world.person("东区调解员").id, role: "mediator", gridId: east! });
    insert(world.state, "roles", { communityId: world.community.id, personId: world.person("西区调解员").id, role: "mediator", gridId: west! });
    const sent = await world.say(world.message("楼上漏水到我家了，想请人调解", "王秀英", GROUP));
    expect(targets(sent)).toEqual(["chat:3栋邻里群", "user:王秀英", "user:孙主任", "user:东区调解员"]);
  });

  it("without mediators goes to the grid's captain; without a captain, to the coordinators", async () => {
    const world = demoWorld();
    world.state.roles = world.state.roles.filter((one) => one.role !== "mediator");
    expect(targets(await world.say(world.message(DISPUTE, "王秀英", GROUP)))).toEqual(["chat:3栋邻里群", "user:王秀英", "user:周大姐"]);
    // 钱大爷 lives in 6栋 (西区网格, no captain): the coordinators.
    expect(targets(await world.say(world.message("/调解 楼下停车总挡着我的车位", "钱大爷")))).toEqual(["chat:dm:钱大爷", "user:孙主任"]);
    expect(world.state.mediations.map((one) => one.kind)).toEqual(["noise", "parking"]);
  });

  it("takes the case's grid from the group when the resident's building is unknown", async () => {
    const world = demoWorld();
    world.add(aResident().named("新邻居").inChats(GROUP));
    world.state.roles = world.state.roles.filter((one) => one.role !== "mediator");
    expect(targets(await world.say(world.message(DISPUTE, "新邻居", GROUP)))).toEqual(["chat:3栋邻里群", "user:新邻居", "user:周大姐"]);
    expect(world.state.mediations[0]!.gridId).toBe(world.state.grids.find((grid) => grid.name === "东区网格")!.id);
  });

  it("gives the case to the first who takes it: the resident hears the name only, the mediator gets the phone and room", async () => {
    const { world } = await raised();
    world.add(aResident().named("第二调解员").inBuilding("2").asMediator());
    await world.say(world.message("又吵起来了", "王秀英", GROUP)); // not a dispute: nothing
    // A second case, offered to both mediators.
    await world.say(world.message("/调解 楼上漏水到我家", "王秀英"));
    const taken = await world.say(world.message("/接案 2", "第二调解员"));
    expect(lines(taken)).toEqual([
      ["chat", "dm:第二调解员", "调解 #2 由您跟进。王秀英，住 3栋 302。\n记录：/调解 2 记录 …；邀请对方：/调解 2 邀请 姓名；结案：/调解 2 结案 已解决 | 转介 物业 | 撤回"],
      ["user", "孙主任", "调解 #2 已有人接手，谢谢您。"],
      ["user", "王秀英", "调解 #2：第二调解员 会私下联系您。"],
    ]);
    expect(lines(await world.say(world.message("/接案 2", "孙主任")))).toEqual([["chat", "dm:孙主任", "调解 #2 已有人接手，谢谢您。"]]);
    expect(lines(await world.say(world.message("/接案 1", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "调解 #1 不是转给您的，谢谢。"]]);
    expect(lines(await world.say(world.message("/接案 1", "王秀英")))).toEqual([["chat", "dm:王秀英", "调解 #1 是您自己提出的，会由别的调解员跟进。"]]);
    expect(lines(await world.say(world.message("/接案 1", "孙主任", GROUP)))).toEqual([["chat", GROUP, "调解的事请私信我，不在群里说。"]]);
    expect(world.state.mediations.map((one) => [one.state, one.mediatorId])).toEqual([["open", null], ["taken", world.person("第二调解员").id]]);
  });

  it("gives the mediator the resident's phone when registered", async () => {
    const world = demoWorld();
    await world.say(world.message(DISPUTE, "王师傅", GROUP));
    expect(lines(await world.say(world.message("/take_case 1", "孙主任")))[0]![2]).toMatch(/^调解 #1 由您跟进。王师傅，电话 13800000001，住 3栋 601。/u);
  });

  it("keeps the mediator's private log, only theirs or a coordinator's, only in private chats", async () => {
    const { world } = await raised();
    world.add(aResident().named("第二调解员").inBuilding("2").asMediator());
    await world.say(world.message("/接案 1", "第二调解员"));
    expect(lines(await world.say(world.message("/调解 1 记录 已电话沟通 约了周六见面", "第二调解员")))).toEqual([["chat", "dm:第二调解员", "已记在调解 #1 的记录里（只有调解员和协调员能看到）。"]]);
    expect(lines(await world.say(world.message("/调解 1 记录 我也看看", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "只有调解 #1 的调解员或协调员可以这样做。"]]);
    expect(lines(await world.say(world.message("/调解 1 记录 这里说", "第二调解员", GROUP)))).toEqual([["chat", GROUP, "调解的事请私信我，不在群里说。"]]);
    await world.say(world.message("/mediate 1 note coordinator checked in", "孙主任"));
    expect(world.state.mediationNotes.map((one) => [one.caseId, one.authorId, one.text])).toEqual([
      [1, world.person("第二调解员").id, "已电话沟通 约了周六见面"],
      [1, world.person("孙主任").id, "coordinator checked in"],
    ]);
  });

  it("invites the other party by name with only the kind said; their answer goes to the mediator and is recorded", async () => {
    const { world } = await raised();
    await world.say(world.message("/接案 1", "孙主任"));
    const invited = await world.say(world.message("/调解 1 邀请 赵老师", "孙主任"));
    expect(lines(invited)).toEqual([
      ["user", "赵老师", "您好，有位邻居想和您一起把噪音的事情说开，您愿意谈一谈吗？"],
      ["chat", "dm:孙主任", "已私下问 赵老师 是否愿意沟通（调解 #1），有回复我会告诉您。"],
    ]);
    expect(invited[0]!.message).toMatchObject({ options: [{ label: "愿意", reply: "/调解 1 愿意" }, { label: "不愿意", reply: "/调解 1 不愿意" }], subject: "调解 #1" });
    expect(world.state.mediations[0]).toMatchObject({ otherPartyId: world.person("赵老师").id, otherPartyAnswer: "asked" });
    expect(lines(await world.say(world.message("/调解 1 愿意", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "没有需要您回答的邀请。"]]);
    expect(lines(await world.say(world.message("/调解 1 愿意", "赵老师")))).toEqual([
      ["chat", "dm:赵老师", "谢谢您，调解员会私下联系您。"],
      ["user", "孙主任", "调解 #1：赵老师 愿意沟通。"],
    ]);
    expect(world.state.mediations[0]!.otherPartyAnswer).toBe("agreed");
    expect(lines(await world.say(world.message("/调解 1 邀请 没这个人", "孙主任")))).toEqual([["chat", "dm:孙主任", "社区里没有找到“没这个人”，请用对方在群里的名字。"]]);
  });

  it("closes a case as referred to the property manager, telling the resident; a week later asks how it is", async () => {
    const { world } = await raised();
    await world.say(world.message("/接案 1", "孙主任"));
    expect(lines(await world.say(world.message("/调解 1 结案 转介 物业", "孙主任")))).toEqual([
      ["chat", "dm:孙主任", "调解 #1 已结案：已转介给物业。"],
      ["user", "王秀英", "您的调解 #1 已结案：已转介给物业。谢谢您的耐心。"],
    ]);
    expect(world.state.mediations[0]).toMatchObject({ state: "closed", outcome: "referred", referredTo: "property" });
    expect(lines(await world.say(world.message("/调解 1 结案 已解决", "孙主任")))).toEqual([["chat", "dm:孙主任", "调解 #1 已经结案了。"]]);
    expect(await world.advance(7 * DAY - HOUR)).toEqual([]);
    const asked = await world.advance(HOUR);
    expect(lines(asked)).toEqual([["user", "王秀英", "调解 #1 结案一周了，现在好些了吗？"]]);
    expect(asked[0]!.message.options).toEqual([{ label: "好多了", reply: "/调解 1 好多了" }, { label: "还是老样子", reply: "/调解 1 还是老样子" }]);
    expect(lines(await world.say(world.message("/调解 1 还是老样子", "王秀英")))).toEqual([
      ["chat", "dm:王秀英", "知道了，我会告诉调解员，再帮您想想办法。"],
      ["user", "孙主任", "调解 #1：居民说还是老样子，方便的话再联系一下。"],
    ]);
    expect(world.state.mediations[0]!.followUp).toBe("same");
    expect(lines(await world.say(world.message("/调解 1 好多了", "王秀英")))).toEqual([["chat", "dm:王秀英", "谢谢，已经收到您的回答了。"]]);
  });

  it("does not follow up a withdrawn case", async () => {
    const { world } = await raised();
    await world.say(world.message("/接案 1", "孙主任"));
    await world.say(world.message("/mediate 1 close withdrawn", "孙主任"));
    expect(world.state.mediations[0]).toMatchObject({ state: "closed", outcome: "withdrawn" });
    expect(await world.advance(8 * DAY)).toEqual([]);
  });

  it("sends a case nobody took in 48 hours to the coordinators, with its content; not one already taken", async () => {
    const world = demoWorld();
    world.add(aResident().named("协调员二").inBuilding("5").asCoordinator());
    await world.say(world.message(DISPUTE, "王秀英", GROUP));
    await world.say(world.message("/调解 楼下停车总挡着我的车位", "李奶奶"));
    await world.say(world.message("/接案 2", "孙主任"));
    expect(await world.advance(48 * HOUR - 1000)).toEqual([]);
    const escalated = await world.advance(1000);
    expect(lines(escalated)).toEqual(
      ["孙主任", "协调员二"].map((name) => ["user", name, `调解 #1（噪音）已 48 小时没有调解员接手：王秀英：“${DISPUTE}”\n接案请回复 /接案 1`]),
    );
    // A coordinator takes it; the other coordinator (told after 48 hours) hears it was taken.
    expect(targets(await world.say(world.message("/接案 1", "协调员二")))).toEqual(["chat:dm:协调员二", "user:孙主任", "user:王秀英"]);
  });

  it("lists one's own open cases privately with /调解 alone; in a group says only that it was sent privately", async () => {
    const { world } = await raised();
    await world.say(world.message("/接案 1", "孙主任"));
    expect(lines(await world.say(world.message("/调解", "孙主任")))).toEqual([["chat", "dm:孙主任", `您的调解：\n#1 噪音 — 调解中（您是调解员）：${DISPUTE}`]]);
    const inGroup = await world.say(world.message("/调解", "王秀英", GROUP));
    expect(lines(inGroup)).toEqual([
      ["user", "王秀英", `您的调解：\n#1 噪音 — 调解中：${DISPUTE}`],
      ["chat", GROUP, expect.not.stringContaining("跺脚")],
    ]);
    expect(lines(await world.say(world.message("/调解", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "想请人调解，私信我：/调解 想调解的事，例如 /调解 楼上半夜很吵。"]]);
  });

  it("lists a resident's cases in /mydata and erases their content and log when they are forgotten", async () => {
    const { world } = await raised();
    await world.say(world.message("/接案 1", "孙主任"));
    await world.say(world.message("/调解 1 记录 王秀英说每晚十二点以后", "孙主任"));
    const me = world.person("王秀英").id;
    const mine = await world.uow.run((repos) => repos.personalData.about(me));
    expect(mine!.mediations).toEqual([{ id: 1, role: "opener", description: DISPUTE, state: "taken", createdAt: expect.any(Date) }]);
    const theirs = await world.uow.run((repos) => repos.personalData.about(world.person("孙主任").id));
    expect(theirs!.mediations).toEqual([{ id: 1, role: "mediator", description: null, state: "taken", createdAt: expect.any(Date) }]);
    await world.uow.run((repos) => repos.personalData.forget(me, "邻居#1"));
    expect(world.state.mediations[0]!.description).toBe("");
    expect(world.state.mediationNotes.map((one) => one.text)).toEqual([""]);
  });

  it("reads /mediate's arguments", () => {
    expect(readCaseCommand("")).toEqual({ kind: "list" });
    expect(readCaseCommand("楼上太吵")).toEqual({ kind: "open", text: "楼上太吵" });
    expect(readCaseCommand("3栋楼上太吵")).toEqual({ kind: "open", text: "3栋楼上太吵" });
    expect(readCaseCommand("#4 记录 见了面")).toEqual({ kind: "note", id: 4, text: "见了面" });
    expect(readCaseCommand("4 invite Mrs Chen")).toEqual({ kind: "invite", id: 4, name: "Mrs Chen" });
    expect(readCaseCommand("4 结案 转介 居委会")).toEqual({ kind: "close", id: 4, outcome: "referred", referredTo: "committee" });
    expect(readCaseCommand("4 close referred to the police")).toEqual({ kind: "close", id: 4, outcome: "referred", referredTo: "police" });
    expect(readCaseCommand("4 close referred 街道办")).toEqual({ kind: "close", id: 4, outcome: "referred", referredTo: "街道办" });
    expect(readCaseCommand("4 close maybe")).toEqual({ kind: "usage", id: 4 });
    expect(readCaseCommand("4 不愿意")).toEqual({ kind: "answer", id: 4, answer: "declined" });
    expect(readCaseCommand("4 same")).toEqual({ kind: "followUp", id: 4, followUp: "same" });
    expect(readCaseCommand("4")).toEqual({ kind: "usage", id: 4 });
  });
});
