/**
 * The weekly digest on the fakes (no database): a crafted week where each number is known — new, open, stale and
 * expired requests per grid, the median wait for a first acceptance, SOS acknowledgement, reports and mediation by
 * state, hours by category with a reversal subtracted, top helpers, missed check-ins — and a captain's digest limited
 * to their grid, sent privately. Mirrors test/integration/digest-figures.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines } from "../support/fakes/world.ts";
import { insert } from "../support/fakes/state.ts";
import { weeksEndingAt } from "../../src/features/digests/domain/figures.ts";
import { creditMovements, reversalMovements } from "../../src/features/timebank/domain/ledger.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { FakeUnitOfWork } from "../support/fakes/unit-of-work.ts";

const END = new Date("2026-11-29T20:00:00+08:00");
const HOUR = 3600_000;
const at = (hoursBeforeEnd: number) => new Date(END.getTime() - hoursBeforeEnd * HOUR);

describe("weekly digest (use cases on fakes)", () => {
  it("counts a crafted week exactly, and a captain's digest covers only their grid, privately", async () => {
    const world = demoWorld({ start: END });
    const state = world.state;
    const id = (name: string) => world.person(name).id;
    const building = (key: string) => state.buildings.find((one) => one.key === key)!.id;
    const east = state.grids.find((one) => one.name === "东区网格")!.id;
    const request = (createdHoursAgo: number, buildingId: number, state_: "open" | "assigned" | "done" | "expired", extra: { closedHoursAgo?: number; category?: "sos" } = {}) =>
      insert(state, "requests", {
        communityId: world.community.id,
        requesterId: id("王秀英"),
        chatId: null,
        buildingId,
        category: extra.category ?? "borrow",
        what: "x",
        neededAt: null,
        place: null,
        urgent: false,
        state: state_,
        sourceText: null,
        minutesSpent: null,
        createdAt: at(createdHoursAgo),
        closedAt: extra.closedHoursAgo === undefined ? null : at(extra.closedHoursAgo),
      });
    const assign = (requestId: number, after: number) =>
      insert(state, "assignments", { requestId, volunteerId: id("王师傅"), state: "active", assignedAt: new Date(state.requests.find((r) => r.id === requestId)!.createdAt.getTime() + after), doneAt: null });
    const [b3, b5] = [building("3"), building("5")];
    assign(request(100, b3, "done", { closedHoursAgo: 90 }).id, 10 * 60_000);
    assign(request(80, b3, "assigned").id, 30 * 60_000);
    request(48, b3, "open");
    request(150, b3, "expired", { closedHoursAgo: 5 });
    request(200, b3, "done", { closedHoursAgo: 120 });
    request(1, b5, "open");
    const sos = request(30, b3, "done", { category: "sos", closedHoursAgo: 29 });
    insert(state, "pings", { requestId: sos.id, volunteerId: id("王师傅"), wave: 1, state: "accepted", sentAt: sos.createdAt, answeredAt: new Date(sos.createdAt.getTime() + 90_000) });
    request(20, b5, "open", { category: "sos" });
    const report = { communityId: world.community.id, reporterId: id("王秀英"), chatId: null, gridId: null, place: null, placeKey: null, kind: "light", description: "楼道灯坏了", stateNote: null, duplicateOfId: null, updatedAt: at(10), resolvedAt: null };
    const west = state.grids.find((grid) => grid.name === "西区网格")!.id;
    insert(state, "reports", { ...report, buildingId: b3, gridId: east, state: "open", createdAt: at(10) });
    insert(state, "reports", { ...report, buildingId: b5, gridId: west, state: "fixed", createdAt: at(10), resolvedAt: at(4) });
    insert(state, "mediations", { communityId: world.community.id, state: "taken", kind: "noise", gridId: null, createdAt: at(10) });
    insert(state, "checkins", { personId: id("李奶奶"), active: true, lastCheckinAt: at(30), createdAt: at(500) });
    insert(state, "checkins", { personId: id("钱大爷"), active: true, lastCheckinAt: at(3), createdAt: at(500) });
    // 李奶奶 missed two days running this week and one the week before; 钱大爷 answered.
    const day = (name: string, date: string, state: "missed" | "answered") => ({
      enrolmentId: name === "李奶奶" ? 1 : 2,
      personId: id(name),
      date,
      state,
      late: false,
      answeredById: null,
      answeredAt: null,
      goingById: null,
      escalatedTo: [],
    });
    insert(state, "checkinDays", day("李奶奶", "2026-11-20", "missed"));
    insert(state, "checkinDays", day("李奶奶", "2026-11-26", "missed"));
    insert(state, "checkinDays", day("李奶奶", "2026-11-27", "missed"));
    insert(state, "checkinDays", day("钱大爷", "2026-11-27", "answered"));
    // The ledger through the port, two hours before the end: 王师傅 2 h A and 1 h B; 张阿姨 1.5 h A, reversed; Emma 1 h C.
    const ledgerUow = new FakeUnitOfWork(new VirtualClock(at(2)), world.uow.state);
    await ledgerUow.run(async (repos) => {
      const fund = await repos.ledger.account(world.community.id, null);
      const credit = async (name: string, minutes: number, category: string) =>
        repos.ledger.post({ communityId: world.community.id, kind: "credit", category, movements: creditMovements(await repos.ledger.account(world.community.id, id(name)), fund, minutes) });
      await credit("王师傅", 120, "A");
      await credit("王师傅", 60, "B");
      const wrong = await credit("张阿姨", 90, "A");
      await credit("Emma", 60, "C");
      const original = (await repos.ledger.transfer(wrong.id))!;
      await repos.ledger.post({ communityId: world.community.id, kind: "reversal", category: "A", reversesId: wrong.id, movements: reversalMovements(original.movements) });
    });
    world.uow.state = ledgerUow.state;

    const { current, previous } = weeksEndingAt(END);
    const [all, eastOnly, before] = await world.uow.run((repos) =>
      Promise.all([repos.digests.figures(world.community.id, null, current), repos.digests.figures(world.community.id, [east], current), repos.digests.figures(world.community.id, null, previous)]),
    );
    expect(all.grids.map((grid) => [grid.gridName, grid.newRequests, grid.open, grid.stale, grid.expired, grid.medianFirstAcceptMinutes])).toEqual([
      ["东区网格", 4, 2, 1, 1, 20],
      ["西区网格", 1, 1, 0, 0, null],
    ]);
    expect(before.grids.map((grid) => [grid.gridName, grid.newRequests, grid.open, grid.stale])).toEqual([
      ["东区网格", 1, 1, 1],
      ["西区网格", 0, 0, 0],
    ]);
    expect(all.sos).toEqual({ alerts: 2, acknowledged: 1, medianAckSeconds: 90, slowestAckSeconds: 90 });
    expect([all.reports.byState, all.reports.medianHoursToFixed, all.mediations, all.minutesByCategory, all.checkins, before.checkins.missedDays]).toEqual([
      { open: 1, fixed: 1 },
      6,
      { byState: { taken: 1 }, byKind: { noise: 1 } },
      { A: 120, B: 60, C: 60 },
      { missedDays: 2, people: 1, streaks: [{ name: "李奶奶", days: 2 }] },
      1,
    ]);
    expect(all.topHelpers).toEqual([{ name: "王师傅", minutes: 180 }, { name: "Emma", minutes: 60 }]);
    expect([eastOnly.grids.map((grid) => grid.gridName), eastOnly.sos.alerts, eastOnly.reports.byState, eastOnly.mediations.byState, eastOnly.minutesByCategory]).toEqual([["东区网格"], 1, { open: 1 }, {}, { A: 120, B: 60 }]);

    // What a captain sees: their grid's digest, privately; the group hears only that it was sent.
    const digest = await world.say(world.message("/digest", "周大姐", "3栋邻里群"));
    expect(lines(digest).map(([kind, to]) => `${kind}:${to}`)).toEqual(["user:周大姐", "chat:3栋邻里群"]);
    expect(digest[0]!.message.text).toContain("东区网格");
    expect(digest[0]!.message.text).not.toContain("西区网格");
    const coordinator = await world.say(world.message("/digest", "孙主任"));
    expect(coordinator[0]!.message.text).toContain("西区网格");
    expect(lines(await world.say(world.message("/digest", "李奶奶")))[0]![1]).toBe("dm:李奶奶");
  });
});
