/**
 * Hours of service in residents' words: 2小时, 两个半小时, 40分钟, 一刻钟, 1小时20分钟, 2h, 1.5 hours,
 * 45 minutes, half an hour, an hour and a half. Clock times (下午4点到5点) are not durations.
 */
import { chineseNumber } from "../kernel/place.ts";

const ZH = "(\\d+(?:\\.\\d+)?|[零〇一二两俩三仨四五六七八九十百]+)";
const EN = "(\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety)";
const EN_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, "forty-five": 45, fifty: 50, sixty: 60, ninety: 90,
};

/** "3", "1.5", "两", "十二", "an", "twenty" as a number; undefined for anything else (几, 十几). */
function amount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+(?:\.\d+)?$/u.test(text)) return Number(text);
  const word = EN_WORDS[text.toLowerCase()];
  if (word !== undefined) return word;
  return chineseNumber(text.replace(/俩/gu, "两"));
}

/** One way of saying a duration: a pattern and how many hours a match is. */
interface Unit {
  re: RegExp;
  hours: (m: RegExpExecArray) => number | undefined;
}

const plus = (...parts: (number | undefined)[]): number | undefined =>
  parts.some((p) => p === undefined) ? undefined : parts.reduce<number>((a, b) => a + b!, 0);
const minutes = (m: string | undefined): number | undefined => (m === undefined ? 0 : plus(amount(m)! / 60));

const UNITS: Unit[] = [
  // 3个半小时, 两小时, 1.5小时, 一个小时, 一个多小时 (1), 2小时20分(钟), 两个钟头, 三个钟
  { re: new RegExp(`${ZH}\\s*(?:个|個)?\\s*多?\\s*(半)?\\s*(?:小时|小時|钟头|鐘頭|(?<=[个個]\\s*半?\\s*)钟(?!点))(?:\\s*零?\\s*${ZH}\\s*分(?:钟|鐘)?)?`, "gu"),
    hours: (m) => plus(amount(m[1]), m[2] ? 0.5 : 0, minutes(m[3])) },
  // 一点五小时
  { re: /([一二两三四五六七八九十\d]+)点([零一二三四五六七八九\d])\s*(?:个|個)?\s*(?:小时|小時)/gu,
    hours: (m) => plus(amount(m[1]), amount(m[2])! / 10) },
  { re: /半\s*(?:个|個)?\s*(?:小时|小時|钟头|鐘頭)/gu, hours: () => 0.5 },
  { re: new RegExp(`${ZH}\\s*分(?:钟|鐘)`, "gu"), hours: (m) => minutes(m[1]) },
  { re: /([一二两三四五六七八九\d])?\s*刻(?:钟|鐘)/gu, hours: (m) => plus(amount(m[1] ?? "一")! * 0.25) },
  // English. "an hour and a half", "two and a half hours", "1 hour 20 minutes", "2h30m", "90 min"
  { re: new RegExp(`\\b${EN}\\s*(?:hours?|hrs?|h)\\s+and\\s+a\\s+half\\b|\\b${EN}\\s+and\\s+a\\s+half\\s+(?:hours?|hrs?)\\b`, "gu"),
    hours: (m) => plus(amount(m[1] ?? m[2]), 0.5) },
  { re: /\b(?:a\s+)?half(?:\s+an?|-)?\s*(?:hour|hr)\b/gu, hours: () => 0.5 },
  { re: /\b(three\s+)?quarters?\s+(?:of\s+)?an?\s*hour\b/gu, hours: (m) => (m[1] ? 0.75 : 0.25) },
  { re: new RegExp(`\\b${EN}\\s*(?:hours?|hrs?|h)(?![a-z])(?:\\s*(?:and\\s+)?(\\d{1,2})\\s*(?:minutes?|mins?|m)\\b|(?<=\\dh)([0-5]\\d)\\b)?`, "gu"),
    hours: (m) => plus(amount(m[1]), minutes(m[2] ?? m[3])) },
  { re: new RegExp(`\\b${EN}\\s*(?:minutes?|mins?)\\b`, "gu"), hours: (m) => minutes(m[1]) },
];

/** Words that make the duration next to them the total: 共3小时, 一共花了, 合计, total, in total, altogether. */
const TOTAL_BEFORE = /(?:(?<!公)共|合计|合計|总计|總計|累计|累計|总时长|總時長|总共|總共|total(?:\s+of)?|in\s+all|altogether|overall)[^\d一二两三四五六七八九十半]{0,6}$/u;
const TOTAL_AFTER = /^\s*(?:in\s+total|total|altogether|in\s+all|overall)\b/u;
/** What may stand between the parts of one duration: 1小时 20分钟, an hour and 15 minutes, 2 hours, 30 minutes. */
const JOIN = /^\s*(?:零|又|and|,)?\s*$/u;
/** Cheap pre-check: a unit any duration needs. */
const ANY_UNIT = /小时|小時|钟|鐘|分|刻|hour|hr|min|\d\s*h(?![a-z])/u;

interface Found { index: number; end: number; hours: number }

/** Every duration in the text, in order, with no two overlapping (the longer reading wins). */
function durations(text: string): Found[] {
  const found: Found[] = [];
  for (const unit of UNITS) {
    unit.re.lastIndex = 0;
    for (let m = unit.re.exec(text); m; m = unit.re.exec(text)) {
      const hours = unit.hours(m);
      if (hours !== undefined && hours > 0) found.push({ index: m.index, end: m.index + m[0].length, hours });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => f.index < k.end && k.index < f.end)) kept.push(f);
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * The hours of service a message reports, or undefined. Several durations joined into one (1小时20分钟) add up;
 * when one of them is marked as the total (…，共3小时 / 3 hours in total) that one is the answer; otherwise the sum.
 * Rounded to 0.01 h. "托管1小时" counts too: whether a duration matters is the caller's decision.
 */
export function findHours(text: string): number | undefined {
  const lower = text.replace(/[A-Z]+/gu, (s) => s.toLowerCase()); // same length; English patterns need no slow `iu`
  if (!ANY_UNIT.test(lower)) return undefined;
  const all = durations(lower);
  if (all.length === 0) return undefined;
  const groups: Found[] = [];
  for (const f of all) {
    const last = groups.at(-1);
    if (last && JOIN.test(lower.slice(last.end, f.index))) {
      last.end = f.end;
      last.hours += f.hours;
    } else groups.push({ ...f });
  }
  // A marker right after a duration belongs to it ("3 hours in total: 1 hour ..."), not to the next one.
  const after = groups.map((g) => TOTAL_AFTER.test(lower.slice(g.end)));
  const totals = groups.filter((g, i) =>
    after[i] || (TOTAL_BEFORE.test(lower.slice(i > 0 ? groups[i - 1]!.end : 0, g.index)) && !(i > 0 && after[i - 1])));
  const hours = totals.length > 0 ? Math.max(...totals.map((g) => g.hours)) : groups.reduce((sum, g) => sum + g.hours, 0);
  return Math.round(hours * 100) / 100;
}
