import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCount } from "../../src/parse/counts.ts";

/** Corpus sign-ups with a `count` label (/work/shared/corpus/dev.jsonl), by text. */
const CORPUS: [string, number][] = [
  ["报名 2人", 2],
  ["我和老伴两个人参加周日的包饺子活动", 2],
  ["+2 for the potluck, bringing my wife", 2],
  ["我们一家三口都去", 3],
];

/** Corpus sign-ups without a label, where a number is said anyway: our choice is to return it. */
const CORPUS_SAID: [string, number][] = [
  ["算我一个", 1],
  ["+1", 1],
];

/** Corpus sign-ups that say no number. */
const CORPUS_NONE: string[] = [
  "周六的义诊活动我报名",
  "Sign me up for Saturday's garden cleanup",
  "Count me in for the flea market!",
  "#接龙\n周六上午9点 邻里花园除草\n\n1. 张伟\n2. 王秀英\n3. 刘洋",
  "我报名下周二的防诈骗讲座",
  "I'd like to join the Dec 5 blood pressure screening",
];

/** Not in the corpus. */
const MORE: [string, number][] = [
  ["+3", 3],
  ["接龙 +2", 2],
  ["报名+1", 1],
  ["张伟+2", 2],
  ["2大1小", 3],
  ["两大一小报名", 3],
  ["2位", 2],
  ["报名3位", 3],
  ["两个人", 2],
  ["三个人一起去", 3],
  ["我一个人去", 1],
  ["我和老伴", 2],
  ["我和我妈都去", 2],
  ["我和老公、孩子都来", 3],
  ["我跟我爸妈一起", 3],
  ["我们两口子报名", 2],
  ["老两口都去", 2],
  ["一家四口", 4],
  ["全家五口都来", 5],
  ["三口人", 3],
  ["我们俩都去", 2],
  ["夫妻俩报名", 2],
  ["咱仨", 3],
  ["我们三个一起", 3],
  ["算我们两个", 2],
  ["带孩子参加", 2],
  ["明天的健康讲座我报名，带我老伴", 2],
  ["带俩孩子", 3],
  ["我带两个孩子参加", 3],
  ["带上老伴", 2],
  ["me and my husband", 2],
  ["Me and my wife will come", 2],
  ["my husband and I will come", 2],
  ["bringing my wife", 2],
  ["I'll come with my parents", 3],
  ["joining with a friend", 2],
  ["bringing my 2 kids", 3],
  ["2 people", 2],
  ["3 adults", 3],
  ["2 adults and 2 kids", 4],
  ["two of us", 2],
  ["The three of us will be there", 3],
  ["both of us", 2],
  ["party of 3", 3],
  ["we're 4", 4],
  ["just me", 1],
];

/** Numbers that are not people, and sign-ups that say no number. */
const NONE: string[] = [
  "3栋502",
  "周六上午9点",
  "2小时",
  "一个小时就回来",
  "刚才12楼的阿姨晕倒了",
  "限20人，先到先得",
  "还差3人",
  "第2位",
  "3位数密码",
  "还有5个名额",
  "电话+86 13800138000",
  "1+1",
  "大家周末愉快",
  "京A12345",
  "count me in",
  "bringing my kids",
  "we are a family of bikers",
  "Saturday at 3",
  "I'm in",
  "",
];

describe("findCount: corpus", () => {
  it.each([...CORPUS, ...CORPUS_SAID])("%j → %d", (text, count) => {
    expect(findCount(text)).toBe(count);
  });

  it.each(CORPUS_NONE.map((t) => [t]))("%j → undefined", (text) => {
    expect(findCount(text)).toBeUndefined();
  });
});

describe("findCount: more", () => {
  it.each(MORE)("%j → %d", (text, count) => {
    expect(findCount(text)).toBe(count);
  });
});

describe("findCount: no count", () => {
  it.each(NONE.map((t) => [t]))("%j → undefined", (text) => {
    expect(findCount(text)).toBeUndefined();
  });
});

describe("findCount: properties", () => {
  it("+N and N人 read back as N for 1-20, whatever the text around them", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.constantFrom("", "周六的活动 ", "potluck "), (n, before) => {
      expect(findCount(`${before}+${n}`)).toBe(n);
      expect(findCount(`${before}报名${n}人`)).toBe(n);
    }));
  });

  it("never throws, and answers 1-50 or nothing", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      const count = findCount(text);
      if (count !== undefined) expect(count >= 1 && count <= 50).toBe(true);
    }), { numRuns: 300 });
  });
});
