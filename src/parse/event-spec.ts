/**
 * The arguments of an event command, read into an event: "/活动 周六 9:00-11:00 邻里花园除草 限20人 截止周五20:00",
 * "/event Sat 9am-11am Garden cleanup, 20 places", "/活动 每周六 8:00-9:00 花园浇水 值班 地点：东门花坛".
 * Pure, like the rest of the parser: the reference time and zone come in.
 */
import type { WhenReference } from "./dates.ts";
import { findWhen } from "./dates.ts";
import { atLocal } from "../kernel/zoned-time.ts";

/** An event as the command describes it. */
export interface EventSpec {
  title: string;
  startsAt: Date;
  endsAt?: Date;
  place?: string;
  capacity?: number;
  deadline?: Date;
  kind: "activity" | "duty";
  recurrence?: "weekly";
  /** True when only a date was given (the event then starts at 09:00). */
  timeGuessed: boolean;
  /** Reminder offsets in minutes before the start, when the command sets them ("提醒 1天 1小时", "remind 24h 30m"). */
  reminders?: number[];
}

/** Why the arguments could not be read. */
export type EventSpecError = "no-date" | "no-title" | "past" | "deadline-after-start" | "deadline-past";

const CAPACITY = /限\s*(\d{1,4})\s*(?:人|位|名)?|(?:名额|人数)[:：]?\s*(\d{1,4})|(\d{1,4})\s*(?:个名额|名额|places?|spots?|seats?|people|ppl)(?![a-z])|\b(?:max|limit|capacity)[:：]?\s*(\d{1,4})\b|(\d{1,4})\s*(?:人|位)(?=$|[\s,，。])/iu;
const DEADLINE = /(?:报名)?截止(?:时间)?[:：]?\s*([^\s,，。;；]+(?:\s*\d{1,2}[:：]\d{2})?)|\b(?:deadline|sign[- ]?ups? close|rsvp by)[:：]?\s*((?:[a-z]+\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)/iu;
const PLACE = /(?:地点|地址|集合地点|集合)[:：]\s*([^\s,，。;；]+)|(?:^|[\s,，])@\s*([^\s,，。;；]+)|\b(?:at|venue|place)[:：]\s*([^,，。;；]+)/iu;
const REMINDERS = /(?:提醒|remind(?:ers?)?)[:：]?\s*((?:\d{1,3}\s*(?:天|小时|分钟|d|h|m|days?|hours?|minutes?)[\s,，、]*)+|不用|无|none|off)/iu;
const OFFSET = /(\d{1,3})\s*(天|小时|分钟|d|h|m|days?|hours?|minutes?)/giu;
const DUTY = /值班|轮值|值日|浇水|巡逻|站岗|duty|rota|shift|watering/iu;
const WEEKLY = /每(?:个)?(?:周|週|星期|礼拜)|\bweekly\b|\bevery\s+(?:week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/iu;
const DAY = String.raw`(?:每(?:个)?)?(?:(?:下|这|本)?(?:周|週|星期|礼拜)[一二三四五六日天末]|今天|明天|后天|(?:this|next|every)?\s*(?:mon|tues?|wed|wednes|thu|thurs?|fri|sat|satur|sun)(?:day)?\.?|today|tomorrow|tonight|\d{1,2}月\d{1,2}[日号]|\d{1,2}\/\d{1,2})`;
const PERIOD = String.raw`(?:上午|下午|晚上|早上|中午|傍晚|morning|afternoon|evening)`;
const CLOCK = String.raw`\d{1,2}(?:[:：.]\d{2})?(?:点半?|点钟|am|pm|h)?`;
/** A word that is only a day and/or a time ("周六", "9:00-11:00", "明天下午3点", "sat", "9am-11am"): not the title. */
const DATE_TIME_WORD = new RegExp(`^(?=.)(?:${DAY})?(?:${PERIOD})?(?:${CLOCK}(?:\\s*(?:-|~|～|到|至|—|–|to)\\s*${CLOCK})?)?$`, "iu");
const MARK_WORD = /^(?:值班|轮值|值日|duty|rota|weekly|每周|,|，|-|—)$/iu;

/** Read an event from command arguments; an error names what is missing. */
export function parseEventSpec(args: string, ref: WhenReference): EventSpec | { error: EventSpecError } {
  let rest = args.trim();
  const take = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(rest);
    if (!match) return undefined;
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    return match.slice(1).find((group) => group !== undefined)?.trim();
  };
  const deadlineText = take(DEADLINE);
  const capacityText = take(CAPACITY);
  const place = take(PLACE);
  const remindText = take(REMINDERS);
  const reminders = remindText === undefined ? undefined : [...remindText.matchAll(OFFSET)].map(([, n, unit]) => Number(n) * unitMinutes(unit!));
  const recurrence = WEEKLY.test(rest) ? "weekly" : undefined;
  const kind = DUTY.test(args) ? "duty" : "activity";
  // "每周六" reads as a habit to the date finder; the first one is the coming Saturday.
  const dated = rest.replace(/每(?:个)?((?:周|週|星期|礼拜)[一二三四五六日天])/gu, "$1").replace(/\bevery\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day)/giu, "");
  const when = findWhen(dated, ref);
  if (!when) return { error: "no-date" };
  const title = dated
    .split(/[\s,，;；]+/u)
    .filter((word) => word && !DATE_TIME_WORD.test(word) && !MARK_WORD.test(word))
    .join(" ")
    .replace(/^(?:(?:上午|下午|晚上|早上|中午)\s*)/u, "")
    .trim();
  if (!title) return { error: "no-title" };
  const startsAt = when.start ?? atLocal(when.date, { hour: 9, minute: 0 }, ref.timeZone);
  if (startsAt <= ref.now) return { error: "past" };
  const deadlineWhen = deadlineText ? findWhen(deadlineText, ref) : undefined;
  // A deadline without a time ("截止周五") means the end of that day.
  const deadline = deadlineWhen ? (deadlineWhen.start ?? atLocal(deadlineWhen.date, { hour: 23, minute: 59 }, ref.timeZone)) : undefined;
  if (deadline && deadline > startsAt) return { error: "deadline-after-start" };
  if (deadline && deadline <= ref.now) return { error: "deadline-past" };
  const capacity = capacityText ? Number(capacityText) : undefined;
  return {
    title: capitalise(title),
    startsAt,
    ...(when.end && when.end > startsAt ? { endsAt: when.end } : {}),
    ...(place ? { place } : {}),
    ...(capacity && capacity > 0 ? { capacity } : {}),
    ...(deadline ? { deadline } : {}),
    kind,
    ...(recurrence ? { recurrence } : {}),
    timeGuessed: !when.start,
    ...(reminders ? { reminders: [...new Set(reminders)].filter((minutes) => minutes > 0).sort((a, b) => b - a) } : {}),
  };
}

function unitMinutes(unit: string): number {
  const lower = unit.toLowerCase();
  return lower === "天" || lower.startsWith("d") ? 1440 : lower === "小时" || lower.startsWith("h") ? 60 : 1;
}

function capitalise(title: string): string {
  return /^[a-z]/u.test(title) ? title[0]!.toUpperCase() + title.slice(1) : title;
}
