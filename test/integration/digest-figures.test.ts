/**
 * The digest's figures on a crafted week, where each number is known: new, open, stale and expired requests per grid,
 * the median wait for a first acceptance, SOS acknowledgement times, reports and mediation by state, hours by category
 * with a reversal subtracted, top helpers, missed check-ins — and a captain's digest limited to their grid.
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, testApp, useTempDatabase } from "../support/app.ts";
import { seedDemoIfEmpty } from "../../src/infra/demo-seed.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { weeksEndingAt } from "../../src/features/digests/domain/figures.ts";
import { creditMovements, reversalMovements } from "../../src/features/timebank/domain/ledger.ts";

const db = useTempDatabase();

const END = new Date("2026-11-29T20:00:00+08:00");
const HOUR = 3600_000;
const at = (hoursBeforeEnd: number) => new Date(END.getTime() - hoursBeforeEnd * HOUR);

describe("digest figures", () => {
  it("counts a crafted week exactly, and a captain sees only their grid", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    await seedDemoIfEmpty(app.prisma, T0);
    const prisma = app.prisma;
    const community = await prisma.community.findFirstOrThrow();
    const person = async (name: string) => (await prisma.person.findFirstOrThrow({ where: { displayName: name } })).id;
    const building = async (key: string) => (await prisma.building.findFirstOrThrow({ where: { key } })).id;
    const [east, b3, b5] = [(await prisma.grid.findFirstOrThrow({ where: { name: "东区网格" } })).id, await building("3"), await building("5")];
    const west = (await prisma.grid.findFirstOrThrow({ where: { name: "西区网格" } })).id;
    const requester = await person("王秀英");
    const helper = await person("王师傅");
    const request = (createdHoursAgo: number, buildingId: number, state: string, extra: { closedHoursAgo?: number; category?: string } = {}) =>
      prisma.helpRequest.create({
        data: {
          communityId: community.id,
          requesterId: requester,
          buildingId,
          category: extra.category ?? "borrow",
          what: "x",
          state,
          createdAt: at(createdHoursAgo),
          ...(extra.closedHoursAgo === undefined ? {} : { closedAt: at(extra.closedHoursAgo) }),
        },
      });
    // 东区 (building 3): four new this week — one taken after 10 min, one after 30 min, one still open for 48 h
    // (stale), one expired; one from last week, untaken at the end of it (stale then) and done this week.
    const quick = await request(100, b3, "done", { closedHoursAgo: 90 });
    await prisma.requestAssignment.create({ data: { requestId: quick.id, volunteerId: helper, assignedAt: new Date(quick.createdAt.getTime() + 10 * 60_000) } });
    const slower = await request(80, b3, "assigned");
    await prisma.requestAssignment.create({ data: { requestId: slower.id, volunteerId: helper, assignedAt: new Date(slower.createdAt.getTime() + 30 * 60_000) } });
    await request(48, b3, "open");
    await request(150, b3, "expired", { closedHoursAgo: 5 });
    await request(200, b3, "done", { closedHoursAgo: 120 });
    // 西区 (building 5): one new, open for an hour (not stale yet).
    await request(1, b5, "open");
    // An SOS acknowledged after 90 s, one never acknowledged.
    const sos = await request(30, b3, "done", { category: "sos", closedHoursAgo: 29 });
    await prisma.requestPing.create({ data: { requestId: sos.id, volunteerId: helper, wave: 1, state: "accepted", sentAt: sos.createdAt, answeredAt: new Date(sos.createdAt.getTime() + 90_000) } });
    await request(20, b5, "open", { category: "sos" });
    await prisma.report.createMany({ data: [
      { communityId: community.id, reporterId: requester, buildingId: b3, gridId: east, kind: "light", description: "灯坏了", state: "open", createdAt: at(10) },
      { communityId: community.id, reporterId: requester, buildingId: b5, gridId: west, kind: "water", description: "堵了", state: "fixed", createdAt: at(30), resolvedAt: at(6) },
    ] });
    await prisma.mediationCase.create({ data: { communityId: community.id, openedById: requester, gridId: east, kind: "noise", description: "私密细节", state: "taken", createdAt: at(10) } });
    await prisma.checkinEnrolment.create({ data: { personId: await person("李奶奶"), lastCheckinAt: at(30), createdAt: at(500) } });
    await prisma.checkinEnrolment.create({ data: { personId: await person("钱大爷"), lastCheckinAt: at(3), createdAt: at(500) } });
    // The true history: 李奶奶 missed two days running this week (one answered late) and one the week before.
    const grandma = await prisma.checkinEnrolment.findUniqueOrThrow({ where: { personId: await person("李奶奶") } });
    const uncle = await prisma.checkinEnrolment.findUniqueOrThrow({ where: { personId: await person("钱大爷") } });
    await prisma.checkinDay.createMany({ data: [
      { enrolmentId: grandma.id, personId: grandma.personId, date: "2026-11-21", state: "missed", createdAt: at(200) },
      { enrolmentId: grandma.id, personId: grandma.personId, date: "2026-11-27", state: "missed", createdAt: at(59) },
      { enrolmentId: grandma.id, personId: grandma.personId, date: "2026-11-28", state: "answered", late: true, createdAt: at(35) },
      { enrolmentId: uncle.id, personId: uncle.personId, date: "2026-11-28", state: "answered", createdAt: at(35) },
    ] });
    // Ledger: 王师傅 (3栋) 2 h A and 1 h B; 张阿姨 (3栋) 1.5 h A, reversed this week; Emma (7栋, 西区) 1 h C.
    const uow = new PrismaUnitOfWork(app.db, new VirtualClock(at(2)));
    await uow.run(async (repos) => {
      const fund = await repos.ledger.account(community.id, null);
      const credit = async (name: string, minutes: number, category: string) =>
        repos.ledger.post({ communityId: community.id, kind: "credit", category, movements: creditMovements(await repos.ledger.account(community.id, await person(name)), fund, minutes) });
      await credit("王师傅", 120, "A");
      await credit("王师傅", 60, "B");
      const wrong = await credit("张阿姨", 90, "A");
      await credit("Emma", 60, "C");
      const original = (await repos.ledger.transfer(wrong.id))!;
      await repos.ledger.post({ communityId: community.id, kind: "reversal", category: "A", reversesId: wrong.id, movements: reversalMovements(original.movements) });
    });
    const { current, previous } = weeksEndingAt(END);
    const all = await uow.run((repos) => repos.digests.figures(community.id, null, current));
    const eastOnly = await uow.run((repos) => repos.digests.figures(community.id, [east], current));
    const before = await uow.run((repos) => repos.digests.figures(community.id, null, previous));

    expect(all.grids.map((grid) => [grid.gridName, grid.newRequests, grid.open, grid.stale, grid.expired, grid.medianFirstAcceptMinutes])).toEqual([
      ["东区网格", 4, 2, 1, 1, 20],
      ["西区网格", 1, 1, 0, 0, null],
    ]);
    expect(before.grids.map((grid) => [grid.gridName, grid.newRequests, grid.open, grid.stale])).toEqual([
      ["东区网格", 1, 1, 1],
      ["西区网格", 0, 0, 0],
    ]);
    expect(all.sos).toEqual({ alerts: 2, acknowledged: 1, medianAckSeconds: 90, slowestAckSeconds: 90 });
    expect(all.reports).toEqual({ byState: { open: 1, fixed: 1 }, byKind: { light: 1, water: 1 }, openAtEnd: 1, oldestOpen: { id: 1, kind: "light", days: 0 }, medianHoursToFixed: 24 });
    expect(all.mediations).toEqual({ byState: { taken: 1 }, byKind: { noise: 1 } });
    expect(all.minutesByCategory).toEqual({ A: 120, B: 60, C: 60 });
    expect(all.topHelpers).toEqual([{ name: "王师傅", minutes: 180 }, { name: "Emma", minutes: 60 }]);
    expect(all.checkins).toEqual({ missedDays: 2, people: 1, streaks: [{ name: "李奶奶", days: 2 }] });
    expect(before.checkins).toEqual({ missedDays: 1, people: 1, streaks: [] });
    expect(eastOnly.grids.map((grid) => grid.gridName)).toEqual(["东区网格"]);
    expect(eastOnly.sos.alerts).toBe(1);
    expect(eastOnly.reports.byState).toEqual({ open: 1 });
    expect(eastOnly.mediations.byState).toEqual({ taken: 1 });
    expect(eastOnly.minutesByCategory).toEqual({ A: 120, B: 60 });
    await app.close();
  });
});
