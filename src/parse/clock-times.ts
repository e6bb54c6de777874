/**
 * Clock times and English month-days, read with a few regular expressions (no chrono-node: it cost 30-130 µs a
 * message). Chinese: 4点, 4点半, 4点15分, 八点一刻, 9:30, 下午4点到5点, 9点-11点, 下午4-5点, 从两点到五点半, with 上午, 下午,
 * 晚上, 傍晚, 中午, 凌晨, 早上, 今晚, 夜里 and the like before them. English: 4pm, 4:30 pm, at 3, 9:30, 9am-11am, from 7 to
 * 9pm, 3 o'clock, noon, midnight; Dec 5, December 5th, 5 Dec, 5th of December, 12/5 (month first, as chrono read it).
 * Texts come with ASCII letters lower-cased and 點 時 ： written 点 时 : (same length, so indexes hold).
 */
import { chineseNumber } from "../kernel/place.ts";

/** A stated clock time: hour 0-24 (24 = the midnight that ends the day), and the end of a range when one is given. */
export interface ClockTime {
  index: number;
  end: number;
  hour: number;
  minute: number;
  /** False when nothing said morning or afternoon (3点, at 3): the reader may still move 1-6 to the afternoon. */
  meridiemCertain: boolean;
  endHour?: number;
  endMinute?: number;
  /** The end's half of the day is said (至下午3点, 9-11am), so the reader must not move it. */
  endCertain?: boolean;
}

/** A month and day named in English, with the year when one is written. */
export interface MonthDay { index: number; end: number; month: number; date: number; year?: number }

type Part = "am" | "pm" | "evening" | "night" | "noon";

/** Words before a Chinese clock time and what they make of it (晚 alone: 周六晚8点, 最晚8点). */
const ZH_PART: Record<string, Part> = {
  上午: "am", 早上: "am", 早晨: "am", 清晨: "am", 清早: "am", 凌晨: "am", 今早: "am", 明早: "am", 昨早: "am",
  下午: "pm", 傍晚: "pm", 晚上: "evening", 今晚: "evening", 明晚: "evening", 昨晚: "evening", 晚: "evening",
  夜里: "night", 夜裡: "night", 夜间: "night", 夜間: "night", 半夜: "night", 深夜: "night", 夜晚: "night", 中午: "noon",
};
const ZH_PARTS = Object.keys(ZH_PART).sort((a, b) => b.length - a.length).join("|");
/** An hour in digits or Chinese numerals (一, 两, 十, 十一, 二十三); the caller drops those past 23. */
const ZH_NUMERAL_HOUR = "(?:[零〇]|(?:二十|十)[一二三四五六七八九]?|[一二两三四五六七八九])";
const ZH_HOUR = `(\\d{1,2}|${ZH_NUMERAL_HOUR})`;
/**
 * The same, where a time starts: not inside a longer number (三十一点, 1.5点, 第一点), nor a weekday's numeral (周一到五点);
 * a numeral may follow a weekday's (周六十点半, 周日两点).
 */
const ZH_START_HOUR = `((?<![\\d.:/a-z])\\d{1,2}|(?<![\\d.:/a-z第周週期拜])(?<!(?<![周週期拜])[零〇一二两三四五六七八九十百千万])${ZH_NUMERAL_HOUR})`;
/** Minutes after 点: 半, 整, 一刻, 15, 零五, 二十五; one digit only before 分 (3点5个人 is not 3:05). */
const ZH_MINUTE = "(半|整|正|[一三]刻|\\d{2}|[二三四五]?十[一二三四五六七八九]?|零[一二三四五六七八九]|[\\d一二三四五六七八九](?=\\s*分))";
const ZH_UNIT = `(?:([点时])[钟鐘]?(?:\\s*${ZH_MINUTE}\\s*分?)?|:(\\d{2})(?::\\d{2})?)`;
/** Groups: 1 part, 2 hour, 3 点/时, 4 minute, 5 minute after a colon, 6 am/pm. The unit may be left out before a range (4-5点). */
const ZH_START = new RegExp(`(?:[从自]\\s*)?(?:(${ZH_PARTS})[\\s,，]*)?(?:[从自]\\s*)?${ZH_START_HOUR}\\s*(?:${ZH_UNIT}(?:\\s*([ap])\\.?m\\b\\.?)?)?`, "gu");
/** The end of a range: 到5点, -11点, 至下午3点, 到五点半. Groups as ZH_START without am/pm. */
const ZH_TAIL = new RegExp(`\\s*(?:到|至|-|~|～|—|–|〜)\\s*(?:(${ZH_PARTS})[\\s,，]*)?${ZH_HOUR}\\s*${ZH_UNIT}`, "uy");
/** 一点 alone is "a little" (好一点了, 一点也不), a clock time after a day (明天一点, 周六一点集合). */
const oneOClock = (hans: string, index: number): boolean =>
  /(?:[天日号號]|[周週期拜][一二三四五六日天])\s*$/u.test(hans.slice(Math.max(0, index - 3), index)) && !/^[也都儿兒点]/u.test(hans.slice(index + 2));
/** 有两点建议, 第一点, 快一点, 差一点: a Chinese numeral before 点 that is no clock time. */
const NOT_CLOCK_BEFORE = /[有这這那下第几幾的快慢早晚多少好大小高低差远近轻重再]$/u;

const EN_TIME = "(\\d{1,2}|noon|midday|midnight)(?:([:.])(\\d{2}))?(?:\\s*([ap])\\.?m\\b\\.?)?";
const EN_SUFFIX = "(?:\\s*(o'?\\s?clock|in\\s+the\\s+morning|in\\s+the\\s+afternoon|in\\s+the\\s+evening|at\\s+night))?";
const EN_END = "(?![\\w/:]|\\.\\d)";
/** Groups: 1 at/from, 2 hour or noon, 3 separator, 4 minute, 5 a/p, 6 suffix. */
const EN_START = new RegExp(`(?<![\\w.:/$£€¥#])(?:(at|from)\\s+)?${EN_TIME}${EN_SUFFIX}${EN_END}`, "gu");
/** Groups: 1 hour or noon, 2 separator, 3 minute, 4 a/p, 5 suffix. */
const EN_TAIL = new RegExp(`\\s*(?:-|–|—|~|to\\b|until\\b|till\\b|through\\b|thru\\b)\\s*(?:at\\s+)?${EN_TIME}${EN_SUFFIX}${EN_END}`, "uy");
/** Said before "at 8": the evening, so 8 is 20:00 (tonight at 8, this evening at 7, Thursday afternoon at 5). */
const EVENING_BEFORE = /(?:tonight|evening|night|afternoon)[\s,]*$/u;

/** Hour and certainty after a part of the day: 下午3点 is 15:00, 凌晨3点 3:00, 夜里11点 23:00, 晚上12点 the midnight ending the day. */
function withPart(hour: number, part: Part | undefined): [number, boolean] {
  if (part === "am") return [hour === 12 ? 0 : hour, true];
  if (part === "pm") return [hour < 12 ? hour + 12 : hour, true];
  if (part === "evening") return [hour <= 12 ? hour + 12 : hour, true];
  if (part === "night") return [hour === 12 ? 24 : hour >= 6 && hour < 12 ? hour + 12 : hour, true];
  return [hour, hour >= 12]; // 中午1点 and 3点 stay open: the reader puts 1-6 in the afternoon
}

function zhMinute(word: string | undefined, colon: string | undefined): number {
  if (colon) return Number(colon);
  if (!word || word === "整" || word === "正") return 0;
  if (word === "半") return 30;
  if (word.endsWith("刻")) return word.startsWith("一") ? 15 : 45;
  return chineseNumber(word) ?? 60;
}

/** Chinese clock times (and colon times after a Chinese part of the day) in `hans`. */
export function zhClockTimes(hans: string): ClockTime[] {
  const found: ClockTime[] = [];
  ZH_START.lastIndex = 0;
  for (let m = ZH_START.exec(hans); m; m = ZH_START.exec(hans)) {
    const [said, partWord, hourWord, unit, minuteWord, colon, ap] = m;
    ZH_TAIL.lastIndex = m.index + said.length;
    const tail = ZH_TAIL.exec(hans);
    if (!unit && !colon && !tail) continue; // 4-5点 may leave out the first 点; a bare number is no time
    const raw = chineseNumber(hourWord!)!;
    const minute = zhMinute(minuteWord, colon);
    if (raw > 23 || minute >= 60 || (ap && raw > 12)) continue;
    if (partWord === "晚" && raw <= 2 && /\D/u.test(hourWord!)) continue; // 晚一点 = a little later
    if (unit && !partWord && !/[从自]/u.test(said) && /\D/u.test(hourWord!)) {
      if (NOT_CLOCK_BEFORE.test(hans.slice(Math.max(0, m.index - 1), m.index))) continue;
      if (hourWord === "一" && !minuteWord && !tail && !/^[钟鐘]/u.test(hans.slice(m.index + 2)) && !oneOClock(hans, m.index)) continue;
      if (unit === "时" && minuteWord === "半" && /^[会會刻]/u.test(hans.slice(m.index + said.length))) continue; // 一时半会, 一时半刻
    }
    const [hour, meridiemCertain] = ap ? [ap === "a" ? raw % 12 : (raw % 12) + 12, true] : withPart(raw, ZH_PART[partWord ?? ""]);
    const time: ClockTime = { index: m.index, end: m.index + said.length, hour, minute, meridiemCertain };
    if (tail) {
      const endRaw = chineseNumber(tail[2]!)!;
      const endMinute = zhMinute(tail[4], tail[5]);
      if (endRaw <= 24 && endMinute < 60) {
        // An end without its own part of the day is read against the start in toWhen (下午4点到5点 ends at 17:00).
        const [endHour, endCertain] = tail[1] ? withPart(endRaw, ZH_PART[tail[1]]) : [endRaw, false];
        Object.assign(time, { end: ZH_TAIL.lastIndex, endHour, endMinute, endCertain });
      }
    }
    if (!unit && !colon && time.endHour === undefined) continue;
    found.push(time);
    ZH_START.lastIndex = time.end;
  }
  return found;
}

const WORD_HOUR: Record<string, number> = { noon: 12, midday: 12, midnight: 0 };

/** An English hour, 0-24, and whether its half of the day is said (am/pm, noon, "in the afternoon"); undefined when no hour. */
function enHour(word: string, minute: string | undefined, ap: string | undefined, suffix: string | undefined): [number, boolean] | undefined {
  const named = WORD_HOUR[word];
  if (named !== undefined) return minute || ap ? undefined : [named, true];
  const hour = Number(word);
  if (hour > 23 || Number(minute ?? 0) >= 60 || (ap && hour > 12)) return undefined;
  if (ap) return [ap === "a" ? hour % 12 : (hour % 12) + 12, true];
  if (!suffix || suffix.endsWith("clock")) return [hour, hour >= 12];
  if (suffix.endsWith("morning")) return [hour % 12, true];
  return withPart(hour, suffix.endsWith("night") ? "night" : "pm");
}

/**
 * English clock times in `lower`. A number is a time only with a sign of one: am/pm, minutes after a colon, "at",
 * o'clock, "in the afternoon", or noon/midnight beside it (so "for 10 min", "2 hours", "from 3 to 5 days" are not).
 */
export function enClockTimes(lower: string): ClockTime[] {
  const found: ClockTime[] = [];
  EN_START.lastIndex = 0;
  for (let m = EN_START.exec(lower); m; m = EN_START.exec(lower)) {
    const [said, prefix, word, sep, minuteText, ap, suffix] = m;
    EN_TAIL.lastIndex = m.index + said.length;
    const tail = EN_TAIL.exec(lower);
    const start = enHour(word!, minuteText, ap, suffix);
    const end = tail ? enHour(tail[1]!, tail[3], tail[4], tail[5]) : undefined;
    const startCue = Boolean(ap || sep === ":" || suffix || word! in WORD_HOUR);
    const endCue = Boolean(end && (tail![4] || tail![2] === ":" || tail![5] || tail![1]! in WORD_HOUR));
    if (!start || !(startCue || endCue || prefix === "at")) continue;
    if (sep === "." && !(ap || endCue || prefix === "at")) continue; // 2.50 is money, at 7.30 a time
    let [hour, meridiemCertain] = start;
    const time: ClockTime = { index: m.index, end: m.index + said.length, hour, minute: minuteText ? Number(minuteText) : 0, meridiemCertain };
    if (end) {
      const endHour = end[0] === 0 && tail![1] === "midnight" ? 24 : end[0];
      // 9-11am, from 7 to 9pm: the start takes the end's half of the day when that keeps it before the end.
      if (end[1] && !meridiemCertain) {
        hour = endHour >= 12 ? (hour < 12 && hour + 12 <= endHour ? hour + 12 : hour) : hour % 12;
        meridiemCertain = true;
      }
      Object.assign(time, { hour, meridiemCertain, end: EN_TAIL.lastIndex, endHour, endMinute: tail![3] ? Number(tail![3]) : 0, endCertain: end[1] });
    }
    if (!time.meridiemCertain && hour < 12 && EVENING_BEFORE.test(lower.slice(Math.max(0, m.index - 16), m.index))) {
      [time.hour, time.meridiemCertain] = [hour + 12, true];
    }
    found.push(time);
    EN_START.lastIndex = time.end;
  }
  return found;
}

const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const YEAR = "(?:,?\\s*(\\d{4})(?!\\d))?";
/** Dec 5, December 5th, Dec. 5, 2027. Groups: 1 month, 2 day, 3 year. */
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z])${YEAR}`, "gu");
/** 5 Dec, 5th of December. Groups: 1 day, 2 month, 3 year. */
const DAY_FIRST = new RegExp(`(?<![\\d.:/])(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}(?![a-z])\\.?${YEAR}`, "gu");
/** 12/5, 12/5/2027, 2026/12/05. Groups: 1 year first, 2, 3 month and day, 4 year last. */
const SLASH = /(?<![\d/.])(?:(\d{4})\/)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\w/])/gu;
const UNIT_AFTER_SLASH = /^\s*(?:hours?|hrs?|h\b|mins?|minutes?|of\b|cups?|price|off\b|miles?|km|kg)/u;
const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** Month-days named in English (and slash dates in any text). `text`: as written, for "May" against the verb "may". */
export function enMonthDays(lower: string, text: string): MonthDay[] {
  const found: MonthDay[] = [];
  const add = (m: RegExpExecArray, month: number, date: number, year?: string) =>
    found.push({ index: m.index, end: m.index + m[0].length, month, date, year: year === undefined ? undefined : Number(year) });
  for (const [re, monthGroup, dayGroup] of [[MONTH_FIRST, 1, 2], [DAY_FIRST, 2, 1]] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const word = m[monthGroup]!;
      if (word === "may" && text.charAt(m.index + m[0].indexOf("may")) !== "M") continue; // "may 5 people come", "3 may come"
      const date = Number(m[dayGroup]);
      if (date >= 1 && date <= 31) add(m, MONTH_INDEX[word.slice(0, 3)]!, date, m[3]);
    }
  }
  SLASH.lastIndex = 0;
  for (let m = SLASH.exec(lower); m; m = SLASH.exec(lower)) {
    if (UNIT_AFTER_SLASH.test(lower.slice(m.index + m[0].length))) continue; // 1/2 hour, 3/4 of
    let [month, date] = [Number(m[2]), Number(m[3])];
    if (month > 12 && month <= 31 && date <= 12 && !m[1]) [month, date] = [date, month]; // 28/11, as chrono read it
    const short = m[4]?.length === 2 ? Number(m[4]) : undefined;
    const year = m[1] ?? (short === undefined ? m[4] : String(short + (short > 50 ? 1900 : 2000)));
    if (month >= 1 && month <= 12 && date >= 1 && date <= 31) add(m, month, date, year);
  }
  return found;
}
