/**
 * Dates in residents' words: 明天, 周六上午9点, 下周二, 5号, 12月5日, this Sunday, Dec 5, 4pm today. Days are computed
 * here on the zone's local calendar (today and wall times from ../domain/zoned-time.ts); clock times and English
 * month-days come from ./clock-times.ts (regular expressions: chrono-node cost 30-130 µs a message and put "周六上午"
 * on the reference day). The machine's time zone is never read.
 */
import { enClockTimes, enMonthDays, zhClockTimes } from "./clock-times.ts";
import { chineseNumber } from "../kernel/place.ts";
import { atLocal, dateOfDay, localDay, offsetMinutes } from "../kernel/zoned-time.ts";

/** The calendar day a message names, and the hours when it states them. */
export interface When {
  /** YYYY-MM-DD in the reference time zone. */
  date: string;
  /** Only when an hour is stated (4点, 9:30, at 3, noon), never for a bare 上午 or "morning". */
  start?: Date;
  end?: Date;
}

/** The instant a message is read at, and the IANA zone its dates are meant in. */
export interface WhenReference { now: Date; timeZone: string }

const DAY_MS = 86_400_000;

/** Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai): see ../domain/zoned-time.ts. */
export const zoneOffsetMinutes = offsetMinutes;

/** Monday = 0 ... Sunday = 6; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;
/** Local day number of a calendar date, or undefined when the date does not exist (Feb 30). */
function dayOfDate(year: number, month: number, date: number): number | undefined {
  const back = new Date(Date.UTC(year, month - 1, date));
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === date ? back.getTime() / DAY_MS : undefined;
}
const partsOf = (day: number) => ({ year: new Date(day * DAY_MS).getUTCFullYear(), month: new Date(day * DAY_MS).getUTCMonth() + 1 });

/** A month and day without a year: the nearest such date to today (Jan 5 said in late November is next year's). */
function nearestMonthDay(today: number, month: number, date: number, year?: number): number | undefined {
  if (year !== undefined) return dayOfDate(year, month, date);
  const y = partsOf(today).year;
  const options = [y - 1, y, y + 1].map((yy) => dayOfDate(yy, month, date)).filter((d) => d !== undefined);
  return options.sort((a, b) => Math.abs(a - today) - Math.abs(b - today) || b - a)[0];
}

/** A day of the month alone (5号, the 5th): this month's, or next month's when it has passed. */
function dayOfMonthAhead(today: number, date: number): number | undefined {
  const { year, month } = partsOf(today);
  const here = dayOfDate(year, month, date);
  if (here !== undefined && here >= today) return here;
  return month === 12 ? dayOfDate(year + 1, 1, date) : dayOfDate(year, month + 1, date);
}

/** A weekday (0 = Monday, 7 = the weekend) relative to today: ahead, this week, next week, last week. */
function weekday(today: number, index: number, mode: "ahead" | "this" | "next" | "next2" | "last" | "past"): number {
  const wd = weekdayOf(today);
  if (mode === "ahead") return index === 7 ? (wd >= 5 ? today : today - wd + 5) : today + ((index - wd + 7) % 7);
  if (mode === "past" && index < 7) return today - ((wd - index + 7) % 7 || 7);
  return today - wd + (index === 7 ? 5 : index) + { this: 0, next: 7, next2: 14, last: -7, past: -7 }[mode];
}

/** A place in the text that names a day or a time. Weak marks (bare 下午, "in the afternoon") yield to others. */
interface Mark {
  index: number;
  end: number;
  day?: number;
  weak?: boolean;
  /** A calendar date written out (12月5日, Dec 5, 12/5): it outranks a weekday beside it (Saturday, Dec 5). */
  explicit?: boolean;
  /** Clock time (a ClockTime from ./clock-times.ts): hour 0-24, and the end of a range (下午4点到5点). */
  hour?: number;
  minute?: number;
  meridiemCertain?: boolean;
  endHour?: number;
  endMinute?: number;
  endCertain?: boolean;
  /** A habit (每周六, every Saturday, 周一到周五): the whole group it joins names no date. */
  blocked?: boolean;
}

type Resolve = (m: RegExpExecArray, today: number) => number | undefined;
/**
 * A pattern for a day. `range`: a weekday opening a span of weekdays (周一到周五) is a habit, not a date.
 * `cased`: matched against the text as written ("Sat", "Sun"); other rules see it lower-cased.
 */
interface Rule { re: RegExp; resolve: Resolve; weak?: boolean; explicit?: boolean; range?: boolean; cased?: boolean }

const ZH_NUM = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const ZH_WEEKDAY: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 末: 7 };
const EN_WEEKDAY: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6, wee: 7 };
const ZH_OFFSET: Record<string, number> = { 大后: 3, 大後: 3, 大前: -3, 后: 2, 後: 2, 前: -2, 昨: -1, 今: 0, 明: 1 };
const EN_OFFSET: Record<string, number> = { today: 0, tonight: 0, this: 0, later: 0, tomorrow: 1, tmrw: 1, tmr: 1, tomorow: 1, yesterday: -1 };
const EN_SMALL: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };
const num = (s: string): number | undefined => EN_SMALL[s.toLowerCase()] ?? chineseNumber(s);
const MODES: Record<string, "this" | "next" | "next2" | "last"> = { 下下: "next2", 下: "next", 上: "last", 本: "this", 这: "this", 這: "this" };

const ZH_RULES: Rule[] = [
  { re: /(?<![之以提从從然最背])(大后|大後|大前|后|後|前)天|(昨|今|明)(?:天|日|晚|早|夜|儿|兒)/gu,
    resolve: (m, t) => t + ZH_OFFSET[(m[1] ?? m[2])!]! },
  { re: /(?:(下下|(?<![一楼樓底地乡鄉天手名以之])下|(?<![楼樓早晚马馬路网網线線身班加以之天])上|本|这|這)\s*(?:个|個)?)?(?:周|週|星期|礼拜|禮拜)([一二三四五六日天末])(?![次气氣])/gu,
    resolve: (m, t) => weekday(t, ZH_WEEKDAY[m[2]!]!, m[1] ? MODES[m[1]]! : "ahead"), range: true },
  { re: new RegExp(`(?<!\\d)(?:(\\d{4})\\s*年\\s*)?${ZH_NUM}\\s*月\\s*${ZH_NUM}\\s*(?:日|号|號)?`, "gu"),
    resolve: (m, t) => nearestMonthDay(t, num(m[2]!)!, num(m[3]!)!, m[1] ? Number(m[1]) : undefined), explicit: true },
  { re: new RegExp(`(下个?|下個?|这个?|這個?|本)月\\s*${ZH_NUM}\\s*(?:日|号|號)`, "gu"),
    resolve: (m, t) => { // 下个月3号, 本月20号
      const { year, month } = partsOf(t);
      return m[1]!.startsWith("下") ? dayOfDate(year + Math.floor(month / 12), (month % 12) + 1, num(m[2]!)!) : dayOfDate(year, month, num(m[2]!)!);
    } },
  { re: new RegExp(`(?<![\\d一二三四五六七八九十栋棟幢座楼樓单元單室房第#号號月-])${ZH_NUM}\\s*(?:号|號)(?![楼樓栋棟单元單门門线線床房室位座口机機柜馆館场場车車厅廳院窗店桌箱球电電码碼])`, "gu"),
    resolve: (m, t) => dayOfMonthAhead(t, num(m[1]!)!) },
  { re: /(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*天\s*(以后|之后|后|後|以前|之前|前)/gu,
    resolve: (m, t) => t + (m[2]!.endsWith("前") ? -1 : 1) * num(m[1]!)! },
  { re: /(?:上午|下午|中午|晚上|傍晚|早上|早晨|凌晨)(?![好很太总總都经經常一老比特有])/gu, resolve: (_m, t) => t, weak: true },
];

const EN_RULES: Rule[] = [
  { re: /\b(?:the\s+)?day\s+(after|before)\s+(?:tomorrow|yesterday)\b|\b(today|tonight|tomorrow|tmrw|tmr|tomorow|yesterday)\b|\b(this|later)\s+(?:morning|afternoon|evening|today|arvo)\b/gu,
    resolve: (m, t) => t + (m[1] ? (m[1].toLowerCase() === "after" ? 2 : -2) : EN_OFFSET[(m[2] ?? m[3])!.toLowerCase()]!) },
  { re: /\b(?:(this|next|last|coming|this\s+coming|the)\s+)?(mon|tues|tue|wed|wednes|thu|thurs|fri|sat|satur|sun)day(?!s\b)|\b(?:(this|next|last|coming|the)\s+)?weekend(?!s\b)/gu,
    resolve: (m, t) => enWeekday(t, (m[1] ?? m[3])?.toLowerCase(), m[2]?.slice(0, 3).toLowerCase() ?? "wee"), range: true },
  { re: /\b(?:([Tt]his|[Nn]ext|[Ll]ast)\s+)?(Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)\b\.?/gu,
    resolve: (m, t) => enWeekday(t, m[1]?.toLowerCase(), m[2]!.slice(0, 3).toLowerCase()), range: true, cased: true },
  // lower-case "sat", "fri": a date only beside a preposition or a time of day ("on sat", "fri 8am"; not "I sat on")
  { re: /\b(?:(this|next|last)\s+|(?:on|for|by|till|until|the)\s+)(mon|tues?|wed|thu|thurs?|fri|sat|sun)\b|\b(mon|tues?|wed|thu|thurs?|fri|sat|sun)(?=\s+(?:morning|afternoon|evening|night|arvo|\d))/gu,
    resolve: (m, t) => enWeekday(t, m[1], (m[2] ?? m[3])!.slice(0, 3)), range: true },
  { re: /\bin\s+(\d{1,2}|a|two|three|four|five|six|seven|ten)\s+days?\b|\b(\d{1,2}|two|three|four|five|six|seven|ten)\s+days?\s+ago\b/gu,
    resolve: (m, t) => (m[1] ? t + num(m[1])! : t - num(m[2]!)!) },
  { re: /\b(?:on|by|until|till|before|after|from)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:floor|fl\b|storey|story|grade|row|time|place|building|bldg|unit|apartment|of\s+(?:(?:the|us|them|my)\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))/gu, resolve: (m, t) => dayOfMonthAhead(t, Number(m[1])) },
  { re: /\bin\s+the\s+(?:morning|afternoon|evening)\b/gu, resolve: (_m, t) => t, weak: true },
];

const ALL_RULES = [...ZH_RULES, ...EN_RULES];

/** next Saturday: next week's; last Friday: the latest one before today; this/coming/bare Saturday: the next one. */
const enWeekday = (today: number, prefix: string | undefined, key: string): number =>
  weekday(today, EN_WEEKDAY[key]!, prefix === "next" ? "next" : prefix === "last" ? (key === "wee" ? "last" : "past") : "ahead");

/** Cheap pre-check: any token a date or a time could start from. Texts without one never reach the rules. */
const DATEISH = /[今明昨前后後周週星礼禮月号號天点點时時:：午晚早晨凌]|\d\s*(?:am|pm|a\.m|p\.m)|day|tonight|this\s+(?:morning|afternoon|evening|arvo)|tmrw?|tomor|weekend|noon|midnight|o'?clock|\bat\s+\d|\d\s+(?:in\s+the\s+evening|at\s+night)|\d\/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:mon|tues?|wed|thu|thurs|fri|sat|sun)\b|\d(?:st|nd|rd|th)\b/u;
/** Words before a day that make it a habit, not a date: 每周六, 天天, every Saturday. */
const RECURRING = /(?:每(?:个|個)?(?:天|日|晚|早|月|(?:周|週|星期|礼拜|禮拜)[一二三四五六日天末]?)?|天天|平时|平時|平常|通常|一般|经常|經常|工作日|every(?:\s+other)?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?|each\s+)$/u;
const RANGE_AFTER = /^\s*(?:到|至|-|~|～|—|–|to\b|through\b|thru\b)\s*(?:(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])|(mon|tue|wed|thu|fri|sat|sun)[a-z]*)/u;
/** Any sign of a clock time; texts without one skip the clock scanners. */
const CLOCKISH = /[点點时時:：]|\d\s*[ap]\.?m|\bat\s+\d|o'?\s?clock|noon|midday|midnight|\d\s+in\s+the\s|\d\s+at\s+night/u;
/** Any sign of an English month-day or a slash date. */
const MONTHISH = /\d\/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/u;

/** ASCII letters lower-cased, length kept so indexes hold: English patterns then need no `i` flag (`iu` is ~10x slower). */
const asciiLower = (text: string): string => text.replace(/[A-Z]+/gu, (s) => s.toLowerCase());

/** Day words of Cantonese, northern speech and texting, as the rules know them: 听日 明天, 琴日 昨天, tmrw tomorrow. */
const DIALECT_DAYS: Readonly<Record<string, string>> = {
  听日: "明天", 聽日: "明天", 琴日: "昨天", 寻日: "昨天", 尋日: "昨天", 噚日: "昨天", 后日: "后天",
  明儿: "明天", 明儿个: "明天", 今儿: "今天", 今儿个: "今天", 昨儿: "昨天", 昨儿个: "昨天",
  tmrw: "tomorrow", tmr: "tomorrow", tmro: "tomorrow", tmoro: "tomorrow", tomoz: "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow",
  ytd: "yesterday", yday: "yesterday", yest: "yesterday", tonite: "tonight", "2nite": "tonight", "2night": "tonight",
};
const DIALECT_WORDS =
  /听日|聽日|琴日|寻日|尋日|噚日|(?<![之以然前])后日(?!子)|(?:明儿|今儿|昨儿)(?:个)?|\b(?:tmrw|tmr|tmro|tmoro|tomoz|2moro|2morrow|ytd|yday|yest|tonite|2nite|2night)\b/giu;

function dialectDays(text: string): string {
  return text.replace(DIALECT_WORDS, (word) => DIALECT_DAYS[word.toLowerCase()] ?? word);
}

/** The first date (and stated hours) a message names, read at `ref.now` in `ref.timeZone`; undefined when none. Text NFKC-normalised (parse() does). */
export function findWhen(said: string, ref: WhenReference): When | undefined {
  const text = dialectDays(said);
  const lower = asciiLower(text);
  if (!DATEISH.test(lower)) return undefined;
  const today = localDay(ref.now, ref.timeZone);
  const marks: Mark[] = [];
  const latin = /[a-z]/u.test(lower);
  const cjk = /[\u3400-\u9fff]/u.test(text);
  for (const rule of cjk ? (latin ? ALL_RULES : ZH_RULES) : latin ? EN_RULES : []) {
    const source = rule.cased ? text : lower;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(source); m; m = rule.re.exec(source)) {
      const day = rule.resolve(m, today);
      if (day === undefined) continue;
      const end = m.index + m[0].length;
      const range = rule.range ? RANGE_AFTER.exec(lower.slice(end)) : null;
      if ((range && isHabitSpan(day, range)) || isRecurring(lower, m.index)) marks.push({ index: m.index, end: end + (range?.[0].length ?? 0), blocked: true });
      else marks.push({ index: m.index, end, day, weak: rule.weak, explicit: rule.explicit });
    }
  }
  if (CLOCKISH.test(lower)) {
    const hans = cjk ? lower.replace(/[點時：]/gu, (c) => HANS[c]!) : undefined; // same length: indexes hold
    const times = hans ? zhClockTimes(hans) : [];
    if (latin || /\d/u.test(lower)) times.push(...enClockTimes(lower));
    for (const time of times) {
      marks.push(isRecurring(lower, time.index) ? { index: time.index, end: time.end, blocked: true } : time);
    }
  }
  if (MONTHISH.test(lower)) {
    for (const md of enMonthDays(lower, text)) {
      const day = nearestMonthDay(today, md.month, md.date, md.year); // Feb 30: no date, nor a time beside it
      marks.push(day === undefined || isRecurring(lower, md.index) ? { index: md.index, end: md.end, blocked: true } : { index: md.index, end: md.end, day, explicit: true });
    }
  }
  marks.sort((a, b) => a.index - b.index || b.end - a.end);
  for (let from = 0; from < marks.length; ) {
    const group = cluster(marks, from, lower);
    if (!group.some((m) => m.blocked)) return toWhen(group, today, ref.timeZone);
    from += group.length;
  }
  return undefined;
}

/** 周一到周五, Mon-Fri: a span of three or more weekdays is a schedule; 周六到周日 is still this weekend. */
const isHabitSpan = (day: number, range: RegExpExecArray): boolean =>
  ((range[1] ? ZH_WEEKDAY[range[1]]! : EN_WEEKDAY[range[2]!]!) - weekdayOf(day) + 7) % 7 >= 2;

const isRecurring = (lower: string, index: number): boolean => RECURRING.test(lower.slice(Math.max(0, index - 12), index));

const HANS: Record<string, string> = { 點: "点", 時: "时", "：": ":" };
/** What may stand between two marks of one group: spaces, commas, 的, at/on/from, a part of the day (tomorrow morning at 9). */
const CLUSTER_GAP = /^[\s,，、的]*(?:(?:morning|afternoon|evening|night)\s*)?(?:at|on|from)?\s*$/u;

/** The mark at `from` (marks sorted), joined by the marks that overlap it or follow with only CLUSTER_GAP between. */
function cluster(marks: Mark[], from: number, lower: string): Mark[] {
  const group = [marks[from]!];
  let end = marks[from]!.end;
  for (const m of marks.slice(from + 1)) {
    if (m.index > end && !CLUSTER_GAP.test(lower.slice(end, m.index))) break;
    group.push(m);
    end = Math.max(end, m.end);
  }
  return group;
}

function toWhen(group: Mark[], today: number, timeZone: string): When {
  const day = (group.find((m) => m.explicit) ?? group.find((m) => m.day !== undefined && !m.weak) ?? group.find((m) => m.day !== undefined))?.day ?? today;
  const when: When = { date: dateOfDay(day) };
  const timed = group.find((m) => m.hour !== undefined);
  if (!timed) return when;
  let hour = timed.hour!;
  if (!timed.meridiemCertain && hour >= 1 && hour <= 6) hour += 12; // "3点集合", "at 3": afternoon, not 3 a.m.
  when.start = atLocal(when.date, hour * 60 + timed.minute!, timeZone);
  if (timed.endHour !== undefined) {
    const later = !timed.endCertain && timed.endHour < hour && timed.endHour + 12 > hour; // 下午4点到5点 ends at 17:00
    const endHour = timed.endHour + (later ? 12 : 0);
    // 晚上10点到1点, 10pm-2am: an evening that runs past midnight ends the next day.
    const endDay = endHour < hour && hour >= 18 && endHour < 12 ? day + 1 : day;
    const end = atLocal(dateOfDay(endDay), endHour * 60 + timed.endMinute!, timeZone);
    if (end > when.start) when.end = end;
  }
  return when;
}
