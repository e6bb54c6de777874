/**
 * The words of daily check-ins, read by general patterns (never one sentence): a wish to check in every day, an
 * "I'm fine", being away for a while (a pause), and the arguments of `/报平安`.
 */
import { addDays, atLocal, localDate } from "../../../kernel/zoned-time.ts";

/** "每天报平安", "每日报个平安", "天天报平安", "daily check-in": a wish to be checked on every day. */
const DAILY = /(?:每天|每日|天天)[^，。,.!！?？]{0,3}报[个一下]*平安|daily\s*check[\s-]?ins?/iu;

/** Whether a message asks to be checked on every day. */
export function wantsDailyCheckin(text: string): boolean {
  return DAILY.test(text);
}

/** "1", "平安", "挺好的", "还好", "没事", "I'm fine", "ok": an answer that one is fine. */
const OKAY = /^(?:1|１|平安|报平安|好|很好|挺好|都好|还好|还行|没事|没事儿|一切都好|一切正常|ok|okay|fine|i'?m\s+(?:fine|ok|okay|good|well)|all\s+good)[的啊呀哦了！!。.~\s]*$/iu;

/** Whether a reply says one is fine. */
export function saysFine(text: string): boolean {
  return OKAY.test(text.trim());
}

const CN_DIGITS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };

function count(word: string): number | undefined {
  if (/^\d{1,3}$/u.test(word)) return Number(word);
  if (word === "十") return 10;
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(word);
  if (tens) return (tens[1] ? CN_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CN_DIGITS[tens[2]]! : 0);
  return CN_DIGITS[word];
}

/** A stretch of days: "7天", "一周", "两个星期", "半个月", "3 days", "a week", "2 weeks". */
const SPAN = /(\d{1,3}|[一两二三四五六七八九十半]{1,3})\s*(?:个)?\s*(天|日|周|星期|礼拜|月)|(\d{1,3}|a|one|two|three)\s*(days?|weeks?|months?)/iu;
const EN_COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };

/** How many days a stretch like "一周" or "3 days" is, or undefined. */
export function daysIn(text: string): number | undefined {
  const match = SPAN.exec(text);
  if (!match) return undefined;
  const n = match[1] !== undefined ? count(match[1]) : (EN_COUNT[match[3]!.toLowerCase()] ?? Number(match[3]));
  if (n === undefined || !Number.isFinite(n) || n <= 0) return undefined;
  const unit = (match[2] ?? match[4]!).toLowerCase();
  const per = /^(天|日|day)/u.test(unit) ? 1 : /^(周|星期|礼拜|week)/u.test(unit) ? 7 : 30;
  const days = Math.round(n * per);
  return days >= 1 && days <= 366 ? days : undefined;
}

/** Being away from home: going to / staying at someone's place, travelling, in hospital, out of town. */
const AWAY = /(?:去|到|回|住到?)[^，。,.!！?？]{0,8}(?:家|那儿|那里|那边|老家|外地|医院)|出门|出远门|出差|旅游|旅行|不在家|住院|going\s+away|away|visiting|travell?ing|staying\s+(?:with|at)/iu;

/** "我去女儿家住一周", "回老家两个星期", "away for 3 days": the days away, or undefined when it says no such thing. */
export function awayFor(text: string): number | undefined {
  if (!AWAY.test(text)) return undefined;
  return daysIn(text);
}

/** A pause's end read from `/报平安 暂停 …`: "7天", "一周", "until 12-10", "到12月10日"; the local date it resumes on. */
export function pauseEnd(args: string, now: Date, timeZone: string): string | undefined {
  const today = localDate(now, timeZone);
  const date = /(?:(\d{4})[-/年])?(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*[日号]?/u.exec(args);
  if (date && /until|到|至|till|\d+\s*[-/月.]\s*\d+/iu.test(args)) {
    const [year, month, day] = [date[1] ? Number(date[1]) : Number(today.slice(0, 4)), Number(date[2]), Number(date[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    let end = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (!date[1] && end <= today) end = `${year + 1}${end.slice(4)}`;
    return end > today && end <= addDays(today, 366) ? end : undefined;
  }
  const days = daysIn(args);
  return days === undefined ? undefined : addDays(today, days);
}

/** The instant a pause ending on `date` (local) ends: that day's start. */
export function resumeAt(date: string, timeZone: string): Date {
  return atLocal(date, 0, timeZone);
}

/** "09:00" or "9:30" as minutes after midnight, or undefined. */
export function minuteOf(text: string): number | undefined {
  const match = /^(\d{1,2})[:：](\d{2})$/u.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour < 24 && minute < 60 ? hour * 60 + minute : undefined;
}

/** What `/报平安 …` asks for. */
export type CheckinArgs =
  | { kind: "fine"; name?: string }
  | { kind: "on"; name?: string; contacts: string[] }
  | { kind: "off"; name?: string }
  | { kind: "pause"; rest: string }
  | { kind: "resume" }
  | { kind: "option"; action: "going" | "unreachable" | "well" | "needhelp"; personId: number }
  | { kind: "time"; minute?: number; name?: string }
  | { kind: "status" };

const ON = /^(?:开启|开通|打开|开始|on|start|enrol|enroll)$/iu;
const OFF = /^(?:关闭|关掉|停止|取消|off|stop)$/iu;
const PAUSE = /^(?:暂停|pause)$/iu;
const RESUME = /^(?:恢复|继续|resume)$/iu;
const CONTACTS = /^(?:联系人|contacts?)$/iu;
const TIME = /^(?:时间|问候时间|time)$/iu;
const OPTION = /^(going|unreachable|well|needhelp)\s+(\d{1,9})$/iu;

/** Read the words after `/报平安`. */
export function readCheckinArgs(args: string): CheckinArgs {
  const text = args.trim();
  const option = OPTION.exec(text);
  if (option) return { kind: "option", action: option[1]!.toLowerCase() as "going", personId: Number(option[2]) };
  if (!text) return { kind: "status" };
  if (saysFine(text) || /^ok$/iu.test(text)) return { kind: "fine" };
  if (wantsDailyCheckin(text)) return { kind: "on", contacts: [] };
  const words = text.split(/[\s,，、]+/u).filter(Boolean);
  const [first, ...rest] = words;
  if (ON.test(first!)) {
    const split = rest.findIndex((word) => CONTACTS.test(word));
    const before = split < 0 ? rest : rest.slice(0, split);
    const contacts = split < 0 ? [] : rest.slice(split + 1);
    return { kind: "on", ...(before[0] ? { name: before[0] } : {}), contacts };
  }
  if (OFF.test(first!)) return { kind: "off", ...(rest[0] ? { name: rest[0] } : {}) };
  if (PAUSE.test(first!)) return { kind: "pause", rest: rest.join(" ") };
  if (RESUME.test(first!)) return { kind: "resume" };
  if (TIME.test(first!)) {
    const minute = rest.length ? minuteOf(rest.at(-1)!) : undefined;
    const name = rest.length === 2 ? rest[0] : undefined;
    return { kind: "time", ...(minute !== undefined && rest.length <= 2 ? { minute } : {}), ...(name ? { name } : {}) };
  }
  if (words.length === 2 && saysFine(words[1]!)) return { kind: "fine", name: first! };
  return { kind: "status" };
}

/** "帮我妈开通报平安", "给我爸开个报平安": someone asking to set up check-ins for a relative. */
const FOR_RELATIVE = /(?:帮|给|替|为)[^，。,.!！?？]{0,6}(?:开通|开启|开|设置|办)[个一下]*(?:每天|每日)?报平安|(?:set\s*up|start|turn\s*on)\s+(?:a\s+)?(?:daily\s+)?check[\s-]?ins?\s+for/iu;

/** Whether a message asks to set up check-ins for someone else. */
export function forSomeoneElse(text: string): boolean {
  return FOR_RELATIVE.test(text);
}

/** Having seen or reached someone: "看过了", "刚去看了", "打过电话了", "联系上了", "checked on her", "I saw him". */
const SEEN_ZH = /(?:看过|看了|看望过|看望了|见过|见到|见了|去过|去了|敲过门|敲了门|上门|打过电话|打了电话|通过电话|通了电话|联系上|联系过|问过|问了)/u;
const SEEN_EN = /\b(?:checked\s+(?:in\s+)?on|looked\s+in\s+on|(?:just\s+)?(?:saw|seen|visited|called|phoned|rang)|spoke\s+(?:to|with)|talked\s+(?:to|with)|(?:went|been)\s+(?:to\s+see|round|over)|dropped\s+by|popped\s+in)\b/iu;
/** That they are fine: "挺好", "没事", "一切正常", "she's fine", "he is ok". */
const WELL_ZH = /(?:挺好|很好|还好|都好|蛮好|不错|好好的|好着呢|没事|没什么事|没问题|平安|安好|一切正常|正常)/u;
const WELL_EN = /\b(?:fine|ok|okay|well|good|all\s+right|alright|safe)\b/iu;
/** Not seen, or a question, or a doubt: "没看到", "还好吗？", "not fine". */
const NOT_SEEN = /(?:没|未|不)(?:看|见|去|联系|打)|(?:didn'?t|did\s+not|couldn'?t|could\s+not|haven'?t|have\s+not|can'?t|cannot)\s+(?:see|reach|get|find|visit|call|check)|[?？吗]|不太好|不好|not\s+(?:fine|ok|okay|well|good)|isn'?t\s+(?:fine|ok|okay|well|good)/iu;

/** "看过了", "打过电话了", "I checked on her": someone says they saw or reached a person; never a question or a not-seen. */
export function saysSeen(text: string): boolean {
  return !NOT_SEEN.test(text) && (SEEN_ZH.test(text) || SEEN_EN.test(text));
}

/** "刚看过了，她挺好", "打过电话了，她没事", "I checked on her, she's fine": seen, and fine. The caller reads worries. */
export function saysSeenWell(text: string): boolean {
  return saysSeen(text) && ((SEEN_ZH.test(text) && WELL_ZH.test(text)) || (SEEN_EN.test(text) && WELL_EN.test(text)));
}
