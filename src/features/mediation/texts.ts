/**
 * Reply texts of mediation, in zh-CN and en. Group texts say only that the matter went on privately: never the kind,
 * the words, or who is involved. Private texts carry the content only to the resident, their mediator and coordinators.
 */
import type { Lang } from "../../kernel/lang.ts";
import type { CaseState, DisputeKind, Outcome } from "./domain/policy.ts";

/** A case as texts name it. */
export interface CaseLabel {
  id: number;
  kind: DisputeKind;
  description: string;
  openerName: string;
}

/** The contact details a mediator gets of the resident (those known). */
export interface Contact {
  phone: string | null;
  address: string | null;
}

type MediationTexts = {
  passedOnGroup: string;
  onlyPrivately: string;
  opened: (id: number, nobody: boolean) => string;
  offer: (c: CaseLabel, take: string) => string;
  unanswered: (c: CaseLabel, hours: number, take: string) => string;
  subject: (id: number) => string;
  takeLabel: string;
  takeCommand: (id: number) => string;
  takenByYou: (c: CaseLabel, contact: Contact) => string;
  takenOthers: (id: number) => string;
  takenResident: (id: number, mediator: string) => string;
  alreadyYours: (id: number) => string;
  notOffered: (id: number) => string;
  ownCase: (id: number) => string;
  notFound: (id: number) => string;
  notYours: (id: number) => string;
  notTaken: (id: number) => string;
  closedAlready: (id: number) => string;
  noted: (id: number) => string;
  inviteAsk: (kind: DisputeKind) => string;
  agreeLabel: string;
  declineLabel: string;
  answerCommand: (id: number, agree: boolean) => string;
  invited: (id: number, name: string) => string;
  nameUnknown: (name: string) => string;
  nameAmbiguous: (name: string) => string;
  inviteSelf: string;
  answered: (id: number, name: string, agreed: boolean) => string;
  answerThanks: (agreed: boolean) => string;
  notAsked: string;
  closed: (id: number, outcome: Outcome, referredTo: string | null) => string;
  closedResident: (id: number, outcome: Outcome, referredTo: string | null) => string;
  followUpAsk: (id: number) => string;
  betterLabel: string;
  sameLabel: string;
  followUpCommand: (id: number, better: boolean) => string;
  followUpThanks: (better: boolean) => string;
  followUpSame: (id: number) => string;
  followUpDone: string;
  usage: (id: number | null) => string;
  openHowTo: string;
  listHeader: string;
  listLine: (c: { id: number; kind: DisputeKind; state: CaseState; description: string; mine: boolean }) => string;
  kind: (kind: DisputeKind) => string;
};

const ZH_KINDS: Record<DisputeKind, string> = { noise: "噪音", leak: "漏水", pets: "宠物", parking: "停车", smell: "异味", shared: "公共区域", other: "邻里之间" };
const EN_KINDS: Record<DisputeKind, string> = { noise: "noise", leak: "a leak", pets: "pets", parking: "parking", smell: "a smell", shared: "shared space", other: "a matter between neighbours" };
const ZH_REFERRALS: Record<string, string> = { property: "物业", committee: "居委会", police: "派出所" };
const EN_REFERRALS: Record<string, string> = { property: "the property manager", committee: "the residents' committee", police: "the police" };
const ZH_STATES: Record<CaseState, string> = { open: "等待调解员", taken: "调解中", closed: "已结案" };
const EN_STATES: Record<CaseState, string> = { open: "waiting for a mediator", taken: "being mediated", closed: "closed" };

const zh: MediationTexts = {
  passedOnGroup: "已私下转给调解员，不在群里讨论。",
  onlyPrivately: "调解的事请私信我，不在群里说。",
  opened: (id, nobody) =>
    nobody
      ? `您说的事已记为调解 #${id}。暂时没有调解员可以转交，请联系社区居委会；这件事不会在群里讨论。`
      : `您说的事已记为调解 #${id}，已私下转给调解员。有人接手后我会告诉您谁会联系您；这件事不会在群里讨论。`,
  offer: (c, take) => `调解 #${c.id}（${ZH_KINDS[c.kind]}）：${c.openerName} 请人调解：“${c.description}”\n请私下处理，不要在群里讨论。接案请回复 ${take}`,
  unanswered: (c, hours, take) => `调解 #${c.id}（${ZH_KINDS[c.kind]}）已 ${hours} 小时没有调解员接手：${c.openerName}：“${c.description}”\n接案请回复 ${take}`,
  subject: (id) => `调解 #${id}`,
  takeLabel: "接案",
  takeCommand: (id) => `/接案 ${id}`,
  takenByYou: (c, contact) =>
    [
      `调解 #${c.id} 由您跟进。${c.openerName}${contact.phone ? `，电话 ${contact.phone}` : ""}${contact.address ? `，住 ${contact.address}` : ""}。`,
      `记录：/调解 ${c.id} 记录 …；邀请对方：/调解 ${c.id} 邀请 姓名；结案：/调解 ${c.id} 结案 已解决 | 转介 物业 | 撤回`,
    ].join("\n"),
  takenOthers: (id) => `调解 #${id} 已有人接手，谢谢您。`,
  takenResident: (id, mediator) => `调解 #${id}：${mediator} 会私下联系您。`,
  alreadyYours: (id) => `调解 #${id} 已经由您跟进。`,
  notOffered: (id) => `调解 #${id} 不是转给您的，谢谢。`,
  ownCase: (id) => `调解 #${id} 是您自己提出的，会由别的调解员跟进。`,
  notFound: (id) => `没有找到调解 #${id}。`,
  notYours: (id) => `只有调解 #${id} 的调解员或协调员可以这样做。`,
  notTaken: (id) => `调解 #${id} 还没有人接手，请先回复 /接案 ${id}。`,
  closedAlready: (id) => `调解 #${id} 已经结案了。`,
  noted: (id) => `已记在调解 #${id} 的记录里（只有调解员和协调员能看到）。`,
  inviteAsk: (kind) => `您好，有位邻居想和您一起把${ZH_KINDS[kind]}的事情说开，您愿意谈一谈吗？`,
  agreeLabel: "愿意",
  declineLabel: "不愿意",
  answerCommand: (id, agree) => `/调解 ${id} ${agree ? "愿意" : "不愿意"}`,
  invited: (id, name) => `已私下问 ${name} 是否愿意沟通（调解 #${id}），有回复我会告诉您。`,
  nameUnknown: (name) => `社区里没有找到“${name}”，请用对方在群里的名字。`,
  nameAmbiguous: (name) => `有几位都叫“${name}”，请写全名或 @ 对方。`,
  inviteSelf: "对方不能是提出调解的居民本人或您自己。",
  answered: (id, name, agreed) => `调解 #${id}：${name} ${agreed ? "愿意沟通。" : "暂时不愿意沟通。"}`,
  answerThanks: (agreed) => (agreed ? "谢谢您，调解员会私下联系您。" : "好的，谢谢您告诉我。"),
  notAsked: "没有需要您回答的邀请。",
  closed: (id, outcome, to) => `调解 #${id} 已结案：${zhOutcome(outcome, to)}。`,
  closedResident: (id, outcome, to) => `您的调解 #${id} 已结案：${zhOutcome(outcome, to)}。谢谢您的耐心。`,
  followUpAsk: (id) => `调解 #${id} 结案一周了，现在好些了吗？`,
  betterLabel: "好多了",
  sameLabel: "还是老样子",
  followUpCommand: (id, better) => `/调解 ${id} ${better ? "好多了" : "还是老样子"}`,
  followUpThanks: (better) => (better ? "太好了，谢谢您告诉我。" : "知道了，我会告诉调解员，再帮您想想办法。"),
  followUpSame: (id) => `调解 #${id}：居民说还是老样子，方便的话再联系一下。`,
  followUpDone: "谢谢，已经收到您的回答了。",
  usage: (id) =>
    id === null
      ? "调解的用法：/调解 想调解的事；调解员：/调解 编号 记录 … | 邀请 姓名 | 结案 已解决 / 转介 物业 / 撤回"
      : `调解 #${id} 可以：/调解 ${id} 记录 …；/调解 ${id} 邀请 姓名；/调解 ${id} 结案 已解决 | 转介 物业 | 撤回`,
  openHowTo: "想请人调解，私信我：/调解 想调解的事，例如 /调解 楼上半夜很吵。",
  listHeader: "您的调解：",
  listLine: (c) => `#${c.id} ${ZH_KINDS[c.kind]} — ${ZH_STATES[c.state]}${c.mine ? "（您是调解员）" : ""}：${c.description}`,
  kind: (kind) => ZH_KINDS[kind],
};

function zhOutcome(outcome: Outcome, to: string | null): string {
  if (outcome === "resolved") return "已解决";
  if (outcome === "withdrawn") return "已撤回";
  return `已转介给${ZH_REFERRALS[to ?? ""] ?? to ?? "相关部门"}`;
}

const en: MediationTexts = {
  passedOnGroup: "I've passed this on to a mediator privately; it won't be discussed in the group.",
  onlyPrivately: "Please message me privately about mediation; it isn't discussed in the group.",
  opened: (id, nobody) =>
    nobody
      ? `I've noted this as mediation #${id}. There is no mediator to pass it to yet; please contact the residents' committee. It won't be discussed in the group.`
      : `I've noted this as mediation #${id} and passed it on to a mediator privately. Once someone takes it I'll tell you who will contact you. It won't be discussed in the group.`,
  offer: (c, take) => `Mediation #${c.id} (${EN_KINDS[c.kind]}): ${c.openerName} asks for mediation: "${c.description}"\nPlease keep it private, not in the group. To take it, reply ${take}`,
  unanswered: (c, hours, take) => `Mediation #${c.id} (${EN_KINDS[c.kind]}) has had no mediator for ${hours} hours: ${c.openerName}: "${c.description}"\nTo take it, reply ${take}`,
  subject: (id) => `Mediation #${id}`,
  takeLabel: "Take the case",
  takeCommand: (id) => `/take_case ${id}`,
  takenByYou: (c, contact) =>
    [
      `Mediation #${c.id} is yours. ${c.openerName}${contact.phone ? `, phone ${contact.phone}` : ""}${contact.address ? `, lives at ${contact.address}` : ""}.`,
      `Log: /mediate ${c.id} note …; invite the other party: /mediate ${c.id} invite <name>; close: /mediate ${c.id} close resolved | referred property | withdrawn`,
    ].join("\n"),
  takenOthers: (id) => `Mediation #${id} has been taken by someone else. Thank you.`,
  takenResident: (id, mediator) => `Mediation #${id}: ${mediator} will contact you privately.`,
  alreadyYours: (id) => `Mediation #${id} is already yours.`,
  notOffered: (id) => `Mediation #${id} wasn't passed to you. Thank you.`,
  ownCase: (id) => `Mediation #${id} is your own; another mediator will take it.`,
  notFound: (id) => `There is no mediation #${id}.`,
  notYours: (id) => `Only the mediator of mediation #${id} or a coordinator can do that.`,
  notTaken: (id) => `Nobody has taken mediation #${id} yet; reply /take_case ${id} first.`,
  closedAlready: (id) => `Mediation #${id} is already closed.`,
  noted: (id) => `Added to the log of mediation #${id} (only mediators and coordinators see it).`,
  inviteAsk: (kind) => `Hello, a neighbour would like to sort out ${EN_KINDS[kind]} with you. Would you be willing to talk?`,
  agreeLabel: "Yes, I'll talk",
  declineLabel: "No, thanks",
  answerCommand: (id, agree) => `/mediate ${id} ${agree ? "agree" : "decline"}`,
  invited: (id, name) => `I've asked ${name} privately whether they're willing to talk (mediation #${id}); I'll tell you their answer.`,
  nameUnknown: (name) => `I can't find "${name}" in the community; please use the name they have in the group.`,
  nameAmbiguous: (name) => `Several people are called "${name}"; please give the full name or @mention them.`,
  inviteSelf: "The other party can't be the resident who asked for mediation, or you.",
  answered: (id, name, agreed) => `Mediation #${id}: ${name} ${agreed ? "is willing to talk." : "would rather not talk for now."}`,
  answerThanks: (agreed) => (agreed ? "Thank you; the mediator will contact you privately." : "All right, thank you for letting me know."),
  notAsked: "There is no invitation for you to answer.",
  closed: (id, outcome, to) => `Mediation #${id} is closed: ${enOutcome(outcome, to)}.`,
  closedResident: (id, outcome, to) => `Your mediation #${id} is closed: ${enOutcome(outcome, to)}. Thank you for your patience.`,
  followUpAsk: (id) => `It's a week since mediation #${id} was closed. Is it better now?`,
  betterLabel: "Much better",
  sameLabel: "Still the same",
  followUpCommand: (id, better) => `/mediate ${id} ${better ? "better" : "same"}`,
  followUpThanks: (better) => (better ? "Good to hear, thank you for telling me." : "Thank you; I'll tell the mediator so they can think of something else."),
  followUpSame: (id) => `Mediation #${id}: the resident says it's still the same; please get in touch again if you can.`,
  followUpDone: "Thank you, I have your answer already.",
  usage: (id) =>
    id === null
      ? "Mediation: /mediate what it is about; mediators: /mediate <number> note … | invite <name> | close resolved / referred property / withdrawn"
      : `For mediation #${id}: /mediate ${id} note …; /mediate ${id} invite <name>; /mediate ${id} close resolved | referred property | withdrawn`,
  openHowTo: "To ask for mediation, message me privately: /mediate what it is about, e.g. /mediate loud music upstairs every night.",
  listHeader: "Your mediation cases:",
  listLine: (c) => `#${c.id} ${EN_KINDS[c.kind]} — ${EN_STATES[c.state]}${c.mine ? " (you mediate)" : ""}: ${c.description}`,
  kind: (kind) => EN_KINDS[kind],
};

function enOutcome(outcome: Outcome, to: string | null): string {
  if (outcome === "resolved") return "resolved";
  if (outcome === "withdrawn") return "withdrawn";
  return `referred to ${EN_REFERRALS[to ?? ""] ?? to ?? "the right people"}`;
}

/** The mediation texts in a language. */
export function mediationTexts(lang: Lang): MediationTexts {
  return lang === "en" ? en : zh;
}
