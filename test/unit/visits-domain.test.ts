/** The pure rules of visits: reading a rota, weekdays and times; whose turn; who is next; what a volunteer says. */
import { describe, expect, it } from "vitest";
import { clock, nextVolunteer, readRotaArgs, readTimeOfDay, readWeekday, turnOf, visitSchedule } from "../../src/features/visits/domain/rota.ts";
import { noteOf, saysCannotGo, worries } from "../../src/features/visits/domain/words.ts";

describe("visit rota", () => {
  it.each([
    ["李奶奶 张阿姨 王秀英 每周三 15:00", { elder: "李奶奶", volunteers: ["张阿姨", "王秀英"], weekday: 3, minute: 900 }],
    ["李奶奶 张阿姨 星期天 上午9点半", { elder: "李奶奶", volunteers: ["张阿姨"], weekday: 0, minute: 570 }],
    ["李奶奶、张阿姨，王秀英 周五 下午3点", { elder: "李奶奶", volunteers: ["张阿姨", "王秀英"], weekday: 5, minute: 900 }],
    ["@李奶奶 @张阿姨 每周三15:00", { elder: "李奶奶", volunteers: ["张阿姨"], weekday: 3, minute: 900 }],
    ["李奶奶 张阿姨 礼拜二 10点", { elder: "李奶奶", volunteers: ["张阿姨"], weekday: 2, minute: 600 }],
    ["Granny Emma every wednesday 3pm", { elder: "Granny", volunteers: ["Emma"], weekday: 3, minute: 900 }],
    ["Ann Bo Cy Sat 10:30am", { elder: "Ann", volunteers: ["Bo", "Cy"], weekday: 6, minute: 630 }],
  ])("reads %s", (text, expected) => {
    expect(readRotaArgs(text)).toEqual(expected);
  });

  it.each([["李奶奶 每周三 15:00"], ["李奶奶 张阿姨 15:00"], ["李奶奶 张阿姨 每周三"], [""], ["李奶奶 张阿姨 每周三 25:00"]])("refuses %s", (text) => {
    expect(readRotaArgs(text)).toBeUndefined();
  });

  it.each([
    ["每周三", 3], ["周日", 0], ["星期天", 0], ["周7", 0], ["周1", 1], ["礼拜六", 6], ["wednesday", 3], ["Thu", 4], ["sunday", 0], ["三", undefined], ["周八", undefined],
  ] as const)("weekday %s", (word, day) => {
    expect(readWeekday(word)).toBe(day);
  });

  it.each([
    ["15:00", 900], ["9:05", 545], ["15点", 900], ["下午3点", 900], ["下午3点半", 930], ["上午10点15分", 615], ["晚上7点", 1140], ["3pm", 900], ["12am", 0], ["12pm", 720], ["15", undefined], ["下午", undefined], ["24:00", undefined],
  ] as const)("time %s", (word, minute) => {
    expect(readTimeOfDay(word)).toBe(minute);
  });

  it("rotates weekly through the list and asks the next one who has not declined", () => {
    expect([0, 1, 2, 3, 4].map((week) => turnOf(["a", "b", "c"], week))).toEqual(["a", "b", "c", "a", "b"]);
    expect(nextVolunteer([1, 2, 3], 1, [1])).toBe(2);
    expect(nextVolunteer([1, 2, 3], 3, [3])).toBe(1);
    expect(nextVolunteer([1, 2, 3], 2, [1, 2])).toBe(3);
    expect(nextVolunteer([1, 2, 3], 3, [1, 2, 3])).toBeUndefined();
    expect(nextVolunteer([1], 1, [1])).toBeUndefined();
  });

  it("reminds a day and two hours before, asks an hour after, checks a day after", () => {
    const due = new Date("2026-12-02T07:00:00Z");
    expect(visitSchedule(due)).toEqual({
      dayBefore: new Date("2026-12-01T07:00:00Z"),
      soon: new Date("2026-12-02T05:00:00Z"),
      ask: new Date("2026-12-02T08:00:00Z"),
      missed: new Date("2026-12-03T07:00:00Z"),
    });
    expect([clock(900), clock(545), clock(0)]).toEqual(["15:00", "09:05", "00:00"]);
  });
});

describe("what a volunteer says", () => {
  it.each([
    ["这周三去不了", true], ["这周去不了", true], ["周五有事去不了了", true], ["这次去不成", true], ["没法去", true], ["下周要请假", true],
    ["I can't make it this week", true], ["cannot go on Wednesday", true], ["unable to visit", true],
    ["去了1小时，精神不错", false], ["我会去", false], ["不是去不了，是晚点到", false], ["I'll go", false],
  ] as const)("%s cannot go: %s", (text, expected) => {
    expect(saysCannotGo(text)).toBe(expected);
  });

  it.each([
    ["她说头晕好几天了", ["头晕"]], ["前天摔了一跤", ["摔"]], ["有点不舒服，没吃饭", ["不舒服", "没吃饭"]], ["昨晚发烧了", ["发烧"]],
    ["she said she felt dizzy", ["dizzy"]], ["she fell last week", ["fell"]], ["feeling unwell", ["unwell"]],
    ["精神不错", []], ["聊得很开心，一起读了报", []], ["没有头晕了，不发烧", []], ["all well, in good spirits", []],
  ] as const)("%s worries: %j", (note, expected) => {
    expect(worries(note)).toEqual(expected);
  });

  it.each([
    ["去了1小时，精神不错", "精神不错"], ["今天去了半小时，她说头晕好几天了", "她说头晕好几天了"], ["去了一个半小时", null], ["精神不错", "精神不错"], ["went for 1 hour, all well", "all well"],
    ["went for an hour, she was in good spirits", "she was in good spirits"], ["I stayed half an hour. She is cheerful", "She is cheerful"], ["Spent two hours with her", null],
  ] as const)("note of %s", (text, note) => {
    expect(noteOf(text)).toBe(note);
  });
});
