/**
 * Reply texts of reports, in zh-CN and en. Group texts give a report's number, kind, place and state only: never the
 * reporter, never the description (it may name a flat), never a phone.
 */
import type { Lang } from "../../kernel/lang.ts";
import type { ReportKind, ReportState } from "./domain/states.ts";

/** A report as texts name it: "#7 楼道灯 · 3栋4楼". */
export interface ReportLabel {
  id: number;
  kind: ReportKind;
  place: string | null;
}

/** One line of the board. */
export interface BoardRow extends ReportLabel {
  state: ReportState;
  days: number;
  reporters: number;
}

type ReportTexts = {
  kind: Record<ReportKind, string>;
  state: Record<ReportState, string>;
  label: (report: ReportLabel) => string;
  recorded: (id: number, passedTo: "captain" | "coordinator" | "nobody") => string;
  joined: (id: number) => string;
  toLeader: (report: ReportLabel, reporter: string, description: string) => string;
  toLeaderAgain: (report: ReportLabel, reporter: string, description: string, count: number) => string;
  photoAdded: (report: ReportLabel, reporter: string) => string;
  changed: (report: ReportLabel, state: ReportState, note: string | null) => string;
  fixedQuestion: (report: ReportLabel, note: string | null) => string;
  fixedYes: string;
  fixedNo: string;
  changedAck: (id: number, state: ReportState, told: number) => string;
  merged: (id: number, of: number) => string;
  mergedAck: (id: number, of: number, told: number) => string;
  sameState: (id: number, state: ReportState) => string;
  cannotChange: (id: number, state: ReportState) => string;
  notFound: (id: number) => string;
  isDuplicate: (id: number, of: number) => string;
  badDuplicate: (id: number) => string;
  needReason: (id: number) => string;
  notYourGrid: (id: number) => string;
  thanksFixed: (id: number) => string;
  reopened: (id: number) => string;
  reopenedForLeader: (report: ReportLabel, reporter: string) => string;
  reopenNote: string;
  notAReporter: (id: number) => string;
  notFixedNow: (id: number, state: ReportState) => string;
  board: (title: string, rows: BoardRow[]) => string;
  boardEmpty: (title: string) => string;
  boardNoBuilding: string;
  boardNoHome: string;
  grid: string;
  community: string;
  detail: (row: BoardRow, note: string | null) => string;
  remindLeader: (report: ReportLabel, days: number, reporters: number) => string;
  remindReporter: (report: ReportLabel) => string;
  escalate: (report: ReportLabel, days: number, reporters: number) => string;
  reportUsage: string;
  changeUsage: string;
  acknowledge: string;
  inProgress: string;
  markFixed: string;
};

const zhKinds: Record<ReportKind, string> = {
  light: "照明",
  lift: "电梯",
  water: "漏水积水",
  fire: "消防安全",
  rubbish: "垃圾卫生",
  parking: "停车",
  greenery: "绿化",
  other: "其他问题",
};

const zhStates: Record<ReportState, string> = {
  open: "待处理",
  acknowledged: "已受理",
  in_progress: "处理中",
  fixed: "已修复",
  closed: "未能修复",
  duplicate: "重复",
  referred: "不归社区管",
};

const zh: ReportTexts = {
  kind: zhKinds,
  state: zhStates,
  label: (report) => `#${report.id} ${zhKinds[report.kind]}${report.place ? ` · ${report.place}` : ""}`,
  recorded: (id, passedTo) =>
    passedTo === "captain" ? `已记录问题 #${id}，已转给网格长。有进展会私信告诉您。`
    : passedTo === "coordinator" ? `已记录问题 #${id}，已转给社区协调员。有进展会私信告诉您。`
    : `已记录问题 #${id}。现在还没有网格长或协调员可以转告，有人负责后会处理。`,
  joined: (id) => `已有人报过 #${id}，已为您加一票。有进展会私信告诉您。`,
  toLeader: (report, reporter, description) => `新问题 ${zh.label(report)}\n${reporter}报告：“${description}”`,
  toLeaderAgain: (report, reporter, description, count) => `问题 ${zh.label(report)} 又有人报了（共 ${count} 人）。\n${reporter}说：“${description}”`,
  photoAdded: (report, reporter) => `问题 ${zh.label(report)}：${reporter}补充了照片。`,
  changed: (report, state, note) => `您报的问题 ${zh.label(report)}：${zhStates[state]}。${note ? `说明：${note}` : ""}`.trim(),
  fixedQuestion: (report, note) => `您报的问题 ${zh.label(report)} 已修复${note ? `（${note}）` : ""}。修好了吗？`,
  fixedYes: "修好了",
  fixedNo: "还没有",
  changedAck: (id, state, told) => `问题 #${id} 已改为「${zhStates[state]}」，已私信告诉 ${told} 位报告人。`,
  merged: (id, of) => `您报的问题 #${id} 和 #${of} 是同一个问题，已经合并，有进展会私信告诉您。`,
  mergedAck: (id, of, told) => `问题 #${id} 已并入 #${of}，已私信告诉 ${told} 位报告人。`,
  sameState: (id, state) => `问题 #${id} 已经是「${zhStates[state]}」了。`,
  cannotChange: (id, state) => `问题 #${id} 现在是「${zhStates[state]}」，不能这样改。`,
  notFound: (id) => `没有找到问题 #${id}。`,
  isDuplicate: (id, of) => `问题 #${id} 已并入 #${of}，请改 #${of}。`,
  badDuplicate: (id) => `请写一个还在处理的其他问题编号，比如 /工单 ${id} 重复 3。`,
  needReason: (id) => `请写上原因，比如：/工单 ${id} 未能修复 需要业委会表决。`,
  notYourGrid: (id) => `问题 #${id} 不在您的网格，请由那里的网格长或协调员处理。`,
  thanksFixed: (id) => `太好了，谢谢您告诉我们！问题 #${id} 已确认修好。`,
  reopened: (id) => `好的，问题 #${id} 已重新打开，已告诉负责的人。`,
  reopenedForLeader: (report, reporter) => `问题 ${zh.label(report)}：${reporter}说还没有修好，已重新打开。`,
  reopenNote: "报告人说还没有修好",
  notAReporter: (id) => `只有报告了问题 #${id} 的邻居能回答这个。`,
  notFixedNow: (id, state) => `谢谢！问题 #${id} 现在是「${zhStates[state]}」。`,
  board: (title, rows) =>
    [`${title}的待处理问题：`, ...rows.map((row) => `${zh.label(row)} · ${zhStates[row.state]} · ${age(row.days, "zh-CN")}${row.reporters > 1 ? ` · ${row.reporters}人报告` : ""}`)].join("\n"),
  boardEmpty: (title) => `${title}现在没有待处理的问题。`,
  boardNoBuilding: "这个群没有对应的楼栋。网格长和协调员可以私信我 /工单 查看。",
  boardNoHome: "登记住址后（比如 /登记 3-806）就能看到您楼栋的待处理问题。",
  grid: "您的网格",
  community: "社区",
  detail: (row, note) =>
    [`问题 ${zh.label(row)}`, `状态：${zhStates[row.state]}${note ? `（${note}）` : ""}`, `报告：${age(row.days, "zh-CN")}，${row.reporters} 人报告`].join("\n"),
  remindLeader: (report, days, reporters) => `提醒：问题 ${zh.label(report)} 已经 ${days} 天还没解决（${reporters} 人报告）。处理后请回复 /工单 ${report.id} 处理中 或 /工单 ${report.id} 已修复。`,
  remindReporter: (report) => `您报的问题 ${zh.label(report)} 还在处理中，没有被忘记，已再次提醒网格长。`,
  escalate: (report, days, reporters) => `问题 ${zh.label(report)} 已经 ${days} 天没有解决（${reporters} 人报告），请协调员跟进。`,
  reportUsage: "请说说是什么问题、在哪里，比如：/报告 3栋4楼楼道灯坏了",
  changeUsage: "改状态：/工单 7 已受理 | 处理中 | 已修复 | 未能修复 原因 | 重复 3 | 不归我们管 请联系供电局 | 重新打开",
  acknowledge: "已受理",
  inProgress: "处理中",
  markFixed: "已修复",
};

const enStates: Record<ReportState, string> = {
  open: "open",
  acknowledged: "acknowledged",
  in_progress: "in progress",
  fixed: "fixed",
  closed: "closed without a fix",
  duplicate: "duplicate",
  referred: "not the community's responsibility",
};

const enKinds: Record<ReportKind, string> = {
  light: "lighting",
  lift: "lift",
  water: "water",
  fire: "fire safety",
  rubbish: "rubbish",
  parking: "parking",
  greenery: "greenery",
  other: "other",
};

const en: ReportTexts = {
  kind: enKinds,
  state: enStates,
  label: (report) => `#${report.id} ${enKinds[report.kind]}${report.place ? ` · ${report.place}` : ""}`,
  recorded: (id, passedTo) =>
    passedTo === "captain" ? `Recorded as report #${id} and passed to the grid captain. I'll message you privately as it moves.`
    : passedTo === "coordinator" ? `Recorded as report #${id} and passed to a coordinator. I'll message you privately as it moves.`
    : `Recorded as report #${id}. There is no grid captain or coordinator to pass it to yet.`,
  joined: (id) => `Someone already reported this as #${id}; your report is added to it. I'll message you privately as it moves.`,
  toLeader: (report, reporter, description) => `New report ${en.label(report)}\n${reporter} wrote: "${description}"`,
  toLeaderAgain: (report, reporter, description, count) => `Report ${en.label(report)} was reported again (${count} people now).\n${reporter} wrote: "${description}"`,
  photoAdded: (report, reporter) => `Report ${en.label(report)}: ${reporter} added a photo.`,
  changed: (report, state, note) => `Your report ${en.label(report)}: ${enStates[state]}.${note ? ` Note: ${note}` : ""}`,
  fixedQuestion: (report, note) => `Your report ${en.label(report)} is marked fixed${note ? ` (${note})` : ""}. Is it really fixed?`,
  fixedYes: "Yes, fixed",
  fixedNo: "Not yet",
  changedAck: (id, state, told) => `Report #${id} is now "${enStates[state]}"; ${told} reporter${told === 1 ? "" : "s"} told privately.`,
  merged: (id, of) => `Your report #${id} is the same problem as #${of}; they are merged, and I'll message you as it moves.`,
  mergedAck: (id, of, told) => `Report #${id} is merged into #${of}; ${told} reporter${told === 1 ? "" : "s"} told privately.`,
  sameState: (id, state) => `Report #${id} is already "${enStates[state]}".`,
  cannotChange: (id, state) => `Report #${id} is "${enStates[state]}" and can't be changed that way.`,
  notFound: (id) => `I can't find report #${id}.`,
  isDuplicate: (id, of) => `Report #${id} is merged into #${of}; please change #${of}.`,
  badDuplicate: (id) => `Please give the number of another report still open, e.g. /report ${id} duplicate 3.`,
  needReason: (id) => `Please add the reason, e.g. /report ${id} closed needs the owners' committee to decide.`,
  notYourGrid: (id) => `Report #${id} is not in your grid; its grid captain or a coordinator can change it.`,
  thanksFixed: (id) => `Great, thank you for letting us know! Report #${id} is confirmed fixed.`,
  reopened: (id) => `Thank you. Report #${id} is open again, and the people looking after it are told.`,
  reopenedForLeader: (report, reporter) => `Report ${en.label(report)}: ${reporter} says it is not fixed yet; it is open again.`,
  reopenNote: "the reporter says it is not fixed yet",
  notAReporter: (id) => `Only the neighbours who reported #${id} can answer this.`,
  notFixedNow: (id, state) => `Thank you! Report #${id} is now "${enStates[state]}".`,
  board: (title, rows) =>
    [`Open reports of ${title}:`, ...rows.map((row) => `${en.label(row)} · ${enStates[row.state]} · ${age(row.days, "en")}${row.reporters > 1 ? ` · ${row.reporters} reporters` : ""}`)].join("\n"),
  boardEmpty: (title) => `No open reports for ${title}.`,
  boardNoBuilding: "This group has no building. Grid captains and coordinators can message me /reports privately.",
  boardNoHome: "Register where you live (e.g. /register 3-806) to see your building's open reports.",
  grid: "your grid",
  community: "the community",
  detail: (row, note) =>
    [`Report ${en.label(row)}`, `State: ${enStates[row.state]}${note ? ` (${note})` : ""}`, `Reported ${age(row.days, "en")}, by ${row.reporters} ${row.reporters === 1 ? "person" : "people"}`].join("\n"),
  remindLeader: (report, days, reporters) => `Reminder: report ${en.label(report)} has waited ${days} days (${reporters} reporter${reporters === 1 ? "" : "s"}). When it moves, reply /report ${report.id} in_progress or /report ${report.id} fixed.`,
  remindReporter: (report) => `Your report ${en.label(report)} is still being looked after, not forgotten; the grid captain has been reminded.`,
  escalate: (report, days, reporters) => `Report ${en.label(report)} has waited ${days} days (${reporters} reporter${reporters === 1 ? "" : "s"}); please follow it up.`,
  reportUsage: "Please say what the problem is and where, e.g. /report the stairwell light on floor 4 of building 3 is out",
  changeUsage: "To change a report: /report 7 acknowledged | in_progress | fixed | closed <reason> | duplicate 3 | referred <whom to call> | reopen",
  acknowledge: "Acknowledged",
  inProgress: "In progress",
  markFixed: "Fixed",
};

/** "3天前" / "today", how long a report has waited. */
function age(days: number, lang: Lang): string {
  if (lang === "en") return days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
  return days === 0 ? "今天" : `${days}天前`;
}

/** The report texts in a language. */
export function reportTexts(lang: Lang): ReportTexts {
  return lang === "en" ? en : zh;
}
