/**
 * Reply texts of a resident's own data, in zh-CN and en: the `/mydata` report (sent only to the person, privately), and
 * the `/forgetme` question and answers. Times are shown as dates in the community's zone.
 */
import type { Lang } from "../../kernel/lang.ts";
import { EN_WEEKDAYS, ZH_WEEKDAYS } from "../../kernel/weekdays.ts";
import type { PersonalDataView } from "./ports.ts";

/** A ledger line as the report shows it. */
export interface ReportLine {
  at: Date;
  minutes: number;
  kind: string;
  counterparty: string | null;
}

/** What the report needs besides the stored data: the time bank and the time zone. */
export interface ReportExtras {
  balanceMinutes: number;
  ledger: ReportLine[];
  timeZone: string;
}

type PrivacyTexts = {
  /** The name a forgotten person goes by in history. */
  anonymous: string;
  report: (data: PersonalDataView, extras: ReportExtras) => string;
  nothingHeld: string;
  askForget: (balanceMinutes: number) => string;
  confirmForget: string;
  keepData: string;
  forgotten: string;
  kept: string;
  staleToken: string;
  forgetHowTo: string;
  requesterLeft: (id: number) => string;
  helperLeft: (id: number) => string;
};

const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

function day(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The report, section by section; empty sections say so in a word rather than vanish. */
function report(lang: Lang, data: PersonalDataView, extras: ReportExtras): string {
  const en = lang === "en";
  const none = en ? "none" : "无";
  const yes = (flag: boolean) => (en ? (flag ? "yes" : "no") : flag ? "是" : "否");
  const list = (items: string[]) => (items.length ? items.join(en ? ", " : "、") : none);
  const when = (at: Date) => day(at, extras.timeZone);
  const state = (stored: string) => word(lang, stored);
  const colon = en ? ": " : "：";
  const section = (title: string, lines: string[]) => [`【${title}】`, ...(lines.length ? lines.map((line) => `· ${line}`) : [`· ${none}`])];
  const v = data.volunteer;
  const days = (list: number[]) => list.map((d) => (en ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] : ["一", "二", "三", "四", "五", "六", "日"])[d - 1] ?? String(d)).join(en ? "," : "");
  const lines = [
    en ? "Everything Linli holds about you:" : "邻里机器人保存的关于您的全部信息：",
    ...section(en ? "You" : "基本信息", [
      `${en ? "Name" : "名字"}${colon}${data.displayName}`,
      ...data.identities.map((one) => `${en ? "Account" : "账号"}${colon}${one.platform} ${one.externalId} (${one.displayName})${one.canMessage ? "" : en ? ", cannot be messaged" : "，无法私信"}`),
      `${en ? "Address" : "住址"}${colon}${[data.building, data.room].filter(Boolean).join(" ") || none}`,
      `${en ? "Phone" : "电话"}${colon}${data.phone ?? none}`,
      `${en ? "Language" : "语言"}${colon}${data.locale ?? none}`,
      `${en ? "Known since" : "登记于"}${colon}${when(data.since)}`,
    ]),
    ...section(en ? "Emergency card and volunteering" : "应急联系卡和志愿者资料", v
      ? [
          `${en ? "Emergency phone" : "紧急联系电话"}${colon}${v.emergencyPhone ?? none}`,
          `${en ? "Volunteering" : "志愿者"}${colon}${v.active ? (en ? "active" : "在岗") : en ? "paused" : "暂停"}${v.verified ? (en ? ", verified" : "，已核实") : ""}`,
          `${en ? "Skills" : "技能"}${colon}${list(v.skills)}`,
          `${en ? "Can lend" : "可借物品"}${colon}${list(v.items)}`,
          `${en ? "Car / first aid / medical" : "有车/急救/医护"}${colon}${yes(v.hasCar)}/${yes(v.firstAid)}/${yes(v.medicalTraining)}`,
          `${en ? "Available" : "有空时间"}${colon}${v.availability.length ? v.availability.map((w) => `${days(w.days)} ${clock(w.from)}-${clock(w.to)}`).join(en ? "; " : "；") : en ? "any time" : "随时"}`,
          `${en ? "Quiet hours" : "免打扰"}${colon}${v.quietFrom !== null && v.quietTo !== null ? `${clock(v.quietFrom)}-${clock(v.quietTo)}` : none}`,
          `${en ? "Pings a day at most" : "每天最多提醒"}${colon}${v.maxPingsPerDay}`,
        ]
      : []),
    ...section(en ? "Roles" : "职务", data.roles.map((one) => `${roleName(lang, one.role)}${one.grid ? ` (${one.grid})` : ""}`)),
    ...section(en ? "Chats" : "所在的群", data.memberships.filter((one) => one.kind === "group").map((one) => `${one.chat}${one.alias ? ` (${one.alias})` : ""}${one.isAdmin ? (en ? ", admin" : "，管理员") : ""}`)),
    ...section(en ? "Help you asked for" : "您发起的求助", data.requestsMade.map((one) => `#${one.id} ${one.what || one.category} — ${state(one.state)}, ${when(one.createdAt)}`)),
    ...section(en ? "Help you took on" : "您接过的求助", data.requestsTaken.map((one) => `#${one.id} ${one.what || one.category} — ${state(one.state)}, ${when(one.assignedAt)}`)),
    ...section(en ? "Event sign-ups" : "活动报名", data.signUps.map((one) => `${one.title} (${when(one.startsAt)}) — ${state(one.state)}${one.count > 1 ? ` ×${one.count}` : ""}`)),
    ...section(en ? "Time bank" : "时间银行", [
      `${en ? "Balance" : "余额"}${colon}${hours(extras.balanceMinutes)} ${en ? "hours" : "小时"}`,
      ...extras.ledger.map((one) => `${when(one.at)} ${one.minutes > 0 ? "+" : ""}${hours(one.minutes)} ${state(one.kind)}${one.counterparty ? ` (${one.counterparty})` : ""}`),
    ]),
    ...section(en ? "Good deeds" : "好人好事", [en ? `done ${data.deeds.done}, received ${data.deeds.received}` : `做了 ${data.deeds.done} 件，受助 ${data.deeds.received} 件`]),
    ...section(en ? "Reports and mediation" : "反映的问题和调解", [
      ...data.reports.map((one) => `${en ? "Report" : "反映"} #${one.id} ${one.description} — ${state(one.state)}`),
      ...data.mediations.map((one) => `${en ? "Mediation" : "调解"} #${one.id}${one.role === "mediator" ? (en ? " (you mediate)" : "（您是调解员）") : ""}${one.description ? ` ${one.description}` : ""} — ${state(one.state)}`),
    ]),
    ...section(en ? "Settings" : "设置", [
      `${en ? "Named in the weekly summary" : "周报可以提您的名字"}${colon}${yes(data.nameInSummary)}`,
      ...(data.checkin ? [`${en ? "Daily check-in by" : "每日报平安截止"}${colon}${clock(data.checkin.dueMinute)}${data.checkin.active ? "" : en ? " (paused)" : "（暂停）"}`] : []),
      ...(data.checkin?.contacts?.length ? [`${en ? "Check-in contacts, in order" : "报平安联系人（按顺序）"}${colon}${data.checkin.contacts.join(en ? ", " : "、")}`] : []),
      ...(data.checkinContactFor?.length ? [`${en ? "You are a check-in contact for" : "您是这些人的报平安联系人"}${colon}${data.checkinContactFor.join(en ? ", " : "、")}`] : []),
      ...(data.visitRotas ?? []).map((rota) => {
        const at = `${en ? `every ${EN_WEEKDAYS[rota.weekday]}` : `每${ZH_WEEKDAYS[rota.weekday]}`} ${clock(rota.minute)}`;
        const volunteers = rota.volunteers.join(en ? ", " : "、");
        if (rota.role === "elder") return en ? `Regular visits to you: ${at} (${volunteers})` : `定期探访您：${at}（${volunteers}）`;
        return en ? `You visit ${rota.elder}: ${at}, in turn (${volunteers})` : `您参加探访 ${rota.elder}：${at}，轮流（${volunteers}）`;
      }),
      ...(data.guardian ? [`${en ? "Acting for you" : "代您办事的人"}${colon}${data.guardian}`] : []),
      ...(data.wards?.length ? [`${en ? "You act for" : "您代管"}${colon}${data.wards.join(en ? ", " : "、")}`] : []),
    ]),
    en ? "To have all this erased: /forgetme" : "如需删除这些信息：/删除我的数据",
  ];
  return lines.join("\n");
}

/** Stored states and kinds in words (zh); English shows them as stored, with underscores as spaces. */
const ZH_WORDS: Record<string, string> = {
  open: "进行中",
  assigned: "已有人接",
  taken: "已有人接手",
  done: "已完成",
  cancelled: "已取消",
  expired: "已过期",
  active: "进行中",
  withdrawn: "已交回",
  confirmed: "已报名",
  waitlisted: "候补",
  credit: "入账",
  transfer: "转赠",
  donation: "捐赠",
  reversal: "冲正",
  acknowledged: "已受理",
  resolved: "已解决",
  in_progress: "处理中",
  fixed: "已修复",
  duplicate: "已并入另一条",
  referred: "不归社区管",
  closed: "已结束",
};

function word(lang: Lang, stored: string): string {
  return lang === "en" ? stored.replace(/_/gu, " ") : (ZH_WORDS[stored] ?? stored);
}

function roleName(lang: Lang, role: string): string {
  const names: Record<string, [string, string]> = { grid_captain: ["网格长", "grid captain"], coordinator: ["协调员", "coordinator"], mediator: ["调解员", "mediator"] };
  const name = names[role];
  return name ? name[lang === "en" ? 1 : 0] : role;
}

const zh: PrivacyTexts = {
  anonymous: "已注销的邻居",
  report: (data, extras) => report("zh-CN", data, extras),
  nothingHeld: "我这里没有您的任何信息。",
  askForget: (balance) =>
    [
      "确定要删除您的数据吗？删除后：",
      "· 您的名字、住址、电话、应急联系卡、志愿者资料、职务和群成员记录都会删除；",
      "· 过去的记录改为“已注销的邻居”，统计数字不变；",
      "· 您发起的未完成求助会取消（会告诉帮忙的邻居），您接的求助会交回，未来的活动报名会取消；",
      balance > 0
        ? `· 时间银行余额 ${hours(balance)} 小时将捐入社区基金。`
        : balance < 0
          ? `· 时间银行里欠的 ${hours(-balance)} 小时留在匿名账户上，不再追讨。`
          : "· 时间银行余额为 0，账目照旧保留。",
      "删除后无法恢复。确认请选“确认删除”（30 分钟内有效）。",
    ].join("\n"),
  confirmForget: "确认删除",
  keepData: "取消",
  forgotten: "您的数据已删除。谢谢您为邻里做的一切！以后再来，我会当作新朋友认识您。",
  kept: "好的，什么都没有删除。",
  staleToken: "这个确认已过期或不是发给您的，什么都没有删除。如需删除请重新发送 /删除我的数据。",
  forgetHowTo: "删除您的数据请发送 /删除我的数据，我会先请您确认。",
  requesterLeft: (id) => `求助 #${id} 的发起人已注销，求助已取消，谢谢您！`,
  helperLeft: (id) => `帮您处理求助 #${id} 的邻居已退出，我正在另找邻居。`,
};

const en: PrivacyTexts = {
  anonymous: "a former neighbour",
  report: (data, extras) => report("en", data, extras),
  nothingHeld: "I hold nothing about you.",
  askForget: (balance) =>
    [
      "Do you want your data erased? Then:",
      "· your name, address, phone, emergency card, volunteer profile, roles and chat memberships are deleted;",
      '· past records show "a former neighbour" instead, and the figures stay the same;',
      "· your open requests are cancelled (helpers are told), requests you took are handed back, future sign-ups are cancelled;",
      balance > 0
        ? `· your time-bank balance of ${hours(balance)} hours is donated to the community fund.`
        : balance < 0
          ? `· the ${hours(-balance)} hours you owe stay on the anonymous account and are not chased.`
          : "· your time-bank balance is 0; the ledger is kept as it is.",
      'This cannot be undone. Choose "Erase my data" to confirm (open for 30 minutes).',
    ].join("\n"),
  confirmForget: "Erase my data",
  keepData: "Cancel",
  forgotten: "Your data has been erased. Thank you for all you did for your neighbours! If you come back, I'll meet you as someone new.",
  kept: "OK, nothing was erased.",
  staleToken: "That confirmation has expired or is not yours; nothing was erased. To erase your data, send /forgetme again.",
  forgetHowTo: "To erase your data send /forgetme; I'll ask you to confirm first.",
  requesterLeft: (id) => `The person who asked for request #${id} has left; it is cancelled. Thank you!`,
  helperLeft: (id) => `The neighbour helping with request #${id} has left; I'm finding someone else.`,
};

/** The texts in a language. */
export function privacyTexts(lang: Lang): PrivacyTexts {
  return lang === "en" ? en : zh;
}
