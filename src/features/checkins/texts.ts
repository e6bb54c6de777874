/** What daily check-ins say, in Chinese and English. Everything here is sent privately. */
import type { Lang } from "../../kernel/lang.ts";

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

const zh = {
  usage:
    "每日报平安：/报平安 开启（每天私信问候您，回复 1 就算报平安）；/报平安 开启 联系人 张阿姨 王秀英；/报平安 时间 8:30；/报平安 暂停 7天；/报平安 恢复；/报平安 关闭。替人开通：/报平安 开启 李奶奶",
  enrolledSelf: (ask: number, due: number, contacts: string[]) =>
    `已开启每日报平安：每天 ${clock(ask)} 我会私信问候您，回复 1 就算报平安；当天在任何群里说句话也算。到 ${clock(due)} 还没消息，我会请${contacts.length ? ` ${contacts.join("、")}，再请` : ""}网格长去看看。`,
  enrolledOther: (name: string, ask: number, contacts: string[]) =>
    `已为 ${name} 开启每日报平安（每天 ${clock(ask)} 私信问候）。没报平安时依次请：${[...contacts, "网格长"].join("、")} 去看看。`,
  toldEnrolled: (by: string, ask: number) =>
    `${by} 为您开通了每日报平安：每天 ${clock(ask)} 我会私信问候您，回复 1 就算报平安。不需要的话回复 /报平安 关闭。`,
  contactsSet: (contacts: string[]) => `报平安联系人（按顺序）：${[...contacts, "网格长"].join("、")}。`,
  tooManyContacts: (max: number) => `联系人最多 ${max} 位（网格长总在最后），只记了前 ${max} 位。`,
  notFound: (name: string) => `没找到“${name}”，请写社区里登记的名字。`,
  notEnrolled: "您还没开启每日报平安。想开启请发 /报平安 开启。",
  otherNotEnrolled: (name: string) => `${name} 没有开启每日报平安。`,
  notAllowed: "只有本人、TA 的联系人或协调员可以这样做。",
  stopped: "已关闭每日报平安。想再开启请发 /报平安 开启。",
  stoppedOther: (name: string) => `已关闭 ${name} 的每日报平安。`,
  paused: (until: string) => `好的，${until} 之前不问候也不找人，${until} 起自动恢复。路上平安！`,
  pauseUsage: "请写暂停多久，例如：/报平安 暂停 7天，或 /报平安 暂停 到12-10",
  resumed: "已恢复每日报平安。",
  timeUsage: "请写几点问候，例如：/报平安 时间 8:30；替人改：/报平安 时间 李奶奶 8:30",
  timeSet: (name: string | null, ask: number, due: number) => `好的，${name ? `${name} 的` : ""}每日问候改到 ${clock(ask)}，${clock(due)} 前没消息才会请人去看看。`,
  timeToldBy: (by: string, ask: number) => `${by} 把您每天的报平安问候改到了 ${clock(ask)}。`,
  status: (ask: number, due: number, contacts: string[], pausedUntil: string | null) =>
    `每日报平安：每天 ${clock(ask)} 问候，${clock(due)} 前没消息就请 ${[...contacts, "网格长"].join("、")} 去看看。${pausedUntil ? `暂停到 ${pausedUntil}。` : ""}`,
  question: (name: string) => `${name}早上好，今天还好吗？回复 1 平安`,
  guardianQuestion: (name: string) => `今天看过${name}了吗？`,
  seenWellLabel: "看过了，挺好",
  fineLabel: "平安",
  subject: (name: string) => `${name}报平安`,
  thanks: "收到，祝您今天顺顺利利！",
  thanksFor: (name: string) => `谢谢您，已记下 ${name} 今天平安。`,
  lookIn: (name: string) => `${name}今天还没报平安，方便去看看或打个电话吗？`,
  goingLabel: "我去看",
  unreachableLabel: "联系不上",
  going: (name: string) => `谢谢您！看过 ${name} 后请告诉我：`,
  wellLabel: "她没事",
  needHelpLabel: "需要帮助",
  someoneGoing: (who: string, name: string) => `${who} 去看 ${name} 了，谢谢您。`,
  unreachableNoted: "知道了，我去问下一位。",
  allAsked: (name: string) => `${name} 的联系人都问过了，请协调员多留意。`,
  fineNow: (name: string, by: string | null) => (by ? `${name} 平安（${by} 看过了），不用再担心了，谢谢您。` : `${name} 刚报了平安，不用再担心了，谢谢您。`),
  needHelp: (name: string, by: string, where: string) => `${by} 看过 ${name}（${where}），说她需要帮助，请尽快私下联系安排。`,
  needHelpNoted: "已私下告诉网格长和协调员，他们会尽快跟进。谢谢您！",
  helpWhat: (name: string) => `${name}需要帮助（看望时发现）`,
  notYours: "这件事已经不需要您处理了，谢谢！",
  whichSeen: "谢谢您！您看过的是哪一位？",
  seenWorry: (name: string, by: string, where: string, note: string) => `${by} 看过 ${name}（${where}），说：“${note}”。请私下跟进。`,
  seenWorryNoted: (name: string) => `谢谢您！已记下看过 ${name}，您说的情况已私下告诉网格长和协调员，他们会跟进。`,
  noAddress: "地址未登记",
  forRelative: "想帮家人开通每日报平安，请发：/报平安 开启 家人的名字（您会是 TA 的第一位联系人），例如 /报平安 开启 李奶奶",
  howToEnrol: "想每天报平安，请发 /报平安 开启：每天早上我私信问候您，回复 1 就行。",
};

type CheckinTexts = typeof zh;

const en: CheckinTexts = {
  usage:
    "Daily check-in: /checkin on (I message you each morning; reply 1 to check in); /checkin on contacts Zhang Wang; /checkin time 8:30; /checkin pause 7 days; /checkin resume; /checkin off. For someone else: /checkin on <name>",
  enrolledSelf: (ask, due, contacts) =>
    `Daily check-in is on: every day at ${clock(ask)} I'll message you privately; reply 1 to check in, or just say anything in any chat that day. If I hear nothing by ${clock(due)}, I'll ask ${contacts.length ? `${contacts.join(", ")}, then ` : ""}your grid captain to look in.`,
  enrolledOther: (name, ask, contacts) =>
    `Daily check-in is on for ${name} (a private hello at ${clock(ask)} each day). If they don't check in, I'll ask in turn: ${[...contacts, "the grid captain"].join(", ")}.`,
  toldEnrolled: (by, ask) => `${by} set up a daily check-in for you: every day at ${clock(ask)} I'll message you; reply 1 if you're fine. Reply /checkin off if you don't want it.`,
  contactsSet: (contacts) => `Check-in contacts, in order: ${[...contacts, "the grid captain"].join(", ")}.`,
  tooManyContacts: (max) => `At most ${max} contacts (the grid captain always comes last); I kept the first ${max}.`,
  notFound: (name) => `I couldn't find "${name}"; please use the name they registered with.`,
  notEnrolled: "You don't have a daily check-in yet. Send /checkin on to start one.",
  otherNotEnrolled: (name) => `${name} has no daily check-in.`,
  notAllowed: "Only the person, their contacts or a coordinator can do that.",
  stopped: "Daily check-in is off. Send /checkin on to start it again.",
  stoppedOther: (name) => `Daily check-in is off for ${name}.`,
  paused: (until) => `All right: no check-ins and nobody asked until ${until}; it starts again by itself on ${until}. Safe travels!`,
  pauseUsage: "How long? For example: /checkin pause 7 days, or /checkin pause until 12-10",
  resumed: "Daily check-in is back on.",
  timeUsage: "Please give the time, e.g. /checkin time 8:30; for someone else: /checkin time <name> 8:30",
  timeSet: (name, ask, due) => `Done: ${name ? `${name}'s` : "your"} daily message now comes at ${clock(ask)}; contacts are asked to look in only if there's no word by ${clock(due)}.`,
  timeToldBy: (by, ask) => `${by} moved your daily check-in message to ${clock(ask)}.`,
  status: (ask, due, contacts, pausedUntil) =>
    `Daily check-in: a hello at ${clock(ask)}; with no word by ${clock(due)} I ask ${[...contacts, "the grid captain"].join(", ")} to look in.${pausedUntil ? ` Paused until ${pausedUntil}.` : ""}`,
  question: (name) => `Good morning ${name}, how are you today? Reply 1 if you're fine`,
  guardianQuestion: (name) => `Have you seen ${name} today?`,
  seenWellLabel: "Yes, they're fine",
  fineLabel: "I'm fine",
  subject: (name) => `${name}'s check-in`,
  thanks: "Thank you, have a good day!",
  thanksFor: (name) => `Thank you, I've noted ${name} is fine today.`,
  lookIn: (name) => `${name} hasn't checked in today. Could you look in or give them a call?`,
  goingLabel: "I'll go",
  unreachableLabel: "Can't reach them",
  going: (name) => `Thank you! Once you've seen ${name}, tell me:`,
  wellLabel: "They're fine",
  needHelpLabel: "They need help",
  someoneGoing: (who, name) => `${who} is going to see ${name}. Thank you.`,
  unreachableNoted: "Noted, I'll ask the next person.",
  allAsked: (name) => `Everyone on ${name}'s list has been asked; coordinators, please keep an eye out.`,
  fineNow: (name, by) => (by ? `${name} is fine (${by} has seen them); no need to worry. Thank you.` : `${name} has just checked in and is fine; no need to worry. Thank you.`),
  needHelp: (name, by, where) => `${by} looked in on ${name} (${where}) and says they need help. Please get in touch privately soon.`,
  needHelpNoted: "I've told the grid captain and the coordinators privately; they'll follow up soon. Thank you!",
  helpWhat: (name) => `${name} needs help (found on a visit)`,
  notYours: "This no longer needs you. Thank you!",
  whichSeen: "Thank you! Which of them have you seen?",
  seenWorry: (name, by, where, note) => `${by} has seen ${name} (${where}) and says: "${note}". Please follow up privately.`,
  seenWorryNoted: (name) => `Thank you! I've noted you have seen ${name}, and passed on what you said privately to the grid captain and coordinators.`,
  noAddress: "address not registered",
  forRelative: "To set up a daily check-in for a relative, send: /checkin on <their name> (you'll be their first contact), e.g. /checkin on 李奶奶",
  howToEnrol: "To check in every day, send /checkin on: I'll message you each morning; just reply 1.",
};

/** The check-in texts in a language. */
export function checkinTexts(lang: Lang): CheckinTexts {
  return lang === "en" ? en : zh;
}
