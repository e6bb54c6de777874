/**
 * The rules of a visit rota, pure: reading `/探访 李奶奶 张阿姨 王秀英 每周三 15:00` into the elder, the volunteers and
 * the weekly local time; whose turn a week is (rotating through the list); who is asked next when one cannot go; and
 * when each week's reminders, question and check fall.
 */

/** A visit's state: scheduled (the week's volunteer is to go), done (logged), missed (not logged by the next day),
 * swapped (this volunteer could not go; the next one's visit for the same time replaced it). */
export type VisitState = "scheduled" | "done" | "missed" | "swapped";

/** What `/探访 …` says. */
export interface RotaArgs {
  elder: string;
  volunteers: string[];
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** Minutes after local midnight. */
  minute: number;
}

const ZH_DAYS: Record<string, number> = { 日: 0, 天: 0, 七: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const EN_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const ZH_WEEKDAY = /^(?:每)?(?:个)?(?:周|星期|礼拜|禮拜)([日天一二三四五六七1-7])$/u;
const EN_WEEKDAY = /^(sun|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)[a-z]*$/u;
const SEPARATORS = /[\s、，,;；]+/u;

/** A weekday word ("每周三", "星期天", "周3", "wednesday", "Wed"), or undefined. */
export function readWeekday(word: string): number | undefined {
  const zh = ZH_WEEKDAY.exec(word);
  if (zh) return /\d/u.test(zh[1]!) ? Number(zh[1]) % 7 : ZH_DAYS[zh[1]!];
  const en = EN_WEEKDAY.exec(word.toLowerCase());
  return en ? EN_DAYS.indexOf(en[1]!.slice(0, 3)) : undefined;
}

/** A time of day ("15:00", "15点", "下午3点", "下午3点半", "3pm", "3:30pm", "10am"), as minutes after midnight, or undefined. */
export function readTimeOfDay(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/：/gu, ":");
  const match = /^(上午|早上|中午|下午|傍晚|晚上)?(\d{1,2})(?::(\d{2})|点(半|(\d{1,2})分?)?|时)?\s*(am|pm)?$/u.exec(lower);
  if (!match) return undefined;
  const [, part, hourWord, colonMinute, half, pointMinute, meridiem] = match;
  if (!part && !colonMinute && half === undefined && !/[点时]/u.test(lower) && !meridiem) return undefined;
  let hour = Number(hourWord);
  const minute = colonMinute ? Number(colonMinute) : half === "半" ? 30 : pointMinute ? Number(pointMinute) : 0;
  const afternoon = meridiem === "pm" || part === "下午" || part === "傍晚" || part === "晚上" || (part === "中午" && hour < 3);
  if ((afternoon && hour < 12) ) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return hour * 60 + minute;
}

/** `/探访 李奶奶 张阿姨 王秀英 每周三 15:00` (or `/visit Granny Li, Ann, Bo every wed 3pm`): the elder first, then one or more volunteers. */
export function readRotaArgs(text: string): RotaArgs | undefined {
  const words = text.trim().replace(/^every\s+/iu, "").replace(/\s+every\s+/giu, " ").split(SEPARATORS).filter(Boolean);
  let weekday: number | undefined;
  let minute: number | undefined;
  const names: string[] = [];
  for (const word of words) {
    const day = weekday === undefined ? readWeekday(word) : undefined;
    if (day !== undefined) {
      weekday = day;
      continue;
    }
    // "每周三15:00" written together.
    const joined = /^(.*?(?:[日天一二三四五六七1-7]|day|[a-z]))((?:上午|下午|中午|傍晚|晚上)?\d{1,2}(?:[:：]\d{2}|点.*|时|am|pm))$/iu.exec(word);
    if (weekday === undefined && joined && readWeekday(joined[1]!) !== undefined && readTimeOfDay(joined[2]!) !== undefined) {
      weekday = readWeekday(joined[1]!);
      minute = readTimeOfDay(joined[2]!);
      continue;
    }
    const time = minute === undefined ? readTimeOfDay(word) : undefined;
    if (time !== undefined) {
      minute = time;
      continue;
    }
    names.push(word.replace(/^@/u, ""));
  }
  if (weekday === undefined || minute === undefined || names.length < 2) return undefined;
  return { elder: names[0]!, volunteers: names.slice(1), weekday, minute };
}

/** Whose turn week `week` is: the list rotates weekly. */
export function turnOf<T>(members: readonly T[], week: number): T {
  return members[week % members.length]!;
}

/** Who is asked when this week's volunteer cannot go: the next in the list after `current` who has not declined this week. */
export function nextVolunteer(members: readonly number[], current: number, declined: readonly number[]): number | undefined {
  const start = members.indexOf(current);
  for (let step = 1; step < members.length; step += 1) {
    const candidate = members[(start + step) % members.length]!;
    if (candidate !== current && !declined.includes(candidate)) return candidate;
  }
  return undefined;
}

const HOUR_MS = 3_600_000;

/** When each step of a visit falls, from its time: reminders a day and two hours before, the question an hour after, the check for a missed visit a day after. */
export function visitSchedule(dueAt: Date): { dayBefore: Date; soon: Date; ask: Date; missed: Date } {
  const at = dueAt.getTime();
  return { dayBefore: new Date(at - 24 * HOUR_MS), soon: new Date(at - 2 * HOUR_MS), ask: new Date(at + HOUR_MS), missed: new Date(at + 24 * HOUR_MS) };
}

/** A time of day as "15:00". */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
