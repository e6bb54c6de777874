/**
 * Residents opt in as volunteers by command (`/volunteer 修水管 梯子`) or by offering help in their own words
 * ("本人会修电脑，邻居有需要可以找我"), and set quiet hours (`/quiet 22:00-07:00`). The reply thanks them in the
 * chat without repeating anything private.
 */
import type { CommunityRepos } from "./repos.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { CommandIntent, OfferIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { t } from "../../app/shared/texts.ts";

async function volunteer(context: MessageContext, repos: CommunityRepos, skills: string[], items: string[]): Promise<void> {
  await repos.volunteers.enroll(context.person.id, skills, items);
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "volunteer.enrolled", detail: { skills, items } });
  await reply(context, repos, t(context.lang).volunteered([...skills, ...items].join(context.lang === "en" ? ", " : "、")));
}

/** `/volunteer 修水管 电工 梯子`: every word is something they can do or lend (recorded as skills). */
export const volunteerCommand: Handler<CommandIntent, CommunityRepos> = (context, repos) =>
  volunteer(context, repos, context.intent.args.split(/[\s,，、;；]+/u).filter(Boolean), []);

/** An `offer` message: its skills and items. */
export const volunteerFromOffer: Handler<OfferIntent, CommunityRepos> = (context, repos) =>
  volunteer(context, repos, context.intent.skills ?? [], context.intent.items ?? []);

function minutes(text: string): number | undefined {
  const match = /^(\d{1,2})(?:[:：点](\d{2})?)?$/u.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour === 24 && minute === 0) return 24 * 60;
  return hour < 24 && minute < 60 ? hour * 60 + minute : undefined;
}

const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;

/** `/quiet 22:00-07:00` or `/quiet off` (`/免打扰 关`). */
export const setQuietHours: Handler<CommandIntent, CommunityRepos> = async (context, repos) => {
  const texts = t(context.lang);
  const args = context.intent.args.trim();
  if (/^(?:off|关|关闭|取消|none)$/iu.test(args)) {
    await repos.volunteers.setQuietHours(context.person.id, null);
    return reply(context, repos, texts.quietOff);
  }
  const [from, to] = args.split(/\s*(?:-|~|～|到|至|—)\s*/u).map(minutes);
  if (from === undefined || to === undefined || from === to) return reply(context, repos, texts.quietHowTo);
  await repos.volunteers.setQuietHours(context.person.id, { from, to });
  await reply(context, repos, texts.quietSet(hhmm(from), hhmm(to)));
};

const DAY_WORDS: ReadonlyArray<[RegExp, number[]]> = [
  [/每天|天天|全周|daily|every ?day/u, [1, 2, 3, 4, 5, 6, 7]],
  [/工作日|weekdays?/u, [1, 2, 3, 4, 5]],
  [/周末|weekends?/u, [6, 7]],
];
const DAY_NAMES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const DAY = String.raw`(?:周|星期|礼拜)([一二三四五六日天])|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*`;

/** Weekdays (1 Monday … 7 Sunday) named in a window: "工作日", "周一至周五", "周二、周四", "mon-fri", "sat, sun". */
export function daysOf(text: string): number[] | undefined {
  const lower = text.toLowerCase();
  for (const [pattern, days] of DAY_WORDS) if (pattern.test(lower)) return days;
  const names = [...lower.matchAll(new RegExp(DAY, "gu"))].map((match) => DAY_NAMES[match[1] ?? match[2]!]!);
  if (names.length === 2 && new RegExp(`(?:${DAY})\\s*(?:至|到|-|~|～|—|to)\\s*(?:${DAY})`, "u").test(lower)) {
    const [from, to] = names as [number, number];
    return Array.from({ length: ((to - from + 7) % 7) + 1 }, (_, index) => ((from - 1 + index) % 7) + 1);
  }
  return names.length ? [...new Set(names)] : undefined;
}

/** One window, "周一至周五 18:00-21:00" or "周末 全天"; undefined when it cannot be read. */
function windowOf(text: string): { days: number[]; from: number; to: number } | undefined {
  const days = daysOf(text);
  if (/全天|all ?day/iu.test(text)) return days && { days, from: 0, to: 24 * 60 };
  const span = /(\d{1,2}(?:[:：点]\d{2})?)\s*(?:-|~|～|到|至|—)\s*(\d{1,2}(?:[:：点]\d{2})?)/u.exec(text);
  const from = span && minutes(span[1]!);
  const to = span && minutes(span[2]!);
  if (from === undefined || from === null || to === undefined || to === null || to <= from) return undefined;
  return { days: days ?? [1, 2, 3, 4, 5, 6, 7], from, to };
}

/** `/available 周一至周五 18:00-21:00；周末 全天` or `/available off` (any time again). */
export const setAvailability: Handler<CommandIntent, CommunityRepos> = async (context, repos) => {
  const texts = t(context.lang);
  const args = context.intent.args.trim();
  if (/^(?:off|any ?time|随时|关|取消|none)$/iu.test(args)) {
    await repos.volunteers.setAvailability(context.person.id, []);
    return reply(context, repos, texts.availabilityOff);
  }
  const windows = args.split(/[;；\n]+/u).filter((part) => part.trim()).map(windowOf);
  if (windows.length === 0 || windows.some((window) => !window)) return reply(context, repos, texts.availabilityHowTo);
  const valid = windows as Array<{ days: number[]; from: number; to: number }>;
  await repos.volunteers.setAvailability(context.person.id, valid);
  await reply(context, repos, texts.availabilitySet(valid.map((window) => describe(window, context.lang)).join(context.lang === "en" ? "; " : "；")));
};

function describe(window: { days: number[]; from: number; to: number }, lang: Lang): string {
  const names = lang === "en" ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] : ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
  const days = window.days.length === 7 ? (lang === "en" ? "every day" : "每天") : window.days.map((day) => names[day - 1]).join(lang === "en" ? "," : "、");
  return `${days} ${hhmm(window.from)}-${hhmm(window.to)}`;
}
