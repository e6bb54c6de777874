import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WhenReference } from "../../src/parse/dates.ts";
import { findWhen, zoneOffsetMinutes } from "../../src/parse/dates.ts";

/** Every message is read as sent on Wednesday 2026-11-25 at 10:00 in Shanghai. */
const ref: WhenReference = { now: new Date("2026-11-25T10:00:00+08:00"), timeZone: "Asia/Shanghai" };
const dateOf = (text: string, at: WhenReference = ref) => findWhen(text, at)?.date;

/** Corpus messages with a `when` label (/work/shared/corpus/dev.jsonl), by text. */
const CORPUS: [string, string][] = [
  ["明天早上谁去菜市场可以帮我带两斤鸡蛋吗 我腿脚不方便", "2026-11-26"],
  ["孩子放学需要临时托管1小时，今天下午4点到5点，有宝妈能帮忙吗", "2026-11-25"],
  ["@邻里小助手 我需要人周六上午陪我妈去医院复查，谁有车", "2026-11-28"],
  ["谁家有电钻借我用一下，下午就还", "2026-11-25"],
  ["Anyone have a ladder I could borrow this afternoon?", "2026-11-25"],
  ["Drove Mr. Li to the hospital this morning, 2 hours", "2026-11-25"],
  ["need a lift to the airport fri 5am", "2026-11-27"],
  ["sorry guys gotta pull out of the sat cleanup", "2026-11-28"],
  ["any legends free this arvo?", "2026-11-25"],
  ["Can anyone watch my kids for an hour this evening?", "2026-11-25"],
  ["Need someone to walk my dog tomorrow morning, I'm stuck at work", "2026-11-26"],
  ["Could someone give my mom a ride to the clinic on Saturday?", "2026-11-28"],
  ["Looking for a neighbour to pick up my son from school at 4pm today", "2026-11-25"],
  ["有没有人下周二能帮忙照看一下我家猫，出差三天", "2026-12-01"],
  ["周六的义诊活动我报名", "2026-11-28"],
  ["我和老伴两个人参加周日的包饺子活动", "2026-11-29"],
  ["Sign me up for Saturday's garden cleanup", "2026-11-28"],
  ["#接龙\n周六上午9点 邻里花园除草\n\n1. 张伟\n2. 王秀英\n3. 刘洋", "2026-11-28"],
  ["周六临时有事去不了了，帮我取消一下报名", "2026-11-28"],
  ["不好意思，明天的活动我参加不了了", "2026-11-26"],
  ["Can't make it Saturday after all, please remove me", "2026-11-28"],
  ["今天帮李奶奶读报2小时", "2026-11-25"],
  ["上午陪王大爷去医院，一共花了3个半小时", "2026-11-25"],
  ["Spent 45 minutes fixing the Wangs' bike today", "2026-11-25"],
  ["昨天帮3栋刘叔叔修水管，用了一个小时", "2026-11-24"],
  ["请问有人需要帮忙搬家吗？我这周六有空，力气大", "2026-11-28"],
  ["Could use a hand moving a sofa this Sunday, pizza on me", "2026-11-29"],
  ["周日下午有人帮忙辅导一下初二数学吗", "2026-11-29"],
  ["我报名下周二的防诈骗讲座", "2026-12-01"],
  ["I'd like to join the Dec 5 blood pressure screening", "2026-12-05"],
];

/** Not in the corpus: the same rules on other words. */
const MORE: [string, string][] = [
  ["后天上午有空吗", "2026-11-27"],
  ["大后天去体检", "2026-11-28"],
  ["前天借的梯子还没还", "2026-11-23"],
  ["今晚谁能帮我遛狗", "2026-11-25"],
  ["明早能帮我取个快递吗", "2026-11-26"],
  ["明晚有空", "2026-11-26"],
  ["这周末有人去超市吗", "2026-11-28"],
  ["周末能帮忙搬个柜子吗", "2026-11-28"],
  ["下周末的义诊", "2026-12-05"],
  ["本周五下午开会", "2026-11-27"],
  ["这周一的活动照片", "2026-11-23"],
  ["上周五帮张阿姨买菜", "2026-11-20"],
  ["下星期三能来吗", "2026-12-02"],
  ["下礼拜一要去医院", "2026-11-30"],
  ["下个礼拜天", "2026-12-06"],
  ["礼拜六有空", "2026-11-28"],
  ["星期天上午", "2026-11-29"],
  ["星期四晚上可以", "2026-11-26"],
  ["週六下午3點集合", "2026-11-28"],
  ["禮拜天見", "2026-11-29"],
  ["周三下午有人在家吗", "2026-11-25"],
  ["12月5日的讲座我报名", "2026-12-05"],
  ["十二月二十五号的联欢会", "2026-12-25"],
  ["1月3日回来", "2027-01-03"],
  ["11月20日帮李奶奶理发", "2026-11-20"],
  ["2027年2月1日", "2027-02-01"],
  ["5号能帮忙吗", "2026-12-05"],
  ["30号那天", "2026-11-30"],
  ["25号", "2026-11-25"],
  ["下个月3号体检", "2026-12-03"],
  ["3天后回来", "2026-11-28"],
  ["晚上能帮我看一下孩子吗", "2026-11-25"],
  ["麻烦楼下周日有空的邻居", "2026-11-29"],
  ["周六到周日两天", "2026-11-28"],
  ["12/5的讲座", "2026-12-05"],
  ["11月28号", "2026-11-28"],
  ["6号的活动", "2026-12-06"],
  ["Nov 28", "2026-11-28"],
  ["28 Nov", "2026-11-28"],
  ["this Sat", "2026-11-28"],
  ["tonight at 8, anyone free?", "2026-11-25"],
  ["can anyone help tmrw", "2026-11-26"],
  ["the day after tomorrow", "2026-11-27"],
  ["I helped her yesterday", "2026-11-24"],
  ["next Saturday's picnic", "2026-12-05"],
  ["next Tuesday please", "2026-12-01"],
  ["last Friday I fixed it", "2026-11-20"],
  ["this weekend", "2026-11-28"],
  ["next weekend", "2026-12-05"],
  ["Need help Thursday evening", "2026-11-26"],
  ["Sat 9am at the gate", "2026-11-28"],
  ["December 12th at 2:30pm", "2026-12-12"],
  ["the 2nd of December", "2026-12-02"],
  ["on the 5th", "2026-12-05"],
  ["on 12/5", "2026-12-05"],
  ["in 3 days", "2026-11-28"],
  ["I can do it in the afternoon", "2026-11-25"],
  ["4pm", "2026-11-25"],
  ["下午3点到5点", "2026-11-25"],
];

/** Texts that name no date, though they hold numbers, day-like characters or time words. */
const NONE: string[] = [
  "I sat on the bench by the gate for an hour",
  "she sat with grandma all afternoon",
  "快递放在驿站了，我在外地出差，谁能帮我取一下放门口，3栋502",
  "我家有梯子和工具箱，谁要用直接找我，2栋301",
  "5号楼的电梯坏了",
  "28号楼",
  "买两节5号电池",
  "我住2号楼3单元",
  "坐1号线到市一院",
  "刚才12楼的阿姨晕倒了 已经打了120 有没有懂急救的邻居先过来",
  "消防通道又被车堵了，车牌京A12345",
  "急需O型血，我妈在市一院手术",
  "我家孩子考试考了100分，开心",
  "+2",
  "辅导一下初二数学",
  "我们一家三口都去",
  "Helped Mrs. Chen with her groceries, about 1.5 hours",
  "need a drill for 10 min, building 4",
  "The street light outside building 2 has been out for a week",
  "Help! Elderly man fainted at the gate, please come now",
  "The dog next door barks all night, I've asked them twice, can someone mediate?",
  "Good morning neighbours!",
  "早上好各位邻居☀️",
  "晚上好",
  "2栋楼道的灯坏了一个星期了，晚上很黑",
  "楼上天天半夜拖椅子，说了好几次也不听",
  "隔壁装修每天早上七点就开始电钻，跟他们说了没用",
  "每周六上午有志愿者来打扫",
  "每周六 上午9点",
  "我们每个周日都去",
  "Does anyone know if the pharmacy is open on Sundays?",
  "I have a car and can drive people to appointments on weekdays",
  "every Saturday morning",
  "周一到周五晚上都在家",
  "Mon-Fri 9am",
  "这周有什么活动",
  "有人知道菜市场几点关门吗",
  "有两点建议",
  "我妈好一点了",
  "之前天气不好",
  "以后天天来",
  "一周一次",
  "to the 6th floor for my grandma",
  "1/2 hour",
  "may 5 people come?",
  "3-502",
  "",
];

describe("findWhen: corpus", () => {
  it.each(CORPUS)("%j → %s", (text, date) => {
    expect(dateOf(text)).toBe(date);
  });
});

describe("findWhen: more residents' words", () => {
  it.each(MORE)("%j → %s", (text, date) => {
    expect(dateOf(text)).toBe(date);
  });
});

describe("findWhen: no date", () => {
  it.each(NONE.map((t) => [t]))("%j → undefined", (text) => {
    expect(findWhen(text, ref)).toBeUndefined();
  });
});

describe("findWhen: stated hours", () => {
  it.each<[string, string, string, string | undefined]>([
    ["孩子放学需要临时托管1小时，今天下午4点到5点", "2026-11-25", "2026-11-25T16:00:00+08:00", "2026-11-25T17:00:00+08:00"],
    ["#接龙\n周六上午9点 邻里花园除草", "2026-11-28", "2026-11-28T09:00:00+08:00", undefined],
    ["下周六下午3点", "2026-12-05", "2026-12-05T15:00:00+08:00", undefined],
    ["周六下午三点", "2026-11-28", "2026-11-28T15:00:00+08:00", undefined],
    ["今晚七点半", "2026-11-25", "2026-11-25T19:30:00+08:00", undefined],
    ["明早8点", "2026-11-26", "2026-11-26T08:00:00+08:00", undefined],
    ["3点集合", "2026-11-25", "2026-11-25T15:00:00+08:00", undefined],
    ["晚上8点到10点", "2026-11-25", "2026-11-25T20:00:00+08:00", "2026-11-25T22:00:00+08:00"],
    ["Looking for someone at 4pm today", "2026-11-25", "2026-11-25T16:00:00+08:00", undefined],
    ["4pm", "2026-11-25", "2026-11-25T16:00:00+08:00", undefined],
    ["tmrw at 3", "2026-11-26", "2026-11-26T15:00:00+08:00", undefined],
    ["Saturday 3-5pm", "2026-11-28", "2026-11-28T15:00:00+08:00", "2026-11-28T17:00:00+08:00"],
    ["December 12th at 2:30pm", "2026-12-12", "2026-12-12T14:30:00+08:00", undefined],
    ["12月5日下午2点", "2026-12-05", "2026-12-05T14:00:00+08:00", undefined],
    ["明天下午两点到四点", "2026-11-26", "2026-11-26T14:00:00+08:00", "2026-11-26T16:00:00+08:00"],
    ["两点半在门口等", "2026-11-25", "2026-11-25T14:30:00+08:00", undefined],
    ["傍晚6点", "2026-11-25", "2026-11-25T18:00:00+08:00", undefined],
    ["夜里11点", "2026-11-25", "2026-11-25T23:00:00+08:00", undefined],
    ["晚上八点一刻", "2026-11-25", "2026-11-25T20:15:00+08:00", undefined],
    ["tonight at 8", "2026-11-25", "2026-11-25T20:00:00+08:00", undefined],
    ["11/28下午3点", "2026-11-28", "2026-11-28T15:00:00+08:00", undefined],
    ["周六 9:30", "2026-11-28", "2026-11-28T09:30:00+08:00", undefined],
    ["礼拜六上午十点", "2026-11-28", "2026-11-28T10:00:00+08:00", undefined],
  ])("%j", (text, date, start, end) => {
    const when = findWhen(text, ref);
    expect(when?.date).toBe(date);
    expect(when?.start?.toISOString()).toBe(new Date(start).toISOString());
    expect(when?.end?.toISOString()).toBe(end && new Date(end).toISOString());
  });

  it.each(["明天上午", "周六上午", "this afternoon", "tomorrow morning", "下午就还"])("%j: a part of the day is no stated hour", (text) => {
    const when = findWhen(text, ref);
    expect(when?.date).toBeDefined();
    expect(when?.start).toBeUndefined();
  });
});

/** Clock times read by ./clock-times.ts (no chrono): text, date, start and end in Shanghai time. */
const CLOCKS: [string, string, string, string?][] = [
  ["4点到", "2026-11-25", "16:00"],
  ["4点半集合", "2026-11-25", "16:30"],
  ["4点15分出发", "2026-11-25", "16:15"],
  ["10点05到", "2026-11-25", "10:05"],
  ["十点零五分", "2026-11-25", "10:05"],
  ["八点一刻", "2026-11-25", "08:15"],
  ["下午三点三刻", "2026-11-25", "15:45"],
  ["9:30在门口", "2026-11-25", "09:30"],
  ["9：30在门口", "2026-11-25", "09:30"],
  ["上午9点", "2026-11-25", "09:00"],
  ["中午12点半", "2026-11-25", "12:30"],
  ["中午1点", "2026-11-25", "13:00"],
  ["凌晨4点", "2026-11-25", "04:00"],
  ["早上7点", "2026-11-25", "07:00"],
  ["傍晚六点", "2026-11-25", "18:00"],
  ["明晚7点", "2026-11-26", "19:00"],
  ["周六晚8点", "2026-11-28", "20:00"],
  ["夜里2点", "2026-11-25", "02:00"],
  ["十一点", "2026-11-25", "11:00"],
  ["两点", "2026-11-25", "14:00"],
  ["十二点整", "2026-11-25", "12:00"],
  ["一点钟", "2026-11-25", "13:00"],
  ["明天一点集合", "2026-11-26", "13:00"],
  ["周六十点半", "2026-11-28", "10:30"],
  ["下周二两点", "2026-12-01", "14:00"],
  ["周六 下午 3 点半", "2026-11-28", "15:30"],
  ["下午3:30", "2026-11-25", "15:30"],
  ["9点-11点", "2026-11-25", "09:00", "11:00"],
  ["从两点到五点半", "2026-11-25", "14:00", "17:30"],
  ["下午从两点到五点半", "2026-11-25", "14:00", "17:30"],
  ["下午4-5点", "2026-11-25", "16:00", "17:00"],
  ["上午10点到下午3点", "2026-11-25", "10:00", "15:00"],
  ["上午九点至十一点", "2026-11-25", "09:00", "11:00"],
  ["下午3点半到4点一刻", "2026-11-25", "15:30", "16:15"],
  ["一点到5点", "2026-11-25", "13:00", "17:00"],
  ["本周六上午9:00-12:00小区停水", "2026-11-28", "09:00", "12:00"],
  ["晚上9点到凌晨2点", "2026-11-25", "21:00", "2026-11-26T02:00"],
  ["晚上10点到12点", "2026-11-25", "22:00", "2026-11-26T00:00"],
  ["4 pm", "2026-11-25", "16:00"],
  ["4:30pm", "2026-11-25", "16:30"],
  ["4.30 p.m.", "2026-11-25", "16:30"],
  ["at 3", "2026-11-25", "15:00"],
  ["at 10", "2026-11-25", "10:00"],
  ["meet at 7.30", "2026-11-25", "07:30"],
  ["9:30 please", "2026-11-25", "09:30"],
  ["9 o'clock", "2026-11-25", "09:00"],
  ["at noon", "2026-11-25", "12:00"],
  ["midnight", "2026-11-25", "00:00"],
  ["tonight at 8", "2026-11-25", "20:00"],
  ["tomorrow afternoon at 7", "2026-11-26", "19:00"],
  ["tomorrow morning at 9", "2026-11-26", "09:00"],
  ["at 7 in the evening", "2026-11-25", "19:00"],
  ["3 in the afternoon", "2026-11-25", "15:00"],
  ["8 at night", "2026-11-25", "20:00"],
  ["9am-11am", "2026-11-25", "09:00", "11:00"],
  ["9-11am", "2026-11-25", "09:00", "11:00"],
  ["3-5am", "2026-11-25", "03:00", "05:00"],
  ["11-1pm", "2026-11-25", "11:00", "13:00"],
  ["from 7 to 9pm", "2026-11-25", "19:00", "21:00"],
  ["Helped tutor the Li twins in math yesterday, from 7 to 9pm", "2026-11-24", "19:00", "21:00"],
  ["2pm to 4", "2026-11-25", "14:00", "16:00"],
  ["noon-2pm", "2026-11-25", "12:00", "14:00"],
  ["10pm-2am", "2026-11-25", "22:00", "2026-11-26T02:00"],
  ["next Tuesday at 10am", "2026-12-01", "10:00"],
  ["Dec 5th 3pm", "2026-12-05", "15:00"],
  ["on 12/5 at 3", "2026-12-05", "15:00"],
  ["明天4pm", "2026-11-26", "16:00"],
];

/** English month-days and slash dates (month first), with the year rules of the Chinese 12月5日. */
const MONTH_DAYS: [string, string | undefined][] = [
  ["Dec 5", "2026-12-05"],
  ["Dec. 5th", "2026-12-05"],
  ["December 5", "2026-12-05"],
  ["5 Dec", "2026-12-05"],
  ["5th of December", "2026-12-05"],
  ["by 5th of December", "2026-12-05"],
  ["Sept 5", "2026-09-05"],
  ["May 5", "2027-05-05"],
  ["Jan 3rd", "2027-01-03"],
  ["on the 5th of January", "2027-01-05"],
  ["December 5, 2027", "2027-12-05"],
  ["5 Dec 2027", "2027-12-05"],
  ["12/5", "2026-12-05"],
  ["12/5/2027", "2027-12-05"],
  ["12/5/27", "2027-12-05"],
  ["2026/12/05", "2026-12-05"],
  ["28/11", "2026-11-28"],
  ["Saturday, Dec 5", "2026-12-05"],
  ["周六 12月5日", "2026-12-05"],
  ["Feb 30", undefined],
  ["3 may come", undefined],
  ["he may 3 times", undefined],
  ["1/2 cup sugar", undefined],
  ["see you in march", undefined],
];

/** Numbers beside 点, 时, at or a colon that are no clock time (and no date). */
const NOT_CLOCKS: string[] = [
  "晚一点到",
  "稍微晚一点",
  "一点也不冷",
  "好一点了吗",
  "这一点很重要",
  "我一时半会儿回不来",
  "一时半刻",
  "一时想不起来",
  "买了2.5斤苹果",
  "1.5小时",
  "营业时间24小时",
  "比分3:2",
  "costs $4.50",
  "version 1.2 released",
  "from 3 to 5 days",
  "2 hours at most",
  "score was 3-2",
  "Psalm 23:4",
];

describe("findWhen: clock times without chrono", () => {
  it.each(CLOCKS)("%j → %s %s %s", (text, date, start, end) => {
    const when = findWhen(text, ref);
    expect(when?.date).toBe(date);
    expect(when?.start?.toISOString()).toBe(shanghai(date, start));
    expect(when?.end?.toISOString()).toBe(end && shanghai(date, end));
  });

  it.each(MONTH_DAYS)("%j → %s", (text, date) => {
    expect(dateOf(text)).toBe(date);
  });

  it.each(NOT_CLOCKS.map((t) => [t]))("%j: no time, no date", (text) => {
    expect(findWhen(text, ref)).toBeUndefined();
  });

  it("keeps a habit a habit, with a clock time beside it", () => {
    for (const text of ["每天下午3点到5点", "周一到周五9点-5点", "every Dec 5 at 3pm", "每周六 上午9:00"]) expect(findWhen(text, ref)).toBeUndefined();
  });
});

/** An ISO instant for "HH:MM" on `date`, or for a full "YYYY-MM-DDTHH:MM", in Shanghai time. */
function shanghai(date: string, time: string): string {
  return new Date(`${time.includes("T") ? time : `${date}T${time}`}:00+08:00`).toISOString();
}

describe("findWhen: other zones and reference times", () => {
  it("computes the day in the zone given, not in UTC: 01:00 in Shanghai is still the 25th", () => {
    const early = { now: new Date("2026-11-24T17:00:00Z"), timeZone: "Asia/Shanghai" };
    expect(dateOf("今天", early)).toBe("2026-11-25");
    expect(dateOf("tomorrow", early)).toBe("2026-11-26");
  });

  it("crosses a month and a year end", () => {
    const nye = { now: new Date("2026-12-31T20:00:00+08:00"), timeZone: "Asia/Shanghai" };
    expect(dateOf("明天", nye)).toBe("2027-01-01");
    expect(dateOf("下周二", nye)).toBe("2027-01-05");
    expect(dateOf("5号", nye)).toBe("2027-01-05");
    expect(dateOf("1月2日", nye)).toBe("2027-01-02");
  });

  it("places stated hours across a DST change in the reference zone", () => {
    const ny = { now: new Date("2027-03-13T12:00:00-05:00"), timeZone: "America/New_York" };
    expect(zoneOffsetMinutes(ny.now, ny.timeZone)).toBe(-300);
    const when = findWhen("tomorrow at 9am", ny);
    expect(when?.date).toBe("2027-03-14");
    expect(when?.start?.toISOString()).toBe("2027-03-14T13:00:00.000Z"); // 09:00 EDT
  });

  it("gives the same answers whatever the machine's time zone (child processes with TZ set)", () => {
    const texts = [...CORPUS, ...MORE, ...CLOCKS, ...MONTH_DAYS].map(([t]) => t).concat(NONE, NOT_CLOCKS, ["今天下午4点到5点", "Saturday 3-5pm", "tomorrow at 9am"]);
    const refs = [ref, { now: new Date("2027-03-13T12:00:00-05:00"), timeZone: "America/New_York" }];
    const here = refs.map((r) => texts.map((t) => findWhen(t, r)));
    const script = `
      import { findWhen } from "./src/parse/dates.ts";
      const { texts, refs } = JSON.parse(process.argv[1]);
      const out = refs.map((r) => texts.map((t) => findWhen(t, { now: new Date(r.now), timeZone: r.timeZone })));
      process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2026, 10, 25)).getTimezoneOffset(), out }));`;
    const cwd = fileURLToPath(new URL("../..", import.meta.url));
    for (const TZ of ["UTC", "America/New_York", "Pacific/Kiritimati"]) {
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, JSON.stringify({ texts, refs })],
        { cwd, env: { ...process.env, TZ }, encoding: "utf8" });
      expect(child.stderr).toBe("");
      const result = JSON.parse(child.stdout) as { offset: number; out: unknown };
      expect(result.offset).toBe({ UTC: 0, "America/New_York": 300, "Pacific/Kiritimati": -840 }[TZ]);
      expect(result.out).toEqual(JSON.parse(JSON.stringify(here)));
    }
  });
});

describe("findWhen: properties", () => {
  it("never throws and always answers a real calendar date on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      const when = findWhen(text, ref);
      if (when) expect(when.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }), { numRuns: 300 });
  });

  it("下周X is always in the week after this one, whatever the day it is said", () => {
    const days = "一二三四五六日";
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 6 }), (offset, index) => {
      const now = new Date(Date.parse("2026-01-05T10:00:00+08:00") + offset * 86_400_000);
      const date = findWhen(`下周${days[index]}`, { now, timeZone: "Asia/Shanghai" })!.date;
      const daysAhead = (Date.parse(`${date}T00:00:00Z`) - Date.parse("2026-01-05T00:00:00Z")) / 86_400_000 - offset;
      const mondayIndex = offset % 7; // 2026-01-05 was a Monday
      expect(daysAhead + mondayIndex).toBe(7 + index);
    }), { numRuns: 200 });
  });
});
