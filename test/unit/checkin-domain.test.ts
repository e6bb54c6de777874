/** The pure rules of daily check-ins: the words they read (table-tested) and the ladder of people asked. */
import { describe, expect, it } from "vitest";
import { awayFor, daysIn, forSomeoneElse, minuteOf, pauseEnd, readCheckinArgs, saysFine, saysSeen, saysSeenWell, wantsDailyCheckin } from "../../src/features/checkins/domain/words.ts";
import { escalationLadder, isMissed, longestMissedStreak } from "../../src/features/checkins/domain/ladder.ts";

const NOW = new Date("2026-11-25T10:00:00+08:00");
const TZ = "Asia/Shanghai";

describe("check-in words", () => {
  it.each([
    ["刚看过了，她挺好", true, true],
    ["上午去看了，一切正常", true, true],
    ["打过电话了，她没事", true, true],
    ["敲过门了，好好的", true, true],
    ["联系上了，平安", true, true],
    ["I just checked on her, she's fine", true, true],
    ["Called him, he is ok", true, true],
    ["Dropped by this morning, all good", true, true],
    ["看过了，她说头晕", true, false],
    ["看过了", true, false],
    ["你看过她了吗？还好吗", false, false],
    ["她还好吗", false, false],
    ["没看到她，敲门没人应", false, false],
    ["还没去看，晚点去", false, false],
    ["I couldn't reach her", false, false],
    ["Have you seen her? Is she ok?", false, false],
    ["今天天气挺好", false, false],
    ["她挺好的", false, false],
  ])("%s: seen %s, seen and well %s", (text, seen, well) => {
    expect(saysSeen(text)).toBe(seen);
    expect(saysSeenWell(text)).toBe(well);
  });

  it.each([
    ["我一个人住，每天报平安", true],
    ["我一个人住，每天报个平安吧", true],
    ["以后每日报平安", true],
    ["天天报一下平安", true],
    ["I'd like a daily check-in", true],
    ["daily checkins please", true],
    ["平安", false],
    ["每天都很忙", false],
    ["报平安", false],
  ])("a wish to check in daily: %s → %s", (text, expected) => {
    expect(wantsDailyCheckin(text)).toBe(expected);
  });

  it.each([
    ["1", true],
    ["平安", true],
    ["挺好的", true],
    ["还好啊", true],
    ["没事儿", true],
    ["I'm fine", true],
    ["im ok!", true],
    ["all good", true],
    ["我不太好", false],
    ["12", false],
    ["挺好的，就是腿疼", false],
  ])("says fine: %s → %s", (text, expected) => {
    expect(saysFine(text)).toBe(expected);
  });

  it.each([
    ["7天", 7],
    ["一周", 7],
    ["两个星期", 14],
    ["半个月", 15],
    ["十天", 10],
    ["3 days", 3],
    ["a week", 7],
    ["2 weeks", 14],
    ["一会儿", undefined],
    ["0天", undefined],
  ])("days in %s → %s", (text, expected) => {
    expect(daysIn(text)).toBe(expected);
  });

  it.each([
    ["我去女儿家住一周", 7],
    ["回老家两个星期", 14],
    ["住院三天", 3],
    ["出门旅游10天", 10],
    ["I'm away for 3 days", 3],
    ["staying with my son for a week", 7],
    ["今天一周年纪念", undefined],
    ["去女儿家吃饭", undefined],
  ])("away: %s → %s days", (text, expected) => {
    expect(awayFor(text)).toBe(expected);
  });

  it.each([
    ["7天", "2026-12-02"],
    ["一周", "2026-12-02"],
    ["until 12-10", "2026-12-10"],
    ["到12月10日", "2026-12-10"],
    ["until 11-20", "2027-11-20"],
    ["until 13-40", undefined],
    ["为什么", undefined],
  ])("a pause %s ends on %s", (text, expected) => {
    expect(pauseEnd(text, NOW, TZ)).toBe(expected);
  });

  it("reads asking for a relative and times of day", () => {
    expect(["帮我妈开通报平安", "给我爸开个每天报平安", "set up a check-in for my mum"].map(forSomeoneElse)).toEqual([true, true, true]);
    expect(["开通报平安", "我妈很好"].map(forSomeoneElse)).toEqual([false, false]);
    expect(["09:00", "9:30", "24:00", "9点"].map(minuteOf)).toEqual([540, 570, undefined, undefined]);
  });

  it.each([
    ["", { kind: "status" }],
    ["开启", { kind: "on", contacts: [] }],
    ["on", { kind: "on", contacts: [] }],
    ["开启 李奶奶", { kind: "on", name: "李奶奶", contacts: [] }],
    ["开启 李奶奶 联系人 张阿姨 王秀英", { kind: "on", name: "李奶奶", contacts: ["张阿姨", "王秀英"] }],
    ["on contacts Zhang, Wang", { kind: "on", contacts: ["Zhang", "Wang"] }],
    ["关闭", { kind: "off" }],
    ["off 李奶奶", { kind: "off", name: "李奶奶" }],
    ["暂停 7天", { kind: "pause", rest: "7天" }],
    ["pause until 12-10", { kind: "pause", rest: "until 12-10" }],
    ["恢复", { kind: "resume" }],
    ["ok", { kind: "fine" }],
    ["平安", { kind: "fine" }],
    ["李奶奶 平安", { kind: "fine", name: "李奶奶" }],
    ["going 12", { kind: "option", action: "going", personId: 12 }],
    ["needhelp 3", { kind: "option", action: "needhelp", personId: 3 }],
    ["每天报平安", { kind: "on", contacts: [] }],
    ["随便说说", { kind: "status" }],
  ])("/报平安 %s", (args, expected) => {
    expect(readCheckinArgs(args)).toEqual(expected);
  });
});

describe("the ladder and streaks", () => {
  it("asks the contacts in order, then the captains, then the coordinators, each once and never the person", () => {
    expect(escalationLadder(1, { contacts: [3, 4], captains: [5], coordinators: [6] })).toEqual([3, 4, 5, 6]);
    expect(escalationLadder(1, { contacts: [5, 1], captains: [5, 7], coordinators: [7, 6] })).toEqual([5, 7, 6]);
    expect(escalationLadder(1, { contacts: [], captains: [], coordinators: [] })).toEqual([]);
  });

  it("counts a late answer as missed and finds the longest run of missed days", () => {
    const day = (date: string, state: "asked" | "answered" | "missed" | "paused", late = false) => ({ date, state, late });
    expect([day("2026-11-26", "missed"), day("2026-11-26", "answered", true), day("2026-11-26", "answered"), day("2026-11-26", "paused")].map(isMissed)).toEqual([true, true, false, false]);
    expect(longestMissedStreak([day("2026-11-30", "missed"), day("2026-12-01", "answered", true), day("2026-12-02", "missed"), day("2026-12-04", "missed")])).toBe(3);
    expect(longestMissedStreak([day("2026-11-30", "missed"), day("2026-12-01", "paused"), day("2026-12-02", "missed")])).toBe(1);
    expect(longestMissedStreak([])).toBe(0);
  });
});
