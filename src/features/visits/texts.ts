/**
 * Reply texts of regular visits (探访), in zh-CN and en. Everything about an elder, a visit or a note goes to private
 * chats only; a group is told no more than that a command was handled privately.
 */
import type { Lang } from "../../kernel/lang.ts";
import { EN_WEEKDAYS, ZH_WEEKDAYS } from "../../kernel/weekdays.ts";

/** A visit's time as texts show it: its weekday and date, and its clock time. */
export interface When {
  weekday: number;
  month: number;
  date: number;
  time: string;
}

type VisitTexts = {
  usage: string;
  handledPrivately: string;
  unknownPerson: (name: string) => string;
  whichPerson: (name: string) => string;
  sameTwice: string;
  created: (elder: string, volunteers: string[], weekday: number, time: string, first: When, replaced: boolean) => string;
  onRota: (elder: string, by: string, weekday: number, time: string, volunteers: string[]) => string;
  remindDayBefore: (elder: string, time: string) => string;
  remindSoon: (elder: string, time: string) => string;
  willGo: string;
  cannotGo: string;
  goingAck: (elder: string) => string;
  swapAsk: (elder: string, from: string, when: When) => string;
  swapped: (elder: string, to: string | null) => string;
  nobodyLeft: (elder: string, when: When, declined: string[]) => string;
  askHow: (elder: string) => string;
  wentHour: string;
  didNotGo: string;
  logged: (elder: string, minutes: number, confirmer: string | null) => string;
  notGoneAck: (elder: string) => string;
  worry: (elder: string, volunteer: string, note: string, when: When) => string;
  missed: (elder: string, volunteer: string, when: When) => string;
  noVisit: string;
  notYourVisit: string;
  alreadyLogged: string;
  needMinutes: string;
  creditDescription: (elder: string) => string;
  subject: (elder: string) => string;
};

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const zhWhen = (when: When) => `${when.month}月${when.date}日 ${ZH_WEEKDAYS[when.weekday]} ${when.time}`;
const enWhen = (when: When) => `${EN_WEEKDAYS[when.weekday]!.slice(0, 3)} ${when.date} ${EN_MONTHS[when.month - 1]} at ${when.time}`;
const zhDuration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}小时` : minutes > 60 ? `${Math.floor(minutes / 60)}小时${minutes % 60}分钟` : `${minutes}分钟`);
const enDuration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${(minutes / 60).toFixed(2).replace(/0$/u, "")} h`);

const zh: VisitTexts = {
  usage: "用法：/探访 老人 志愿者1 志愿者2 每周三 15:00（志愿者按顺序每周轮流）",
  handledPrivately: "探访的事已私下处理，详情请看私信。",
  unknownPerson: (name) => `没找到“${name}”，请确认名字，或请对方先在群里说句话。`,
  whichPerson: (name) => `有几位都叫“${name}”，请用 @ 指明是哪一位。`,
  sameTwice: "老人和志愿者不能是同一个人，志愿者也不要重复。",
  created: (elder, volunteers, weekday, time, first, replaced) =>
    `已安排探访${elder}：每${ZH_WEEKDAYS[weekday]} ${time}，志愿者按顺序轮流：${volunteers.join("、")}。第一次：${zhWhen(first)}（${volunteers[0]}）。${replaced ? "原来的安排已停止。" : ""}每次前一天和前两小时我会私信提醒当周的志愿者。`,
  onRota: (elder, by, weekday, time, volunteers) => `${by}请您参加探访${elder}：每${ZH_WEEKDAYS[weekday]} ${time}，大家轮流（${volunteers.join("、")}）。轮到您时我会提前私信提醒。谢谢您！`,
  remindDayBefore: (elder, time) => `明天${time}去看望${elder}，方便吗？`,
  remindSoon: (elder, time) => `提醒：今天${time}去看望${elder}。`,
  willGo: "会去",
  cannotGo: "这周去不了",
  goingAck: (elder) => `好的，谢谢您去看望${elder}！`,
  swapAsk: (elder, from, when) => `${from}这周去不了，您方便${zhWhen(when)}去看望${elder}吗？`,
  swapped: (elder, to) => (to ? `好的，已请${to}这周去看望${elder}。` : `好的，其他志愿者这周也去不了，已告诉协调员。`),
  nobodyLeft: (elder, when, declined) => `${elder}本周的探访（${zhWhen(when)}）没有志愿者能去（${declined.join("、")}都去不了），请安排一下。`,
  askHow: (elder) => `今天去看望${elder}了吗？去了多久，老人家怎么样？直接回复就好，比如：“去了1小时，精神不错”。`,
  wentHour: "去了1小时，一切都好",
  didNotGo: "这次没去成",
  logged: (elder, minutes, confirmer) => `谢谢您！已记下探访${elder} ${zhDuration(minutes)}，${confirmer ? `等${confirmer}确认后` : "确认后"}记入时间银行（B类）。`,
  notGoneAck: (elder) => `好的，记下这次没去成。${elder}那边我会告诉协调员。`,
  worry: (elder, volunteer, note, when) => `探访跟进：${volunteer}${zhWhen(when)}看望了${elder}，说：“${note}”。请抽空去看看或打个电话。`,
  missed: (elder, volunteer, when) => `${elder} ${zhWhen(when)} 的探访没有记录（当周志愿者：${volunteer}），请了解一下老人的情况。`,
  noVisit: "您现在没有要记录的探访。",
  notYourVisit: "这次探访不是安排给您的。",
  alreadyLogged: "这次探访已经记录过了，谢谢！",
  needMinutes: "去了多久呢？请回复比如：“去了1小时，精神不错”。",
  creditDescription: (elder) => `探访${elder}`,
  subject: (elder) => `探访${elder}`,
};

const en: VisitTexts = {
  usage: "Usage: /visit elder volunteer1 volunteer2 wednesday 15:00 (the volunteers take turns weekly, in order)",
  handledPrivately: "The visit is handled privately; see your private chat.",
  unknownPerson: (name) => `I couldn't find "${name}". Please check the name, or ask them to say something in the group first.`,
  whichPerson: (name) => `Several people are called "${name}"; please @mention the one you mean.`,
  sameTwice: "The elder cannot also be a volunteer, and each volunteer only once, please.",
  created: (elder, volunteers, weekday, time, first, replaced) =>
    `Visits to ${elder} arranged: every ${EN_WEEKDAYS[weekday]} at ${time}, volunteers taking turns: ${volunteers.join(", ")}. First: ${enWhen(first)} (${volunteers[0]}).${replaced ? " The earlier rota has stopped." : ""} I'll remind the week's volunteer the day before and two hours before.`,
  onRota: (elder, by, weekday, time, volunteers) => `${by} added you to the visits to ${elder}: every ${EN_WEEKDAYS[weekday]} at ${time}, taking turns (${volunteers.join(", ")}). I'll remind you privately when it's your turn. Thank you!`,
  remindDayBefore: (elder, time) => `Tomorrow at ${time} you visit ${elder}. Can you make it?`,
  remindSoon: (elder, time) => `Reminder: today at ${time} you visit ${elder}.`,
  willGo: "I'll go",
  cannotGo: "Can't this week",
  goingAck: (elder) => `Thank you for visiting ${elder}!`,
  swapAsk: (elder, from, when) => `${from} can't make it this week. Could you visit ${elder} on ${enWhen(when)}?`,
  swapped: (elder, to) => (to ? `All right, I've asked ${to} to visit ${elder} this week.` : "All right. Nobody else can go this week either; I've told the coordinators."),
  nobodyLeft: (elder, when, declined) => `Nobody can visit ${elder} this week (${enWhen(when)}): ${declined.join(", ")} can't go. Please arrange something.`,
  askHow: (elder) => `Did you visit ${elder} today? How long, and how were they? Just reply, e.g. "went for 1 hour, in good spirits".`,
  wentHour: "1 hour, all well",
  didNotGo: "Didn't make it",
  logged: (elder, minutes, confirmer) => `Thank you! Your visit to ${elder} (${enDuration(minutes)}) is recorded; it goes into the time bank (category B) once ${confirmer ?? "confirmed"}${confirmer ? " confirms" : ""}.`,
  notGoneAck: (elder) => `All right, noted that the visit didn't happen. I'll let the coordinators know about ${elder}.`,
  worry: (elder, volunteer, note, when) => `Visit follow-up: ${volunteer} visited ${elder} on ${enWhen(when)} and said: "${note}". Please look in or give them a call.`,
  missed: (elder, volunteer, when) => `The visit to ${elder} on ${enWhen(when)} was not logged (the week's volunteer: ${volunteer}). Please check on them.`,
  noVisit: "You have no visit to log right now.",
  notYourVisit: "That visit isn't one of yours.",
  alreadyLogged: "That visit is logged already, thank you!",
  needMinutes: 'How long were you there? Reply e.g. "went for 1 hour, she\'s fine".',
  creditDescription: (elder) => `visit to ${elder}`,
  subject: (elder) => `visit to ${elder}`,
};

/** The visits' texts in a language. */
export function visitTexts(lang: Lang): VisitTexts {
  return lang === "en" ? en : zh;
}
