/**
 * Reply texts of the time bank, good deeds, weekly summaries and digests, in zh-CN and en. Group texts name helpers
 * at most (and only those who allow it); balances, statements and digests go privately.
 */
import type { Lang } from "../../kernel/lang.ts";
import type { ReportKind } from "../reports/ports.ts";
import { reportTexts } from "../reports/texts.ts";
import type { DigestFigures, GridFigures, GroupWeek } from "../digests/ports.ts";
import { change } from "../digests/domain/figures.ts";
import { coins } from "./domain/ledger.ts";

type Line = { at: Date; minutes: number; kind: string; category: string | null; counterparty: string | null; memo: string | null };

type TimeBankTexts = {
  fund: string;
  coordinators: string;
  communityStaff: string;
  logged: (id: number, helper: string, beneficiary: string | null, minutes: number, confirmer: string) => string;
  askConfirm: (id: number, helper: string, beneficiary: string | null, what: string | null, minutes: number) => string;
  confirm: string;
  confirmAll: string;
  askConfirmAll: (title: string, lines: string[]) => string;
  dispute: string;
  confirmed: (id: number, minutes: number, balance: number) => string;
  confirmedBy: (id: number) => string;
  overCap: (capMinutes: number) => string;
  blockedCap: (id: number, name: string, capMinutes: number) => string;
  blockedOverdraft: (id: number, name: string, limitMinutes: number) => string;
  disputed: (id: number, what: string | null) => string;
  disputedBy: (id: number) => string;
  notPending: (id: number) => string;
  notYourCredit: (id: number) => string;
  noCredit: (id: string) => string;
  nothingToConfirm: string;
  awaiting: (lines: string[]) => string;
  creditLine: (id: number, helper: string, minutes: number, what: string | null) => string;
  transferHowTo: string;
  donateHowTo: string;
  transferred: (to: string, minutes: number, balance: number) => string;
  received: (from: string, minutes: number, balance: number) => string;
  donated: (minutes: number, balance: number) => string;
  tooLittle: (balance: number) => string;
  blockedTransfer: (name: string, capMinutes: number) => string;
  notToSelf: string;
  unknownPerson: (name: string) => string;
  whichPerson: (name: string) => string;
  balance: (name: string | null, balance: number, awaiting: number) => string;
  statement: (name: string | null, balance: number, lines: Line[], timeZone: string) => string;
  noEntries: string;
  reversed: (id: number, reversal: number) => string;
  notReversible: (id: string) => string;
  reversedFor: (id: number, balance: number) => string;
  thanked: (helper: string) => string;
  thanksUnknown: (name: string) => string;
  policy: (text: string) => string;
  policyHowTo: string;
  anonymous: string;
  named: string;
  summary: (group: string, week: GroupWeek) => string;
  digest: (period: string, now: DigestFigures, before: DigestFigures) => string;
  digestNone: string;
};

const DATE = (lang: Lang, timeZone: string) => new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { timeZone, month: "numeric", day: "numeric" });
const signed = (minutes: number) => `${minutes > 0 ? "+" : ""}${coins(minutes)}`;
const namesOf = (week: GroupWeek) => week.helpers.filter((one) => one.nameable).map((one) => one.name);
const total = (record: Record<string, number>) => Object.values(record).reduce((sum, value) => sum + value, 0);

const zh: TimeBankTexts = {
  fund: "社区基金",
  coordinators: "协调员",
  communityStaff: "社区工作人员",
  logged: (id, helper, beneficiary, minutes, confirmer) =>
    `已记下 #${id}：${helper}${beneficiary ? `帮${beneficiary}` : "服务"} ${coins(minutes)} 小时，等${confirmer}确认后入账。`,
  askConfirm: (id, helper, beneficiary, what, minutes) =>
    `请确认时间币 #${id}：${helper}${beneficiary ? `帮${beneficiary}` : "为社区服务"}${what ? `「${what}」` : ""}，${coins(minutes)} 小时。`,
  confirm: "确认",
  confirmAll: "全部确认",
  askConfirmAll: (title, lines) => `请确认「${title}」的时间币：\n${lines.join("\n")}\n哪一条有出入，可以回复 /有出入 编号。`,
  dispute: "有出入",
  confirmed: (id, minutes, balance) => `时间币 #${id} 已确认，${coins(minutes)} 个时间币已入账。您的余额：${coins(balance)}。`,
  confirmedBy: (id) => `已确认 #${id}，谢谢！`,
  overCap: (cap) => `（提醒：余额已超过上限 ${coins(cap)}）`,
  blockedCap: (id, name, cap) => `#${id} 暂时没能入账：${name}的余额会超过上限 ${coins(cap)} 个时间币。可以先转赠或捐给社区基金。`,
  blockedOverdraft: (id, name, limit) => `#${id} 暂时没能入账：${name}的余额会低于 -${coins(limit)}。请联系社区协调员处理。`,
  disputed: (id, what) => `时间币 #${id}${what ? `（${what}）` : ""}对方表示有出入，没有入账。如有疑问，可以找网格长或协调员。`,
  disputedBy: (id) => `已记下有出入，#${id} 不会入账。`,
  notPending: (id) => `#${id} 已经处理过了。`,
  notYourCredit: (id) => `#${id} 需要另一方来确认。`,
  noCredit: (id) => `没有找到时间币记录 #${id}。`,
  nothingToConfirm: "目前没有需要您确认的时间币。",
  awaiting: (lines) => `等您确认的时间币：\n${lines.join("\n")}`,
  creditLine: (id, helper, minutes, what) => `#${id} ${helper} ${coins(minutes)} 小时${what ? `「${what}」` : ""}`,
  transferHowTo: "用法：/转赠 @某人 5（把 5 个时间币转给家人或邻居）",
  donateHowTo: "用法：/捐赠 5（把 5 个时间币捐给社区基金）",
  transferred: (to, minutes, balance) => `已转给${to} ${coins(minutes)} 个时间币。您的余额：${coins(balance)}。`,
  received: (from, minutes, balance) => `${from}转给您 ${coins(minutes)} 个时间币。您的余额：${coins(balance)}。`,
  donated: (minutes, balance) => `谢谢您向社区基金捐出 ${coins(minutes)} 个时间币！您的余额：${coins(balance)}。`,
  tooLittle: (balance) => `余额不够：您现在有 ${coins(balance)} 个时间币。`,
  blockedTransfer: (name, cap) => `没能转出：${name}的余额会超过上限 ${coins(cap)} 个时间币。`,
  notToSelf: "不能转给自己哦。",
  unknownPerson: (name) => `没找到“${name}”。可以 @ 一下对方，或写群里显示的名字。`,
  whichPerson: (name) => `有几位叫“${name}”的邻居，您说的是哪位？`,
  balance: (name, balance, awaiting) => `${name ? `${name}的` : "您的"}时间币余额：${coins(balance)} 个${awaiting ? `（另有 ${awaiting} 条等确认）` : ""}。`,
  statement: (name, balance, lines, timeZone) =>
    [`${name ?? "您"}的最近记录（余额 ${coins(balance)}）：`, ...lines.map((line) => `${DATE("zh-CN", timeZone).format(line.at)} ${signed(line.minutes)} ${KIND_ZH[line.kind] ?? line.kind}${line.category ? ` ${line.category}` : ""}${line.counterparty ? ` · ${line.counterparty}` : ""}`)].join("\n"),
  noEntries: "还没有时间币记录。",
  reversed: (id, reversal) => `已冲正 #${id}（冲正记录 #${reversal}）。`,
  notReversible: (id) => `#${id} 不能冲正：没有这笔记录，或已经冲正过。`,
  reversedFor: (id, balance) => `协调员冲正了时间币记录 #${id}。您的余额：${coins(balance)}。如有疑问，请联系协调员。`,
  thanked: (helper) => `已记下对${helper}的感谢 🌼`,
  thanksUnknown: (name) => `没在群里找到“${name}”，这次感谢先没记下。可以 @ 一下对方。`,
  policy: (text) => `本社区时间银行规则：\n${text}`,
  policyHowTo: "用法：/规则 上限 1500 阻止 | 透支 10 | 付款 基金 | 类别 文化 培训 | 周报 周日 20:00",
  anonymous: "好的，每周好事汇总里不再写您的名字。",
  named: "好的，每周好事汇总里会写上您的名字，谢谢！",
  summary: (group, week) => {
    const names = namesOf(week);
    const counts = [
      week.requestsResolved ? `解决求助 ${week.requestsResolved} 件` : "",
      week.eventsHeld ? `活动 ${week.eventsHeld} 场` : "",
      week.thanks ? `感谢 ${week.thanks} 次` : "",
      week.visits ? `探访独居老人 ${week.visits} 次` : "",
    ].filter(Boolean);
    return [
      `🌼 本周邻里好事 · ${group}`,
      `${week.helpers.length} 位邻居出手相助${week.minutes ? `，共 ${coins(week.minutes)} 小时` : ""}`,
      ...(counts.length ? [counts.join(" · ")] : []),
      ...(names.length ? [`谢谢 ${names.slice(0, 8).join("、")}${names.length > 8 || names.length < week.helpers.length ? " 等邻居" : ""}！`] : ["谢谢每一位热心的邻居！"]),
      "远亲不如近邻，下周见 💪",
    ].join("\n");
  },
  digest: (period, now, before) => digestText("zh-CN", period, now, before),
  digestNone: "您不是网格长或协调员，没有简报可看。",
};

const en: TimeBankTexts = {
  fund: "the community fund",
  coordinators: "a coordinator",
  communityStaff: "the community staff",
  logged: (id, helper, beneficiary, minutes, confirmer) =>
    `Noted #${id}: ${helper}${beneficiary ? ` helping ${beneficiary}` : ""}, ${coins(minutes)} h. Credited once ${confirmer} confirms.`,
  askConfirm: (id, helper, beneficiary, what, minutes) =>
    `Please confirm time credit #${id}: ${helper} ${beneficiary ? `helping ${beneficiary}` : "for the community"}${what ? ` (“${what}”)` : ""}, ${coins(minutes)} h.`,
  confirm: "Confirm",
  confirmAll: "Confirm all",
  askConfirmAll: (title, lines) => `Please confirm the time credits of “${title}”:\n${lines.join("\n")}\nIf one is not right, reply /dispute with its number.`,
  dispute: "Not right",
  confirmed: (id, minutes, balance) => `Time credit #${id} confirmed: ${coins(minutes)} time coins credited. Your balance: ${coins(balance)}.`,
  confirmedBy: (id) => `Confirmed #${id}, thank you!`,
  overCap: (cap) => ` (Note: the balance is now over the cap of ${coins(cap)}.)`,
  blockedCap: (id, name, cap) => `#${id} could not be credited yet: ${name}'s balance would pass the cap of ${coins(cap)} time coins. Giving some away or donating to the fund makes room.`,
  blockedOverdraft: (id, name, limit) => `#${id} could not be credited yet: ${name}'s balance would go below -${coins(limit)}. Please ask a coordinator to sort it out.`,
  disputed: (id, what) => `Time credit #${id}${what ? ` (${what})` : ""} was not confirmed by the other side, so nothing was credited. A grid captain or coordinator can help.`,
  disputedBy: (id) => `Noted: #${id} will not be credited.`,
  notPending: (id) => `#${id} has already been settled.`,
  notYourCredit: (id) => `#${id} is for the other side to confirm.`,
  noCredit: (id) => `No time credit #${id} found.`,
  nothingToConfirm: "Nothing is waiting for your confirmation.",
  awaiting: (lines) => `Waiting for your confirmation:\n${lines.join("\n")}`,
  creditLine: (id, helper, minutes, what) => `#${id} ${helper} ${coins(minutes)} h${what ? ` (${what})` : ""}`,
  transferHowTo: "Usage: /give @someone 5 (gives 5 time coins to a relative or neighbour)",
  donateHowTo: "Usage: /donate 5 (gives 5 time coins to the community fund)",
  transferred: (to, minutes, balance) => `Gave ${coins(minutes)} time coins to ${to}. Your balance: ${coins(balance)}.`,
  received: (from, minutes, balance) => `${from} gave you ${coins(minutes)} time coins. Your balance: ${coins(balance)}.`,
  donated: (minutes, balance) => `Thank you for donating ${coins(minutes)} time coins to the community fund! Your balance: ${coins(balance)}.`,
  tooLittle: (balance) => `Not enough: you have ${coins(balance)} time coins.`,
  blockedTransfer: (name, cap) => `Not given: ${name}'s balance would pass the cap of ${coins(cap)} time coins.`,
  notToSelf: "You can't give coins to yourself.",
  unknownPerson: (name) => `I couldn't find “${name}”. Mention them with @, or use the name shown in the group.`,
  whichPerson: (name) => `There are several “${name}”. Which one do you mean?`,
  balance: (name, balance, awaiting) => `${name ? `${name}'s` : "Your"} time-coin balance: ${coins(balance)}${awaiting ? ` (${awaiting} waiting for confirmation)` : ""}.`,
  statement: (name, balance, lines, timeZone) =>
    [`${name ? `${name}'s` : "Your"} latest entries (balance ${coins(balance)}):`, ...lines.map((line) => `${DATE("en", timeZone).format(line.at)} ${signed(line.minutes)} ${line.kind}${line.category ? ` ${line.category}` : ""}${line.counterparty ? ` · ${line.counterparty}` : ""}`)].join("\n"),
  noEntries: "No time-coin entries yet.",
  reversed: (id, reversal) => `Reversed #${id} (reversal #${reversal}).`,
  notReversible: (id) => `#${id} can't be reversed: there is no such entry, or it was reversed already.`,
  reversedFor: (id, balance) => `A coordinator reversed time-coin entry #${id}. Your balance: ${coins(balance)}. Ask a coordinator if anything looks wrong.`,
  thanked: (helper) => `Thanks to ${helper} noted 🌼`,
  thanksUnknown: (name) => `I couldn't find “${name}” in this group, so the thanks wasn't noted. Try mentioning them with @.`,
  policy: (text) => `This community's time-bank rules:\n${text}`,
  policyHowTo: "Usage: /policy cap 1500 block | overdraft 10 | payer fund | categories culture training | summary sun 20:00",
  anonymous: "OK, the weekly summary won't name you.",
  named: "OK, the weekly summary may name you. Thank you!",
  summary: (group, week) => {
    const names = namesOf(week);
    const counts = [
      week.requestsResolved ? `${week.requestsResolved} request${week.requestsResolved > 1 ? "s" : ""} resolved` : "",
      week.eventsHeld ? `${week.eventsHeld} event${week.eventsHeld > 1 ? "s" : ""}` : "",
      week.thanks ? `${week.thanks} thank-you${week.thanks > 1 ? "s" : ""}` : "",
      week.visits ? `${week.visits} visit${week.visits > 1 ? "s" : ""} to elders living alone` : "",
    ].filter(Boolean);
    const people = week.helpers.length === 1 ? "1 neighbour helped out" : `${week.helpers.length} neighbours helped each other`;
    return [
      `🌼 This week in ${group}`,
      `${people}${week.minutes ? `, ${coins(week.minutes)} hours in all` : ""}`,
      ...(counts.length ? [counts.join(" · ")] : []),
      ...(names.length ? [`Thank you, ${names.slice(0, 8).join(", ")}${names.length > 8 || names.length < week.helpers.length ? " and others" : ""}!`] : ["Thank you, every kind neighbour!"]),
      "Good neighbours make a good home. See you next week 💪",
    ].join("\n");
  },
  digest: (period, now, before) => digestText("en", period, now, before),
  digestNone: "Digests are for grid captains and coordinators.",
};

const KIND_ZH: Record<string, string> = { credit: "服务", transfer: "转赠", donation: "捐赠", reversal: "冲正" };
const MEDIATION_STATES: Record<Lang, Record<string, string>> = {
  "zh-CN": { open: "待接案", taken: "调解中", closed: "已结案" },
  en: { open: "waiting for a mediator", taken: "being mediated", closed: "closed" },
};
const MEDIATION_KINDS: Record<Lang, Record<string, string>> = {
  "zh-CN": { noise: "噪音", leak: "漏水", pets: "宠物", parking: "停车", smell: "异味", shared: "公共空间", other: "其他" },
  en: { noise: "noise", leak: "leak", pets: "pets", parking: "parking", smell: "smell", shared: "shared space", other: "other" },
};
const CATEGORIES: Record<Lang, Record<string, string>> = {
  "zh-CN": { A: "A 日常", B: "B 陪伴", C: "C 应急", culture: "文化", training: "培训" },
  en: { A: "A daily care", B: "B companionship", C: "C emergency" },
};

/** A digest, each figure followed by its change from the week before. */
function digestText(lang: Lang, period: string, now: DigestFigures, before: DigestFigures): string {
  const zhLang = lang === "zh-CN";
  const vs = (a: number, b: number) => (zhLang ? `${a}（${change(a, b)}）` : `${a} (${change(a, b)})`);
  const minutesText = (value: number | null) => (value === null ? "—" : `${Math.round(value)}${zhLang ? " 分钟" : " min"}`);
  const gridLine = (grid: GridFigures) => {
    const old = before.grids.find((one) => one.gridId === grid.gridId) ?? { newRequests: 0, open: 0, stale: 0, expired: 0, medianFirstAcceptMinutes: null };
    const name = grid.gridName || (zhLang ? "未分网格" : "no grid");
    return zhLang
      ? `【${name}】新求助 ${vs(grid.newRequests, old.newRequests)} · 未完成 ${vs(grid.open, old.open)} · 超24小时无人接 ${vs(grid.stale, old.stale)} · 过期 ${vs(grid.expired, old.expired)} · 首次接单中位 ${minutesText(grid.medianFirstAcceptMinutes)}（上周 ${minutesText(old.medianFirstAcceptMinutes)}）`
      : `[${name}] new ${vs(grid.newRequests, old.newRequests)} · open ${vs(grid.open, old.open)} · no volunteer >24h ${vs(grid.stale, old.stale)} · expired ${vs(grid.expired, old.expired)} · median first acceptance ${minutesText(grid.medianFirstAcceptMinutes)} (last week ${minutesText(old.medianFirstAcceptMinutes)})`;
  };
  const counts = (record: Record<string, number>, old: Record<string, number>, names: Record<string, string>) => {
    // In the order the names are listed (a report's life, the kinds as listed), anything unnamed last.
    const order = Object.keys(names);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const keys = [...new Set([...Object.keys(record), ...Object.keys(old)])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return keys.length ? keys.map((key) => `${names[key] ?? key} ${vs(record[key] ?? 0, old[key] ?? 0)}`).join(" · ") : "0";
  };
  const reportWords = reportTexts(lang);
  const reports = now.reports;
  const oldest = reports.oldestOpen ? `#${reports.oldestOpen.id} ${reportWords.kind[reports.oldestOpen.kind as ReportKind] ?? reports.oldestOpen.kind} ${reports.oldestOpen.days}${zhLang ? " 天" : " days"}` : "—";
  const toFixed = reports.medianHoursToFixed === null ? "—" : `${reports.medianHoursToFixed}${zhLang ? " 小时" : " h"}`;
  const seconds = (value: number | null) => (value === null ? "—" : `${Math.round(value)}${zhLang ? " 秒" : " s"}`);
  const categories = [...new Set([...Object.keys(now.minutesByCategory), ...Object.keys(before.minutesByCategory)])].sort();
  const hours = categories.map((key) => `${CATEGORIES[lang][key] ?? key} ${coins(now.minutesByCategory[key] ?? 0)}`).join(" · ");
  const allHours = `${coins(total(now.minutesByCategory))}${zhLang ? `（上周 ${coins(total(before.minutesByCategory))}）` : ` (last week ${coins(total(before.minutesByCategory))})`}`;
  const top = now.topHelpers.map((one) => `${one.name} ${coins(one.minutes)}`).join(zhLang ? "、" : ", ") || "—";
  const sos = now.sos;
  return (
    zhLang
      ? [
          `📋 本周简报（${period}，括号内为与上周相比）`,
          ...now.grids.map(gridLine),
          `紧急求助 ${vs(sos.alerts, before.sos.alerts)}，已响应 ${sos.acknowledged}，响应中位 ${seconds(sos.medianAckSeconds)}，最慢 ${seconds(sos.slowestAckSeconds)}`,
          `反映问题（本周新报）：${counts(reports.byState, before.reports.byState, reportWords.state)}；按类别：${counts(reports.byKind, before.reports.byKind, reportWords.kind)}`,
          `待修复 ${vs(reports.openAtEnd, before.reports.openAtEnd)}，最久 ${oldest}，修复用时中位 ${toFixed}`,
          `调解（本周新案）：${counts(now.mediations.byState, before.mediations.byState, MEDIATION_STATES[lang])}；按类别：${counts(now.mediations.byKind, before.mediations.byKind, MEDIATION_KINDS[lang])}`,
          `时间币：${hours || "0"}，共 ${allHours}`,
          `帮得最多：${top}`,
          `报平安未报（天次）：${vs(now.checkins.missedDays, before.checkins.missedDays)}，涉及 ${now.checkins.people} 人`,
          ...(now.checkins.streaks.length ? [`⚠️ 连续多天未报平安：${now.checkins.streaks.map((one) => `${one.name} ${one.days} 天`).join("、")}`] : []),
        ]
      : [
          `📋 Weekly digest (${period}; changes from last week in brackets)`,
          ...now.grids.map(gridLine),
          `SOS alerts ${vs(sos.alerts, before.sos.alerts)}, acknowledged ${sos.acknowledged}, median ${seconds(sos.medianAckSeconds)}, slowest ${seconds(sos.slowestAckSeconds)}`,
          `Reports made this week: ${counts(reports.byState, before.reports.byState, reportWords.state)}; by kind: ${counts(reports.byKind, before.reports.byKind, reportWords.kind)}`,
          `Waiting for a fix ${vs(reports.openAtEnd, before.reports.openAtEnd)}, longest ${oldest}, median time to fix ${toFixed}`,
          `Mediation cases opened this week: ${counts(now.mediations.byState, before.mediations.byState, MEDIATION_STATES[lang])}; by kind: ${counts(now.mediations.byKind, before.mediations.byKind, MEDIATION_KINDS[lang])}`,
          `Hours: ${hours || "0"}; total ${allHours}`,
          `Top helpers: ${top}`,
          `Missed check-ins: ${vs(now.checkins.missedDays, before.checkins.missedDays)}, ${now.checkins.people} ${now.checkins.people === 1 ? "person" : "people"}`,
          ...(now.checkins.streaks.length ? [`⚠️ Missed several days running: ${now.checkins.streaks.map((one) => `${one.name} ${one.days} days`).join(", ")}`] : []),
        ]
  ).join("\n");
}

/** The time-bank texts of a language. */
export function timeBankTexts(lang: Lang): TimeBankTexts {
  return lang === "en" ? en : zh;
}
