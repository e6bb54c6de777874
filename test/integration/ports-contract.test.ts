/**
 * Keeps the fakes honest: the same small scenarios for the key ports (help-request moves and pings, pending credits
 * and the ledger, the outbox with rollback, processed messages) run against the in-memory fakes and against Prisma on
 * a real SQLite database with the migrations, and must give the same observable results.
 */
import { describe, expect, it } from "vitest";
import type { Repositories, UnitOfWork } from "../../src/app/ports.ts";
import { AlreadyProcessed } from "../../src/app/ports.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { creditMovements, reversalMovements } from "../../src/features/timebank/domain/ledger.ts";
import { FakeUnitOfWork } from "../support/fakes/unit-of-work.ts";
import { T0, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

/** A store to run the scenarios on, and a way to read its outbox (what the dispatcher would send). */
interface Subject {
  uow: UnitOfWork;
  clock: VirtualClock;
  outbox(): Promise<Array<[string, string, string, number]>>;
  close(): Promise<void>;
}

const subjects: Array<{ name: string; open: () => Promise<Subject> }> = [
  {
    name: "fake",
    open: async () => {
      const clock = new VirtualClock(T0);
      const uow = new FakeUnitOfWork(clock);
      return {
        uow,
        clock,
        outbox: async () =>
          uow.state.outbox.map((row) => [row.target.kind, row.target.kind === "chat" ? row.target.chatId : row.target.userId, row.message.text, row.priority]),
        close: async () => {},
      };
    },
  },
  {
    name: "prisma",
    open: async () => {
      const clock = new VirtualClock(T0);
      const app = await testApp({ url: db.url, clock, adapters: [], start: false });
      return {
        uow: new PrismaUnitOfWork(app.db, clock),
        clock,
        outbox: async () =>
          (await app.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((row) => [
            row.targetKind,
            row.targetId,
            (JSON.parse(row.body) as { message: { text: string } }).message.text,
            row.priority,
          ]),
        close: () => app.close(),
      };
    },
  },
];

/** A community with a group chat, a requester and two volunteers, written through the ports. */
async function seed(repos: Repositories) {
  const community = await repos.directories.defaultCommunity();
  const chat = await repos.directories.createChat({ platform: "console", id: "楼群", kind: "group", title: "楼群" }, community.id, "zh-CN");
  const person = (name: string) => repos.directories.createPerson({ platform: "console", id: name, displayName: name }, community.id);
  const [requester, first, second] = [await person("王秀英"), await person("王师傅"), await person("张阿姨")];
  for (const one of [requester, first, second]) await repos.directories.upsertMembership(chat.id, one.id, undefined);
  await repos.volunteers.enroll(first.id, ["维修"], ["梯子"]);
  await repos.volunteers.enroll(second.id, ["陪伴"]);
  return { community, chat, requester, first, second };
}

describe.each(subjects)("ports contract: $name", ({ open }) => {
  it("moves a help request only along the state machine, and keeps pings and reliability", async () => {
    const subject = await open();
    const transcript = await subject.uow.run(async (repos) => {
      const { community, chat, requester, first, second } = await seed(repos);
      const { id } = await repos.requests.open({ communityId: community.id, requesterId: requester.id, chatId: chat.id, buildingId: null, category: "borrow", what: "梯子", urgent: false, sourceText: "谁家有梯子" });
      await repos.requests.addPings(id, 1, [first.id, second.id]);
      const steps: unknown[] = [id, await repos.requests.pings(id)];
      steps.push(await repos.requests.answerPing(id, second.id, ["sent"], "declined"), await repos.requests.answerPing(id, second.id, ["sent"], "declined"));
      steps.push(await repos.requests.assign(id, first.id), await repos.requests.assign(id, second.id));
      steps.push(await repos.requests.answerPing(id, first.id, ["sent", "expired", "declined"], "accepted"));
      const taken = await repos.requests.get(id);
      steps.push(taken?.state, taken?.helper?.displayName, taken?.chat, (await repos.requests.helpingWith(first.id)).map((one) => one.id));
      steps.push(await repos.requests.unassign(id, second.id), await repos.requests.unassign(id, first.id), (await repos.requests.get(id))?.state);
      steps.push(await repos.requests.pings(id));
      steps.push((await repos.requests.candidates(community.id)).map((one) => [one.personId, one.accepted, one.missed, one.pingsToday, one.openAssignments]));
      steps.push((await repos.requests.activeOf(requester.id)).map((one) => one.id));
      steps.push(await repos.requests.close(id, "cancelled"), await repos.requests.close(id, "done", 30), (await repos.requests.get(id))?.state);
      steps.push(await repos.requests.activeOf(requester.id), await repos.requests.closePings(id, "taken"));
      return steps;
    });
    expect(transcript).toEqual([
      1,
      [{ volunteerId: 2, wave: 1, state: "sent" }, { volunteerId: 3, wave: 1, state: "sent" }],
      true,
      false,
      true,
      false,
      true,
      "assigned",
      "王师傅",
      { platform: "console", externalId: "楼群", lang: "zh-CN", kind: "group" },
      [1],
      false,
      true,
      "open",
      [{ volunteerId: 2, wave: 1, state: "declined" }, { volunteerId: 3, wave: 1, state: "declined" }],
      [[2, 1, 0, 1, 0], [3, 0, 1, 1, 0]],
      [1],
      true,
      false,
      "cancelled",
      [],
      [],
    ]);
    await subject.close();
  });

  it("reaches a person in guardian mode through their guardian, and lists and ends it", async () => {
    const subject = await open();
    const transcript = await subject.uow.run(async (repos) => {
      const { community, chat, requester, first } = await seed(repos);
      const elder = await repos.guardians.create(community.id, "赵奶奶");
      const building = await repos.directories.ensureBuilding(community.id, "9", "9栋");
      await repos.directories.setResidence(elder.id, building.id, "806");
      const steps: unknown[] = [await repos.people.reach(elder.id), await repos.guardians.findByName(community.id, "赵奶奶"), await repos.guardians.findByName(community.id, "王秀英")];
      await repos.guardians.setGuardian(elder.id, requester.id);
      steps.push(await repos.people.reach(elder.id, "console", chat.id), await repos.guardians.guardianOf(elder.id), await repos.guardians.wardsOf(requester.id), await repos.guardians.wardsOf(first.id));
      // Someone with an identity is reached directly, whatever their guardianId says.
      await repos.guardians.setGuardian(first.id, elder.id);
      steps.push(await repos.people.reach(first.id));
      await repos.guardians.setGuardian(elder.id, null);
      steps.push(await repos.people.reach(elder.id), await repos.guardians.guardianOf(elder.id), await repos.guardians.findByName(community.id, "nobody"));
      return steps;
    });
    expect(transcript).toEqual([
      null,
      { personId: 4, displayName: "赵奶奶", guardianId: null, hasIdentity: false },
      { personId: 1, displayName: "王秀英", guardianId: null, hasIdentity: true },
      { personId: 1, platform: "console", userId: "王秀英", displayName: "王秀英", lang: null, fallbackChatId: "楼群", onBehalfOf: { personId: 4, displayName: "赵奶奶" } },
      1,
      [{ personId: 4, displayName: "赵奶奶", buildingName: "9栋", room: "806" }],
      [],
      { personId: 2, platform: "console", userId: "王师傅", displayName: "王师傅", lang: null, fallbackChatId: "楼群" },
      null,
      null,
      null,
    ]);
    await subject.close();
  });

  it("settles a pending credit once, posts balanced transfers only, and reverses a transfer once", async () => {
    const subject = await open();
    const transcript = await subject.uow.run(async (repos) => {
      const { community, chat, requester, first } = await seed(repos);
      const credit = { helperId: first.id, beneficiaryId: requester.id, minutes: 90, category: "A", source: "request" as const, sourceId: 7, description: "梯子", startedById: first.id, chatId: chat.id };
      const created = await repos.credits.create(credit);
      const steps: unknown[] = [created, await repos.credits.create(credit), (await repos.credits.awaiting(requester.id)).map((one) => one.id), await repos.credits.awaiting(first.id)];
      const fund = await repos.ledger.account(community.id, null);
      const helper = await repos.ledger.account(community.id, first.id);
      steps.push(fund, helper, await repos.ledger.account(community.id, first.id));
      await expect(repos.ledger.post({ communityId: community.id, kind: "credit", category: "A", movements: [{ accountId: helper, minutes: 90 }, { accountId: fund, minutes: -60 }] })).rejects.toThrow();
      const posted = await repos.ledger.post({ communityId: community.id, kind: "credit", category: "A", movements: creditMovements(helper, fund, 90) });
      steps.push(posted, await repos.credits.decide(created!.id, "confirmed", posted.id), await repos.credits.decide(created!.id, "disputed", null));
      const view = await repos.credits.get(created!.id);
      steps.push([view?.state, view?.transferId, view?.helperName, view?.beneficiaryName, view?.communityId], await repos.credits.pendingIn(community.id));
      steps.push(await repos.ledger.balance(helper), await repos.ledger.balance(fund));
      const original = (await repos.ledger.transfer(posted.id))!;
      const reversal = await repos.ledger.post({ communityId: community.id, kind: "reversal", category: "A", reversesId: posted.id, movements: reversalMovements(original.movements) });
      const after = await repos.ledger.transfer(posted.id);
      steps.push(reversal, [after?.reversedById, after?.people, after?.movements], await repos.ledger.balance(helper));
      steps.push((await repos.ledger.statement(helper, 5)).map((line) => [line.transferId, line.kind, line.minutes, line.counterparty]));
      return steps;
    });
    expect(transcript).toEqual([
      { id: 1 },
      null,
      [1],
      [],
      1,
      2,
      2,
      { id: 1 },
      true,
      false,
      ["confirmed", 1, "王师傅", "王秀英", 1],
      [],
      90,
      -90,
      { id: 2 },
      [2, [2], [{ accountId: 2, minutes: 90 }, { accountId: 1, minutes: -90 }]],
      0,
      [[2, "reversal", -90, null], [1, "credit", 90, null]],
    ]);
    await subject.close();
  });

  it("sums a group's month for recognition (confirmed, unreversed minutes; thanks), and keeps each milestone told once", async () => {
    const subject = await open();
    const transcript = await subject.uow.run(async (repos) => {
      const { community, chat, requester, first, second } = await seed(repos);
      const fund = await repos.ledger.account(community.id, null);
      const confirm = async (helperId: number, minutes: number, sourceId: number) => {
        const created = await repos.credits.create({ helperId, beneficiaryId: requester.id, minutes, category: "A", source: "request", sourceId, description: "读报", startedById: helperId, chatId: chat.id });
        const posted = await repos.ledger.post({ communityId: community.id, kind: "credit", category: "A", movements: creditMovements(await repos.ledger.account(community.id, helperId), fund, minutes) });
        await repos.credits.decide(created!.id, "confirmed", posted.id);
        return posted;
      };
      await confirm(first.id, 90, 1);
      const reversed = await confirm(second.id, 30, 2);
      await repos.ledger.post({ communityId: community.id, kind: "reversal", category: "A", reversesId: reversed.id, movements: reversalMovements((await repos.ledger.transfer(reversed.id))!.movements) });
      await repos.credits.create({ helperId: second.id, beneficiaryId: requester.id, minutes: 60, category: "A", source: "request", sourceId: 3, description: "读报", startedById: second.id, chatId: chat.id });
      await repos.deeds.record({ communityId: community.id, helperId: second.id, beneficiaryId: requester.id, chatId: chat.id, kind: "thanks", description: null, private: false });
      const month = { from: new Date(T0.getTime() - 3600_000), to: new Date(T0.getTime() + 3600_000) };
      const steps: unknown[] = [
        (await repos.honours.month(chat.id, month)).sort((a, b) => a.personId - b.personId),
        await repos.honours.month(chat.id, { from: month.to, to: new Date(month.to.getTime() + 3600_000) }),
        await repos.honours.confirmedMinutes(first.id),
        await repos.honours.confirmedMinutes(second.id),
        await repos.honours.get(first.id),
      ];
      steps.push(await repos.honours.markMilestone(first.id, 10), await repos.honours.markMilestone(first.id, 10), await repos.honours.markMilestone(first.id, 50));
      await repos.honours.setPublic(first.id, true);
      steps.push(await repos.honours.get(first.id), (await repos.honours.groupsOf(first.id)).map((one) => [one.id, one.title, one.lang]));
      return steps;
    });
    expect(transcript).toEqual([
      [
        { personId: 2, name: "王师傅", nameInSummary: true, minutes: 90, thanks: 0 },
        { personId: 3, name: "张阿姨", nameInSummary: true, minutes: 0, thanks: 1 },
      ],
      [],
      90,
      0,
      { public: false, milestoneHours: 0 },
      true,
      false,
      true,
      { public: true, milestoneHours: 50 },
      [[1, "楼群", "zh-CN"]],
    ]);
    await subject.close();
  });

  it("gathers a person's own data, then forgets them: details gone, their names replaced in others' texts", async () => {
    const subject = await open();
    const label = "已注销的邻居";
    const transcript = await subject.uow.run(async (repos) => {
      const { community, chat, requester, first, second } = await seed(repos);
      const building = await repos.directories.ensureBuilding(community.id, "3", "3栋");
      await repos.directories.setResidence(first.id, building.id, "601");
      await repos.directories.setPhone(first.id, "13800000001");
      await repos.volunteers.setQuietHours(first.id, { from: 22 * 60, to: 7 * 60 });
      const own = await repos.requests.open({ communityId: community.id, requesterId: first.id, chatId: chat.id, buildingId: null, category: "medical", what: "量血压", urgent: false, sourceText: "王师傅 3栋601 想量血压" });
      const borrowed = await repos.requests.open({ communityId: community.id, requesterId: requester.id, chatId: chat.id, buildingId: null, category: "borrow", what: "找王师傅借梯子", urgent: false, sourceText: "找王师傅借梯子" });
      await repos.requests.assign(borrowed.id, first.id);
      const event = await repos.events.create({ communityId: community.id, organiserId: second.id, title: "包饺子", place: null, startsAt: new Date(T0.getTime() + 86_400_000), endsAt: null, capacity: null, deadline: null, kind: "activity", recurrence: null, reminders: [], creditMinutes: 0, chatIds: [chat.id] });
      await repos.events.saveSignUp(event.id, first.id, 1, "confirmed", 1);
      await repos.groupNotes.saveCopy(chat.id, "包饺子", [{ n: 1, text: "王师傅" }, { n: 2, text: "张阿姨" }]);
      const [fund, mine, hers] = [await repos.ledger.account(community.id, null), await repos.ledger.account(community.id, first.id), await repos.ledger.account(community.id, second.id)];
      await repos.ledger.post({ communityId: community.id, kind: "credit", movements: [{ accountId: fund, minutes: -60 }, { accountId: mine, minutes: 60 }] });
      const transfer = await repos.ledger.post({ communityId: community.id, kind: "transfer", memo: "王师傅 → 张阿姨", movements: [{ accountId: mine, minutes: -30 }, { accountId: hers, minutes: 30 }] });
      await repos.outboxes.enqueue({ kind: "chat", platform: "console", chatId: "楼群" }, { text: "王师傅接下了求助" }, { lang: "zh-CN" });
      await repos.outboxes.enqueue({ kind: "user", platform: "console", userId: "王师傅", displayName: "王师傅" }, { text: "您的电话 13800000001" }, { lang: "zh-CN" });
      const { since: _since, ...about } = (await repos.personalData.about(first.id))!;
      const steps: unknown[] = [about, await repos.personalData.futureSignUps(first.id, T0), await repos.personalData.futureSignUps(first.id, new Date(T0.getTime() + 2 * 86_400_000))];
      const { scrubbed: _scrubbed, erased: _erased, ...counts } = await repos.personalData.forget(first.id, label);
      const { since: _after, ...forgotten } = (await repos.personalData.about(first.id))!;
      steps.push(counts, forgotten, await repos.directories.findPerson("console", "王师傅"));
      steps.push((await repos.requests.get(own.id))?.what, (await repos.requests.get(borrowed.id))?.what, (await repos.requests.get(borrowed.id))?.helper?.displayName);
      steps.push(await repos.groupNotes.lastCopy(chat.id, "包饺子"), (await repos.ledger.transfer(transfer.id))?.memo, await repos.ledger.balance(mine), await repos.ledger.balance(hers));
      return steps;
    });
    const none = { reports: [], mediations: [], checkin: null, checkinContactFor: [], visitRotas: [], guardian: null, wards: [], deeds: { done: 0, received: 0 } };
    expect(transcript).toEqual([
      {
        displayName: "王师傅",
        locale: null,
        phone: "13800000001",
        building: "3栋",
        room: "601",
        nameInSummary: true,
        identities: [{ platform: "console", externalId: "王师傅", displayName: "王师傅", canMessage: true }],
        memberships: [{ chat: "楼群", kind: "group", alias: null, isAdmin: false }],
        roles: [],
        volunteer: { active: true, skills: ["维修"], items: ["梯子"], hasCar: false, firstAid: false, medicalTraining: false, verified: false, availability: [], quietFrom: 1320, quietTo: 420, maxPingsPerDay: 5, emergencyPhone: null },
        requestsMade: [{ id: 1, category: "medical", what: "量血压", state: "open", createdAt: T0 }],
        requestsTaken: [{ id: 2, category: "borrow", what: "找王师傅借梯子", state: "active", assignedAt: T0 }],
        signUps: [{ eventId: 1, title: "包饺子", startsAt: new Date(T0.getTime() + 86_400_000), state: "confirmed", count: 1 }],
        ...none,
      },
      [1],
      [],
      { identities: 1, memberships: 1, roles: 0 },
      {
        displayName: label,
        locale: null,
        phone: null,
        building: null,
        room: null,
        nameInSummary: false,
        identities: [],
        memberships: [],
        roles: [],
        volunteer: null,
        requestsMade: [{ id: 1, category: "medical", what: "", state: "open", createdAt: T0 }],
        requestsTaken: [{ id: 2, category: "borrow", what: `找${label}借梯子`, state: "active", assignedAt: T0 }],
        signUps: [{ eventId: 1, title: "包饺子", startsAt: new Date(T0.getTime() + 86_400_000), state: "confirmed", count: 1 }],
        ...none,
      },
      null,
      "",
      `找${label}借梯子`,
      label,
      [{ n: 1, text: label }, { n: 2, text: "张阿姨" }],
      `${label} → 张阿姨`,
      30,
      30,
    ]);
    expect(await subject.outbox()).toEqual([["chat", "楼群", `${label}接下了求助`, 5]]);
    await subject.close();
  });

  it("takes a mediation case once, records the other party's answer and the follow-up once, and forgets the content of a forgotten resident's case", async () => {
    const subject = await open();
    const transcript = await subject.uow.run(async (repos) => {
      const { community, chat, requester, first, second } = await seed(repos);
      const east = await repos.directories.ensureGrid(community.id, "东区");
      const west = await repos.directories.ensureGrid(community.id, "西区");
      await repos.directories.assignRole(community.id, first.id, "mediator", east.id);
      await repos.directories.assignRole(community.id, second.id, "mediator", null);
      const mediators = [await repos.mediation.mediatorsFor(community.id, east.id), await repos.mediation.mediatorsFor(community.id, west.id), await repos.mediation.mediatorsFor(community.id, null)];
      const { id } = await repos.mediation.open({ communityId: community.id, openedById: requester.id, gridId: east.id, chatId: chat.id, kind: "noise", description: "楼上半夜跺脚" });
      await repos.mediation.open({ communityId: community.id, openedById: requester.id, gridId: null, chatId: null, kind: "parking", description: "车位被占" });
      const takes = [await repos.mediation.take(id, first.id), await repos.mediation.take(id, second.id)];
      await repos.mediation.addNote(id, first.id, "打过电话");
      await repos.mediation.invite(id, second.id);
      const answers = [await repos.mediation.answerInvite(id, "agreed"), await repos.mediation.answerInvite(id, "declined")];
      const early = await repos.mediation.setFollowUp(id, "better");
      const active = (await repos.mediation.activeOf(first.id)).map((one) => one.id);
      const closes = [await repos.mediation.close(id, "referred", "property"), await repos.mediation.close(id, "resolved", null)];
      const followUps = [await repos.mediation.setFollowUp(id, "same"), await repos.mediation.setFollowUp(id, "better")];
      const { createdAt, takenAt, closedAt, ...view } = (await repos.mediation.get(id))!;
      const about = (await repos.personalData.about(requester.id))!.mediations.map(({ createdAt: _at, ...one }) => one);
      await repos.personalData.forget(requester.id, "邻居");
      return { mediators, takes, answers, early, active, closes, followUps, view, times: [createdAt, takenAt, closedAt].map((at) => at?.getTime() === T0.getTime()), about, forgotten: (await repos.mediation.get(id))!.description };
    });
    expect(transcript).toEqual({
      mediators: [[2, 3], [3], [3]],
      takes: [true, false],
      answers: [true, false],
      early: false,
      active: [1],
      closes: [true, false],
      followUps: [true, false],
      view: {
        id: 1,
        communityId: 1,
        openedById: 1,
        openerName: "王秀英",
        mediatorId: 2,
        mediatorName: "王师傅",
        gridId: expect.any(Number),
        chatId: 1,
        chat: { platform: "console", externalId: "楼群", lang: "zh-CN", kind: "group" },
        kind: "noise",
        description: "楼上半夜跺脚",
        state: "closed",
        outcome: "referred",
        referredTo: "property",
        otherPartyId: 3,
        otherPartyAnswer: "agreed",
        followUp: "same",
      },
      times: [true, true, true],
      about: [
        { id: 2, role: "opener", description: "车位被占", state: "open" },
        { id: 1, role: "opener", description: "楼上半夜跺脚", state: "closed" },
      ],
      forgotten: "",
    });
    await subject.close();
  });

  it("keeps visit rotas and visits: one active rota per elder, the scheduled ones of a volunteer in order, notes forgotten with the elder", async () => {
    const subject = await open();
    const transcript = await subject.uow.run(async (repos) => {
      const { community, requester: elder, first, second } = await seed(repos);
      const rota = (volunteerIds: number[]) => repos.visits.createRota({ communityId: community.id, elderId: elder.id, weekday: 3, minute: 900, createdById: first.id, volunteerIds });
      const made = [await rota([first.id]), await rota([second.id, first.id])];
      const due = (days: number) => new Date(T0.getTime() + days * 86_400_000);
      const one = await repos.visits.addVisit({ rotaId: made[1]!.id, elderId: elder.id, volunteerId: second.id, week: 0, dueAt: due(1) });
      const two = await repos.visits.addVisit({ rotaId: made[1]!.id, elderId: elder.id, volunteerId: first.id, week: 0, dueAt: due(1) });
      await repos.visits.addVisit({ rotaId: made[1]!.id, elderId: elder.id, volunteerId: first.id, week: 1, dueAt: due(8) });
      await repos.visits.setState(one.id, "swapped");
      await repos.visits.setState(two.id, "done", { minutes: 60, note: "王秀英精神不错", creditId: null });
      const scheduled = (await repos.visits.scheduledOf(first.id, due(0), due(9))).map((visit) => [visit.week, visit.state]);
      const at = (await repos.visits.visitsAt(made[1]!.id, due(1))).map((visit) => [visit.volunteerName, visit.state, visit.minutes, visit.note]);
      const view = await repos.visits.rota(made[1]!.id);
      const rotas = [(await repos.visits.rota(made[0]!.id))!.active, (await repos.visits.rotasOf(first.id)).map((one) => one.id)];
      await repos.personalData.forget(elder.id, "邻居");
      return { made, scheduled, at, view, rotas, forgotten: [(await repos.visits.visit(two.id))!.note, (await repos.visits.rota(made[1]!.id))!.active] };
    });
    expect(transcript).toEqual({
      made: [{ id: 1, replaced: null }, { id: 2, replaced: 1 }],
      scheduled: [[1, "scheduled"]],
      at: [["张阿姨", "swapped", null, null], ["王师傅", "done", 60, "王秀英精神不错"]],
      view: { id: 2, communityId: 1, elderId: 1, elderName: "王秀英", weekday: 3, minute: 900, active: true, createdById: 2, members: [{ personId: 3, name: "张阿姨" }, { personId: 2, name: "王师傅" }] },
      rotas: [false, [2]],
      forgotten: [null, false],
    });
    await subject.close();
  });

  it("keeps what a committed transaction enqueued, and nothing of one that threw", async () => {
    const subject = await open();
    await subject.uow.run(async (repos) => {
      await seed(repos);
      await repos.outboxes.enqueue({ kind: "chat", platform: "console", chatId: "楼群" }, { text: "收到" }, { lang: "zh-CN" });
      await repos.outboxes.enqueue({ kind: "user", platform: "console", userId: "王师傅", displayName: "王师傅", fallbackChatId: "楼群" }, { text: "🚨" }, { lang: "zh-CN", priority: 9 });
    });
    const request = { communityId: 1, requesterId: 1, chatId: null, buildingId: null, category: "other" as const, what: "x", urgent: false, sourceText: "x" };
    await expect(
      subject.uow.run(async (repos) => {
        await repos.outboxes.enqueue({ kind: "chat", platform: "console", chatId: "楼群" }, { text: "lost" }, { lang: "zh-CN" });
        await repos.requests.open(request);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    // The id sequence rolls back with the rest: the next request gets the id the lost one had.
    expect(await subject.uow.run((repos) => repos.requests.open(request))).toEqual({ id: 1 });
    expect(await subject.outbox()).toEqual([
      ["chat", "楼群", "收到", 5],
      ["user", "王师傅", "🚨", 9],
    ]);
    await subject.close();
  });

  it("keeps small values: lists them by key prefix in key order, forgets the ones deleted", async () => {
    const subject = await open();
    await subject.uow.run(async (repos) => {
      await repos.states.set("choices:console:user:王师傅:12", "b");
      await repos.states.set("choices:console:user:王师傅:11", "a");
      await repos.states.set("choices:console:user:王师傅2:1", "other person");
      await repos.states.set("which:console:user:王师傅:王师傅", "w");
      await repos.states.set("choices:console:user:王师傅:11", "a2");
    });
    const listed = await subject.uow.run((repos) => repos.states.list("choices:console:user:王师傅:"));
    expect(listed).toEqual([
      { key: "choices:console:user:王师傅:11", value: "a2" },
      { key: "choices:console:user:王师傅:12", value: "b" },
    ]);
    await subject.uow.run((repos) => repos.states.delete(["choices:console:user:王师傅:11", "missing"]));
    expect(await subject.uow.run((repos) => repos.states.list("choices:"))).toEqual([
      { key: "choices:console:user:王师傅2:1", value: "other person" },
      { key: "choices:console:user:王师傅:12", value: "b" },
    ]);
    await subject.close();
  });

  it("records a message once: the second record throws AlreadyProcessed and its transaction leaves nothing", async () => {
    const subject = await open();
    await subject.uow.run((repos) => repos.processed.record("console", "m1", null, "request"));
    const again = subject.uow.run(async (repos) => {
      await repos.outboxes.enqueue({ kind: "chat", platform: "console", chatId: "楼群" }, { text: "twice" }, { lang: "zh-CN" });
      await repos.processed.record("console", "m1", null, "request");
    });
    await expect(again).rejects.toBeInstanceOf(AlreadyProcessed);
    await subject.uow.run((repos) => repos.processed.record("telegram", "m1", null, "request")); // another platform's m1
    expect(await subject.outbox()).toEqual([]);
    await subject.close();
  });

  it("tells when a group's messages of the last hour were written, for its budget: emergencies and other chats not counted", async () => {
    const subject = await open();
    const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
    for (const [minutes, chatId, priority] of [[0, "楼群", 5], [20, "楼群", 9], [30, "别群", 5], [40, "楼群", 0], [70, "楼群", 5]] as const) {
      subject.clock.set(at(minutes));
      await subject.uow.run((repos) => repos.outboxes.enqueue({ kind: "chat", platform: "console", chatId }, { text: "x" }, { lang: "zh-CN", priority }));
    }
    const since = await subject.uow.run((repos) => repos.outboxes.toGroupSince("console", "楼群", at(10)));
    expect(since).toEqual([at(40), at(70)]);
    await subject.close();
  });
});
