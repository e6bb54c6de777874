/** The digest's definitions over plain records: new, open, stale, expired, waits, SOS acknowledgements, hours, check-ins. */
import { describe, expect, it } from "vitest";
import type { RequestState } from "../../src/features/requests/ports.ts";
import {
  creditedHours,
  digestFigures,
  firstAcknowledgement,
  groupWeekOf,
  isExpiredIn,
  checkinFigures,
  isNewIn,
  isOpenAtEnd,
  isStaleAtEnd,
  type RequestRecord,
  type TransferRecord,
} from "../../src/features/digests/domain/definitions.ts";

const END = new Date("2026-11-29T12:00:00Z");
const HOUR = 3600_000;
const at = (hoursBeforeEnd: number) => new Date(END.getTime() - hoursBeforeEnd * HOUR);
const week = { from: at(168), to: END };
let nextId = 0;
const request = (createdHoursAgo: number, state: RequestState, extra: Partial<RequestRecord> = {}): RequestRecord => ({
  id: ++nextId,
  buildingId: 3,
  category: "borrow",
  state,
  createdAt: at(createdHoursAgo),
  closedAt: null,
  firstAssignedAt: null,
  ...extra,
});

describe("digest definitions", () => {
  it("calls a request new in the span it was made in, and never an SOS", () => {
    expect(isNewIn(request(10, "open"), week)).toBe(true);
    expect(isNewIn(request(200, "open"), week)).toBe(false);
    expect([isNewIn(request(168, "open"), week), isNewIn(request(0, "open"), week)]).toEqual([true, false]); // [from, to)
    expect(isNewIn(request(10, "open", { category: "sos" }), week)).toBe(false);
  });

  it("calls a request open at the end when still active, or closed only after the end", () => {
    expect(isOpenAtEnd(request(10, "assigned"), week)).toBe(true);
    expect(isOpenAtEnd(request(10, "done", { closedAt: at(1) }), week)).toBe(false);
    expect(isOpenAtEnd(request(10, "done", { closedAt: at(-1) }), week)).toBe(true);
    expect(isOpenAtEnd(request(-1, "open"), week)).toBe(false); // made after the end
  });

  it("calls an open request stale after a day with nobody taking it before the end", () => {
    expect(isStaleAtEnd(request(24, "open"), week)).toBe(true);
    expect(isStaleAtEnd(request(23, "open"), week)).toBe(false);
    expect(isStaleAtEnd(request(48, "assigned", { firstAssignedAt: at(30) }), week)).toBe(false);
    expect(isStaleAtEnd(request(48, "assigned", { firstAssignedAt: at(-2) }), week)).toBe(true); // taken only after the end
  });

  it("counts expiries by when they happened, SOS included", () => {
    expect(isExpiredIn(request(300, "expired", { closedAt: at(5) }), week)).toBe(true);
    expect(isExpiredIn(request(300, "expired", { closedAt: at(200) }), week)).toBe(false);
    expect(isExpiredIn(request(30, "expired", { closedAt: at(5), category: "sos" }), week)).toBe(true);
  });

  it("takes the earliest acceptance of an SOS as its acknowledgement", () => {
    expect(firstAcknowledgement([
      { state: "sent", answeredAt: null },
      { state: "accepted", answeredAt: at(3) },
      { state: "accepted", answeredAt: at(4) },
      { state: "declined", answeredAt: at(5) },
    ])).toEqual(at(4));
    expect(firstAcknowledgement([{ state: "sent", answeredAt: null }])).toBeNull();
  });

  it("adds credits and subtracts their reversals per category, ranks helpers, and skips transfers and other grids", () => {
    const person = (id: number, name: string, buildingId: number) => ({ id, name, buildingId });
    const wang = person(1, "王师傅", 3);
    const emma = person(2, "Emma", 7);
    const credit = (who: typeof wang, minutes: number, category: string | null, kind = "credit", hoursAgo = 10): TransferRecord => ({
      kind,
      category,
      createdAt: at(hoursAgo),
      entries: kind === "reversal" ? [{ minutes: -minutes, person: who }, { minutes, person: null }] : [{ minutes: -minutes, person: null }, { minutes, person: who }],
    });
    const transfers = [
      credit(wang, 120, "A"),
      credit(wang, 60, "B"),
      credit(emma, 90, "A"),
      credit(emma, 90, "A", "reversal"),
      credit(emma, 60, "C"),
      credit(wang, 30, null, "transfer"),
      credit(wang, 600, "A", "credit", 500), // before the span
    ];
    expect(creditedHours(transfers, week, () => true)).toEqual({
      minutesByCategory: { A: 120, B: 60, C: 60 },
      topHelpers: [{ name: "王师傅", minutes: 180 }, { name: "Emma", minutes: 60 }],
    });
    expect(creditedHours(transfers, week, (buildingId) => buildingId === 3)).toEqual({ minutesByCategory: { A: 120, B: 60 }, topHelpers: [{ name: "王师傅", minutes: 180 }] });
  });

  it("counts missed check-in days of the span from their history (late answers included) and flags a streak by name", () => {
    type State = "asked" | "answered" | "missed" | "paused";
    const day = (date: string, hoursAgo: number, state: State, late = false) => ({ date, at: at(hoursAgo), state, late });
    const records = [
      // Three days running, the middle one answered late; one missed before the span (not counted).
      { name: "李奶奶", buildingId: 3, days: [day("2026-11-20", 220, "missed"), day("2026-11-26", 75, "missed"), day("2026-11-27", 51, "answered", true), day("2026-11-28", 27, "missed")] },
      // Two missed days with one answered between them: no streak.
      { name: "钱大爷", buildingId: 5, days: [day("2026-11-24", 123, "missed"), day("2026-11-25", 99, "answered"), day("2026-11-26", 75, "missed")] },
      // Paused days and answered ones are not missed.
      { name: "Emma", buildingId: 7, days: [day("2026-11-27", 51, "paused"), day("2026-11-28", 27, "answered")] },
    ];
    expect(checkinFigures(records, week)).toEqual({ missedDays: 5, people: 2, streaks: [{ name: "李奶奶", days: 3 }] });
    expect(checkinFigures([], week)).toEqual({ missedDays: 0, people: 0, streaks: [] });
  });

  it("puts it together per grid with medians, limited to a captain's grid", () => {
    const records = {
      grids: [{ id: 1, name: "东区" }, { id: 2, name: "西区" }],
      gridOf: new Map<number, number | null>([[3, 1], [5, 2], [9, null]]),
      requests: [
        request(100, "done", { closedAt: at(90), firstAssignedAt: new Date(at(100).getTime() + 10 * 60_000) }),
        request(80, "assigned", { firstAssignedAt: new Date(at(80).getTime() + 30 * 60_000) }),
        request(48, "open"),
        request(1, "open", { buildingId: 5 }),
        request(2, "open", { buildingId: 9 }),
        request(30, "done", { category: "sos", closedAt: at(29), firstAcknowledgedAt: new Date(at(30).getTime() + 90_000) }),
      ],
      reports: [
        { id: 1, state: "open", kind: "light", gridId: 1, duplicateOfId: null, createdAt: at(10), resolvedAt: null },
        { id: 2, state: "fixed", kind: "water", gridId: 2, duplicateOfId: null, createdAt: at(100), resolvedAt: at(40) },
        { id: 3, state: "in_progress", kind: "light", gridId: 1, duplicateOfId: null, createdAt: at(400), resolvedAt: null },
        { id: 4, state: "duplicate", kind: "light", gridId: 1, duplicateOfId: 1, createdAt: at(5), resolvedAt: null },
        // Fixed only after the span ended: still waiting at its end.
        { id: 5, state: "fixed", kind: "lift", gridId: 2, duplicateOfId: null, createdAt: at(200), resolvedAt: new Date(END.getTime() + HOUR) },
      ],
      mediations: [
        { state: "taken", kind: "noise", gridId: 1, createdAt: at(10) },
        { state: "open", kind: "leak", gridId: null, createdAt: at(20) },
        { state: "closed", kind: "pets", gridId: 1, createdAt: at(300) },
      ],
      transfers: [],
      checkins: [{ name: "钱大爷", buildingId: 5, days: [{ date: "2026-11-28", at: at(30), state: "missed" as const, late: false }] }],
    };
    const all = digestFigures(records, null, week);
    expect(all.grids.map((grid) => [grid.gridName, grid.newRequests, grid.open, grid.stale, grid.medianFirstAcceptMinutes])).toEqual([
      ["东区", 3, 2, 1, 20],
      ["西区", 1, 1, 0, null],
      ["", 1, 1, 0, null], // a building in no grid
    ]);
    expect(all.sos).toEqual({ alerts: 1, acknowledged: 1, medianAckSeconds: 90, slowestAckSeconds: 90 });
    expect(all.reports).toEqual({
      byState: { open: 1, fixed: 1, duplicate: 1 },
      byKind: { light: 1, water: 1 },
      openAtEnd: 3,
      oldestOpen: { id: 3, kind: "light", days: 16 },
      medianHoursToFixed: 60,
    });
    expect(all.mediations).toEqual({ byState: { taken: 1, open: 1 }, byKind: { noise: 1, leak: 1 } });
    expect(all.checkins).toEqual({ missedDays: 1, people: 1, streaks: [] });
    const east = digestFigures(records, [1], week);
    expect(east.grids.map((grid) => grid.gridName)).toEqual(["东区"]);
    expect([east.reports, east.mediations, east.checkins.missedDays, east.sos.alerts]).toEqual([
      { byState: { open: 1, duplicate: 1 }, byKind: { light: 1 }, openAtEnd: 2, oldestOpen: { id: 3, kind: "light", days: 16 }, medianHoursToFixed: null },
      { byState: { taken: 1 }, byKind: { noise: 1 } },
      0,
      1,
    ]);
  });

  it("counts a group's week: helpers named only when allowed and not private, credits not reversed, requests done, events held", () => {
    const deed = (helperId: number, name: string, extra: { nameInSummary?: boolean; private?: boolean; kind?: string; hoursAgo?: number } = {}) => ({
      helperId,
      helperName: name,
      nameInSummary: extra.nameInSummary ?? true,
      private: extra.private ?? false,
      kind: extra.kind ?? "thanks",
      createdAt: at(extra.hoursAgo ?? 5),
    });
    const week2 = groupWeekOf(
      {
        deeds: [deed(1, "甲"), deed(2, "乙", { private: true, kind: "request" }), deed(3, "丙", { nameInSummary: false }), deed(1, "甲", { hoursAgo: 300 })],
        credits: [
          { state: "confirmed", minutes: 60, decidedAt: at(3), transfer: { reversed: false } },
          { state: "confirmed", minutes: 90, decidedAt: at(3), transfer: { reversed: true } },
          { state: "pending", minutes: 30, decidedAt: null, transfer: null },
        ],
        requests: [request(50, "done", { closedAt: at(4) }), request(50, "cancelled", { closedAt: at(4) })],
        events: [{ state: "open", startsAt: at(20) }, { state: "cancelled", startsAt: at(20) }, { state: "open", startsAt: at(-20) }],
        // Visits to the building's elders: done in the week count; missed, swapped, or out of the week do not.
        visits: [{ state: "done", dueAt: at(30) }, { state: "done", dueAt: at(40) }, { state: "missed", dueAt: at(30) }, { state: "swapped", dueAt: at(30) }, { state: "done", dueAt: at(-20) }],
      },
      week,
    );
    expect(week2).toEqual({
      helpers: [
        { personId: 1, name: "甲", nameable: true },
        { personId: 2, name: "乙", nameable: false },
        { personId: 3, name: "丙", nameable: false },
      ],
      minutes: 60,
      requestsResolved: 1,
      eventsHeld: 1,
      thanks: 2,
      visits: 2,
    });
  });
});
