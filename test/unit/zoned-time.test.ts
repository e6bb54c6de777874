/**
 * Local time in a zone, in Europe/London across both 2026 changes (29 March 01:00Z clocks go forward to BST; 25 October
 * 01:00Z they go back to GMT) and in Asia/Shanghai (no daylight saving).
 */
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  addLocalWeeks,
  atLocal,
  localDate,
  localMinute,
  nextLocal,
  offsetMinutes,
  startOfLocalDay,
  weekday,
} from "../../src/kernel/zoned-time.ts";
import { nextSummaryAt, weeksEndingAt } from "../../src/features/digests/domain/figures.ts";

const LONDON = "Europe/London";
const SHANGHAI = "Asia/Shanghai";
const iso = (date: Date) => date.toISOString();
const HOUR = 3_600_000;

describe("zoned time", () => {
  it.each([
    [LONDON, "2026-03-29T00:59:00Z", 0],
    [LONDON, "2026-03-29T01:00:00Z", 60],
    [LONDON, "2026-10-25T00:59:00Z", 60],
    [LONDON, "2026-10-25T01:00:00Z", 0],
    [SHANGHAI, "2026-07-01T00:00:00Z", 480],
    ["America/New_York", "2026-03-08T07:00:00Z", -240],
    ["Asia/Kolkata", "2026-03-08T07:00:00Z", 330],
  ])("%s at %s is %s minutes ahead of UTC", (zone, at, minutes) => {
    expect(offsetMinutes(new Date(at), zone)).toBe(minutes);
  });

  it.each([
    [LONDON, "2026-03-28T23:59:00Z", "2026-03-28", 6],
    [LONDON, "2026-03-29T00:00:00Z", "2026-03-29", 0],
    [LONDON, "2026-03-29T22:59:00Z", "2026-03-29", 0], // 23:59 BST
    [LONDON, "2026-03-29T23:00:00Z", "2026-03-30", 1], // midnight BST
    [LONDON, "2026-10-24T22:59:00Z", "2026-10-24", 6],
    [LONDON, "2026-10-24T23:00:00Z", "2026-10-25", 0],
    [LONDON, "2026-10-25T23:59:00Z", "2026-10-25", 0], // 23:59 GMT
    [LONDON, "2026-10-26T00:00:00Z", "2026-10-26", 1],
    [SHANGHAI, "2026-11-27T15:59:00Z", "2026-11-27", 5],
    [SHANGHAI, "2026-11-27T16:00:00Z", "2026-11-28", 6],
  ])("in %s the instant %s falls on %s (weekday %s)", (zone, at, date, day) => {
    expect(localDate(new Date(at), zone)).toBe(date);
    expect(weekday(new Date(at), zone)).toBe(day);
  });

  it("starts local days at local midnight: 23 hours on 29 March in London, 25 on 25 October, 24 in Shanghai", () => {
    const length = (date: string, next: string, zone: string) => (startOfLocalDay(next, zone).getTime() - startOfLocalDay(date, zone).getTime()) / HOUR;
    expect(iso(startOfLocalDay("2026-03-29", LONDON))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-30", LONDON))).toBe("2026-03-29T23:00:00.000Z");
    expect(length("2026-03-29", "2026-03-30", LONDON)).toBe(23);
    expect(iso(startOfLocalDay(new Date("2026-10-25T12:00:00Z"), LONDON))).toBe("2026-10-24T23:00:00.000Z");
    expect(iso(startOfLocalDay("2026-10-26", LONDON))).toBe("2026-10-26T00:00:00.000Z");
    expect(length("2026-10-25", "2026-10-26", LONDON)).toBe(25);
    expect(iso(startOfLocalDay(new Date("2026-11-27T16:30:00Z"), SHANGHAI))).toBe("2026-11-27T16:00:00.000Z");
    expect(length("2026-11-28", "2026-11-29", SHANGHAI)).toBe(24);
  });

  it.each([
    ["2026-03-29", { hour: 0, minute: 59 }, LONDON, "2026-03-29T00:59:00.000Z"],
    ["2026-03-29", { hour: 1, minute: 30 }, LONDON, "2026-03-29T01:30:00.000Z"], // in the gap: 02:30 BST
    ["2026-03-29", { hour: 2, minute: 0 }, LONDON, "2026-03-29T01:00:00.000Z"],
    ["2026-03-29", { hour: 9, minute: 0 }, LONDON, "2026-03-29T08:00:00.000Z"],
    ["2026-10-25", { hour: 0, minute: 59 }, LONDON, "2026-10-24T23:59:00.000Z"],
    ["2026-10-25", { hour: 1, minute: 30 }, LONDON, "2026-10-25T00:30:00.000Z"], // twice: the earlier, BST
    ["2026-10-25", { hour: 2, minute: 0 }, LONDON, "2026-10-25T02:00:00.000Z"],
    ["2026-10-25", { hour: 9, minute: 0 }, LONDON, "2026-10-25T09:00:00.000Z"],
    ["2026-03-08", { hour: 2, minute: 30 }, "America/New_York", "2026-03-08T07:30:00.000Z"], // gap: 03:30 EDT
    ["2026-11-28", { hour: 9, minute: 0 }, SHANGHAI, "2026-11-28T01:00:00.000Z"],
    ["2026-11-28", 24 * 60, SHANGHAI, "2026-11-28T16:00:00.000Z"], // 24:00 is the next midnight
  ])("%s at %o in %s is %s", (date, time, zone, at) => {
    expect(iso(atLocal(date, time, zone))).toBe(at);
  });

  it("adds local days and weeks keeping the wall time: 09:00 stays 09:00 across both changes", () => {
    expect(iso(addLocalWeeks(new Date("2026-03-22T09:00:00Z"), 1, LONDON))).toBe("2026-03-29T08:00:00.000Z");
    expect(iso(addLocalWeeks(new Date("2026-03-29T08:00:00Z"), -1, LONDON))).toBe("2026-03-22T09:00:00.000Z");
    expect(iso(addLocalWeeks(new Date("2026-10-18T08:00:00Z"), 1, LONDON))).toBe("2026-10-25T09:00:00.000Z");
    expect(iso(addLocalWeeks(new Date("2026-03-22T09:00:00Z"), 31, LONDON))).toBe("2026-10-25T09:00:00.000Z");
    expect(iso(addLocalDays(new Date("2026-03-28T12:00:00Z"), 1, LONDON))).toBe("2026-03-29T11:00:00.000Z");
    expect(iso(addLocalDays(new Date("2026-10-24T11:00:00Z"), 1, LONDON))).toBe("2026-10-25T12:00:00.000Z");
    expect(iso(addLocalWeeks(new Date("2026-11-28T01:00:00Z"), 1, SHANGHAI))).toBe("2026-12-05T01:00:00.000Z");
    for (let weeks = 0; weeks < 52; weeks += 1) {
      const at = addLocalWeeks(new Date("2026-01-03T09:00:00Z"), weeks, LONDON);
      expect([localMinute(at, LONDON), weekday(at, LONDON)]).toEqual([9 * 60, 6]);
    }
  });

  it.each([
    ["2026-03-25T12:00:00Z", LONDON, "2026-03-28T09:00:00.000Z"],
    ["2026-03-28T09:00:00Z", LONDON, "2026-04-04T08:00:00.000Z"], // strictly after: next week's, in BST
    ["2026-10-24T08:00:00Z", LONDON, "2026-10-31T09:00:00.000Z"],
    ["2026-11-25T02:00:00Z", SHANGHAI, "2026-11-28T01:00:00.000Z"],
  ])("the next Saturday 09:00 after %s in %s is %s", (after, zone, at) => {
    expect(iso(nextLocal(6, { hour: 9, minute: 0 }, new Date(after), zone))).toBe(at);
  });

  it("keeps the Sunday 20:00 summary at 20:00 local across both changes, and its weeks seven local days long", () => {
    const sunday8pm = { day: 0, minute: 20 * 60 };
    expect(iso(nextSummaryAt(new Date("2026-03-22T20:00:00Z"), sunday8pm, LONDON))).toBe("2026-03-29T19:00:00.000Z");
    expect(iso(nextSummaryAt(new Date("2026-10-18T19:00:00Z"), sunday8pm, LONDON))).toBe("2026-10-25T20:00:00.000Z");
    expect(iso(nextSummaryAt(new Date("2026-11-29T11:59:00Z"), sunday8pm, SHANGHAI))).toBe("2026-11-29T12:00:00.000Z");
    const spring = weeksEndingAt(new Date("2026-03-29T19:00:00Z"), LONDON);
    expect([iso(spring.current.from), iso(spring.previous.from)]).toEqual(["2026-03-22T20:00:00.000Z", "2026-03-15T20:00:00.000Z"]);
    const autumn = weeksEndingAt(new Date("2026-10-25T20:00:00Z"), LONDON);
    expect([iso(autumn.current.from), iso(autumn.previous.from)]).toEqual(["2026-10-18T19:00:00.000Z", "2026-10-11T19:00:00.000Z"]);
  });
});
