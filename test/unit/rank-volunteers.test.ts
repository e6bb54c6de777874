import { describe, expect, it } from "vitest";
import type { Candidate, Need } from "../../src/features/requests/domain/rank-volunteers.ts";
import { inQuietHours, nextWave, rankVolunteers } from "../../src/features/requests/domain/rank-volunteers.ts";

let nextId = 100;
/** A volunteer in building 3 of grid 1, active, available, with no history. */
function aVolunteer(overrides: Partial<Candidate> = {}): Candidate {
  nextId += 1;
  return {
    personId: nextId,
    buildingId: 3,
    gridId: 1,
    active: true,
    skills: [],
    items: [],
    hasCar: false,
    firstAid: false,
    medicalTraining: false,
    verified: false,
    quietFrom: null,
    quietTo: null,
    availability: [],
    maxPingsPerDay: 5,
    pingsToday: 0,
    pingsLast7Days: 0,
    openAssignments: 0,
    accepted: 0,
    missed: 0,
    ...overrides,
  };
}

const need = (overrides: Partial<Need> = {}): Need => ({
  requesterId: 1,
  category: "borrow",
  text: "谁家有梯子借用一下",
  buildingId: 3,
  gridId: 1,
  urgent: false,
  sos: false,
  ...overrides,
});
const WEDNESDAY_NOON = { weekday: 3, minute: 12 * 60 };
const ids = (ranked: Array<{ personId: number }>) => ranked.map((r) => r.personId);

describe("ranking volunteers", () => {
  it("climbs the ladder: same building, same grid, other grids, then anyone", () => {
    const anywhere = aVolunteer({ buildingId: null, gridId: null, items: ["梯子"] });
    const otherGrid = aVolunteer({ buildingId: 7, gridId: 2, items: ["梯子"] });
    const sameGrid = aVolunteer({ buildingId: 2, gridId: 1, items: ["梯子"] });
    const sameBuilding = aVolunteer();
    const ranked = rankVolunteers(need(), [anywhere, otherGrid, sameGrid, sameBuilding], WEDNESDAY_NOON);
    expect(ids(ranked)).toEqual([sameBuilding, sameGrid, otherGrid, anywhere].map((v) => v.personId));
    expect(ranked.map((r) => r.rung)).toEqual([0, 1, 2, 3]);
  });

  it("puts the neighbour who lends the item or has the skill first, then the least asked", () => {
    const busy = aVolunteer({ pingsLast7Days: 6, openAssignments: 1 });
    const fresh = aVolunteer();
    const ladder = aVolunteer({ items: ["梯子"], pingsLast7Days: 3 });
    expect(ids(rankVolunteers(need(), [busy, fresh, ladder], WEDNESDAY_NOON))).toEqual(
      [ladder, fresh, busy].map((v) => v.personId),
    );
    const plumber = aVolunteer({ skills: ["修水管"] });
    const reader = aVolunteer({ skills: ["读报"] });
    const repair = need({ category: "repair", text: "水管漏水了谁会修" });
    expect(ids(rankVolunteers(repair, [reader, plumber], WEDNESDAY_NOON))[0]).toBe(plumber.personId);
  });

  it("prefers volunteers who answer their pings", () => {
    const reliable = aVolunteer({ accepted: 9, missed: 1 });
    const flaky = aVolunteer({ accepted: 1, missed: 9 });
    expect(ids(rankVolunteers(need(), [flaky, reliable], WEDNESDAY_NOON))).toEqual([reliable.personId, flaky.personId]);
  });

  it("respects quiet hours and availability for normal requests, and ignores them in an emergency", () => {
    const sleeping = aVolunteer({ quietFrom: 22 * 60, quietTo: 7 * 60, firstAid: true });
    const weekendsOnly = aVolunteer({ availability: [{ days: [6, 7], from: 0, to: 24 * 60 }] });
    const night = { weekday: 3, minute: 23 * 60 };
    expect(rankVolunteers(need(), [sleeping, weekendsOnly], night)).toEqual([]);
    const sos = rankVolunteers(need({ category: "other", sos: true, urgent: true }), [weekendsOnly, sleeping], night);
    expect(ids(sos)).toEqual([sleeping.personId, weekendsOnly.personId]); // first aid first
  });

  it("never offers a medical request to an untrained volunteer, nor childcare to an unverified one", () => {
    const untrained = aVolunteer({ firstAid: true });
    const nurse = aVolunteer({ medicalTraining: true });
    expect(ids(rankVolunteers(need({ category: "medical", text: "需要有人帮忙换药" }), [untrained, nurse], WEDNESDAY_NOON))).toEqual([
      nurse.personId,
    ]);
    const unverified = aVolunteer({ skills: ["看孩子"] });
    const verified = aVolunteer({ verified: true });
    expect(ids(rankVolunteers(need({ category: "childcare", text: "接孩子" }), [unverified, verified], WEDNESDAY_NOON))).toEqual([
      verified.personId,
    ]);
  });

  it("leaves out the requester, inactive volunteers and those at their daily ping limit (except for an SOS)", () => {
    const requester = aVolunteer({ personId: 1 });
    const inactive = aVolunteer({ active: false });
    const tired = aVolunteer({ pingsToday: 5, maxPingsPerDay: 5 });
    expect(rankVolunteers(need(), [requester, inactive, tired], WEDNESDAY_NOON)).toEqual([]);
    expect(ids(rankVolunteers(need({ sos: true }), [requester, inactive, tired], WEDNESDAY_NOON))).toEqual([tired.personId]);
  });

  it("reads quiet hours that wrap past midnight", () => {
    const night = { quietFrom: 22 * 60, quietTo: 7 * 60 };
    expect([21 * 60 + 59, 22 * 60, 3 * 60, 7 * 60].map((minute) => inQuietHours(night, minute))).toEqual([false, true, true, false]);
    expect(inQuietHours({ quietFrom: 13 * 60, quietTo: 14 * 60 }, 13 * 60 + 30)).toBe(true);
    expect(inQuietHours({ quietFrom: null, quietTo: null }, 0)).toBe(false);
  });

  it("pings in waves that climb the ladder", () => {
    const volunteers = [
      ...Array.from({ length: 2 }, () => aVolunteer()),
      ...Array.from({ length: 3 }, () => aVolunteer({ buildingId: 2 })),
      aVolunteer({ buildingId: 9, gridId: 2 }),
    ];
    const ranked = rankVolunteers(need(), volunteers, WEDNESDAY_NOON);
    const pinged = new Set<number>();
    const waves = [];
    for (let wave = nextWave(ranked, pinged); wave.length; wave = nextWave(ranked, pinged)) {
      wave.forEach((v) => pinged.add(v.personId));
      waves.push(wave.map((v) => v.rung));
    }
    expect(waves).toEqual([[0, 0, 1], [1, 1, 2]]);
  });
});
