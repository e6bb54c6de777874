import { describe, expect, it } from "vitest";
import { dueReminders, nextHolders, placeFor, promotions } from "../../src/features/events/domain/sign-up-policy.ts";
import { parseEventSpec } from "../../src/parse/event-spec.ts";

const ref = { now: new Date("2026-11-25T10:00:00+08:00"), timeZone: "Asia/Shanghai" };

describe("sign-up policy", () => {
  it("confirms a party only when all of it fits", () => {
    expect(placeFor(null, 500, 3)).toBe("confirmed");
    expect(placeFor(10, 8, 2)).toBe("confirmed");
    expect(placeFor(10, 9, 2)).toBe("waitlisted");
  });

  it("promotes the waitlist strictly in order: a party that doesn't fit holds those behind it", () => {
    const waitlist = [{ id: "a", count: 1 }, { id: "b", count: 3 }, { id: "c", count: 1 }];
    expect(promotions(10, 8, waitlist).map((one) => one.id)).toEqual(["a"]);
    expect(promotions(10, 5, waitlist).map((one) => one.id)).toEqual(["a", "b", "c"]);
    expect(promotions(null, 100, waitlist)).toHaveLength(3);
  });

  it("schedules only the reminders still ahead", () => {
    const starts = new Date("2026-11-26T10:00:00Z");
    expect(dueReminders(starts, [1440, 120], new Date("2026-11-25T09:00:00Z")).map((one) => one.offset)).toEqual([1440, 120]);
    expect(dueReminders(starts, [1440, 120], new Date("2026-11-25T11:00:00Z")).map((one) => one.offset)).toEqual([120]);
    expect(dueReminders(starts, [1440, 120], new Date("2026-11-26T09:00:00Z"))).toEqual([]);
  });

  it("rotates duty holders round the pool, everyone once before anyone twice", () => {
    expect(nextHolders([1, 2, 3, 4, 5], [1, 2], 2)).toEqual([3, 4]);
    expect(nextHolders([1, 2, 3, 4, 5], [3, 4], 2)).toEqual([5, 1]);
    expect(nextHolders([1, 2, 3, 4, 5], [], 2)).toEqual([1, 2]);
    expect(nextHolders([1, 2], [1, 2], 3)).toEqual([1, 2]);
  });
});

describe("event commands", () => {
  it.each([
    ["周六 9:00-11:00 邻里花园除草 限20人 截止周五20:00", { title: "邻里花园除草", startsAt: "2026-11-28T01:00:00.000Z", endsAt: "2026-11-28T03:00:00.000Z", capacity: 20, deadline: "2026-11-27T12:00:00.000Z", kind: "activity" }],
    ["Sat 9am-11am Garden cleanup, 20 places", { title: "Garden cleanup", startsAt: "2026-11-28T01:00:00.000Z", endsAt: "2026-11-28T03:00:00.000Z", capacity: 20, kind: "activity" }],
    ["每周六 8:00-9:00 花园浇水 值班 地点：东门花坛", { title: "花园浇水", place: "东门花坛", kind: "duty", recurrence: "weekly" }],
    ["明天下午3点 包饺子", { title: "包饺子", startsAt: "2026-11-26T07:00:00.000Z", timeGuessed: false }],
    ["周六 包饺子", { title: "包饺子", startsAt: "2026-11-28T01:00:00.000Z", timeGuessed: true }],
    ["12月5日 上午9点 义诊 10个名额", { title: "义诊", capacity: 10 }],
    ["tomorrow 7pm movie night at: community room, max 30", { title: "Movie night", place: "community room", capacity: 30 }],
  ])("%s", (args, expected) => {
    const spec = parseEventSpec(args, ref);
    expect(JSON.parse(JSON.stringify(spec))).toMatchObject(expected);
  });

  it.each([
    ["包饺子", "no-date"],
    ["周六 9:00", "no-title"],
    ["昨天 包饺子", "past"],
    ["周六 9:00 包饺子 截止下周一", "deadline-after-start"],
  ])("%s → %s", (args, error) => {
    expect(parseEventSpec(args, ref)).toEqual({ error });
  });
});
