import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHours } from "../../src/parse/durations.ts";

/** Corpus messages with an `hours` label (/work/shared/corpus/dev.jsonl), by text. */
const CORPUS: [string, number][] = [
  ["今天帮李奶奶读报2小时", 2],
  ["上午陪王大爷去医院，一共花了3个半小时", 3.5],
  ["Helped Mrs. Chen with her groceries, about 1.5 hours", 1.5],
  ["给6栋的张阿姨打扫卫生 两小时", 2],
  ["Spent 45 minutes fixing the Wangs' bike today", 0.75],
  ["昨天帮3栋刘叔叔修水管，用了一个小时", 1],
  ["本周服务记录：帮孤寡老人助浴1小时、陪聊2小时，共3小时", 3],
];

/** Not in the corpus. */
const MORE: [string, number][] = [
  ["陪张奶奶散步两个小时", 2],
  ["帮忙搬家，两个半小时", 2.5],
  ["修电脑半小时", 0.5],
  ["读报半个小时", 0.5],
  ["接送孩子1.5小时", 1.5],
  ["陪聊40分钟", 0.67],
  ["帮忙换灯泡，一刻钟就好了", 0.25],
  ["三刻钟", 0.75],
  ["1小时20分钟", 1.33],
  ["2小时20分", 2.33],
  ["一个半钟头", 1.5],
  ["三个钟", 3],
  ["一个多小时", 1],
  ["1.5个小时", 1.5],
  ["2 hours 30 mins", 2.5],
  ["30min", 0.5],
  ["1.5hrs", 1.5],
  ["俩小时", 2],
  ["十二小时", 12],
  ["二十五分钟", 0.42],
  ["一点五小时", 1.5],
  ["托管1小时，今天下午4点到5点", 1],
  ["上午助浴1小时，下午陪聊2小时", 3],
  ["合计：2.5小时", 2.5],
  ["总共用了四个小时（做饭1小时，打扫3小时）", 4],
  ["公共区域打扫1小时，又陪聊2小时", 3],
  ["walked Mr. Li's dog, 2h", 2],
  ["2h30m of tutoring", 2.5],
  ["90 minutes", 1.5],
  ["half an hour", 0.5],
  ["a half-hour", 0.5],
  ["an hour", 1],
  ["an hour and a half", 1.5],
  ["two and a half hours", 2.5],
  ["1 hour 20 minutes", 1.33],
  ["an hour and 15 minutes", 1.25],
  ["three quarters of an hour", 0.75],
  ["3 hrs", 3],
  ["3 hours in total: 1 hour cooking and 2 hours cleaning", 3],
  ["Total: 3h (1h reading, 2h walk)", 3],
  ["1h reading, 2h walk", 3],
];

/** No duration: clock times, scores, floors, places, counts. */
const NONE: string[] = [
  "下午4点到5点",
  "周六上午9点 邻里花园除草",
  "我家孩子考试考了100分",
  "刚才12楼的阿姨晕倒了",
  "3栋502",
  "我和老伴两个人参加",
  "几个小时",
  "十几个小时",
  "4pm",
  "at 3:30",
  "1.5",
  "2 hotels nearby",
  "Thanks Tom for lending me the ladder!",
  "",
];

describe("findHours: corpus", () => {
  it.each(CORPUS)("%j → %d", (text, hours) => {
    expect(findHours(text)).toBe(hours);
  });
});

describe("findHours: more", () => {
  it.each(MORE)("%j → %d", (text, hours) => {
    expect(findHours(text)).toBe(hours);
  });
});

describe("findHours: no duration", () => {
  it.each(NONE.map((t) => [t]))("%j → undefined", (text) => {
    expect(findHours(text)).toBeUndefined();
  });
});

describe("findHours: properties", () => {
  it("N小时 and N hours read back as N for any N up to 99", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
      expect(findHours(`帮忙${n}小时`)).toBe(n);
      expect(findHours(`helped for ${n} hours`)).toBe(n);
    }));
  });

  it("never throws, and answers a positive number or nothing", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      const hours = findHours(text);
      if (hours !== undefined) expect(hours).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });
});
