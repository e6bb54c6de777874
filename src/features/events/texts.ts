/** Reply texts of events and sign-ups, in zh-CN and en. Group texts name people at most, never contact details. */
import type { Lang } from "../../kernel/lang.ts";
import type { Named, PendingSummary } from "./domain/sign-up-summary.ts";
import { nameOf } from "./domain/sign-up-summary.ts";

type EventTexts = {
  created: (card: string) => string;
  card: (e: { id: number; title: string; when: string; place: string | null; capacity: number | null; deadline: string | null; kind: string; weekly: boolean; taken: number }) => string;
  join: string;
  leave: string;
  createHowTo: string;
  noTitle: string;
  past: string;
  deadlineAfterStart: string;
  deadlinePast: string;
  confirmed: (title: string, count: number, taken: number, capacity: number | null) => string;
  waitlisted: (title: string, position: number) => string;
  already: (title: string, count: number) => string;
  alreadyWaiting: (title: string, position: number) => string;
  closed: (title: string) => string;
  over: (title: string) => string;
  cancelled: (title: string) => string;
  notSignedUp: (title: string) => string;
  promoted: (title: string, when: string) => string;
  noEvent: string;
  whichEvent: string;
  notFound: (id: string) => string;
  remind: (title: string, when: string, place: string | null, minutesBefore: number) => string;
  eventCancelled: (title: string, when: string) => string;
  cancelledEvent: (title: string) => string;
  deadlinePassed: (title: string, confirmed: number, waitlisted: number, capacity: number | null) => string;
  listHeader: string;
  listLine: (e: { id: number; title: string; when: string; taken: number; capacity: number | null }) => string;
  noneUpcoming: string;
  roster: (title: string, names: string[], waiting: string[]) => string;
  attendanceHowTo: string;
  attended: (title: string, names: string[], credited: string | null) => string;
  unknownNames: (names: string[]) => string;
  listAdopted: (title: string, id: number) => string;
  summary: (title: string, changes: PendingSummary, taken: number, capacity: number | null) => string;
  party: (count: number) => string;
  calendar: (name: string, count: number) => string;
  yourTurn: (title: string, when: string, id: number) => string;
  inTheGroup: string;
  notStarted: (title: string) => string;
  nextWeek: (card: string, holders: string[]) => string;
};

const zh: EventTexts = {
  created: (card) => `已发布活动：\n${card}`,
  card: (e) =>
    [
      `#${e.id} ${e.title}${e.kind === "duty" ? "（志愿值班）" : ""}`,
      `时间：${e.when}${e.weekly ? "（每周）" : ""}`,
      ...(e.place ? [`地点：${e.place}`] : []),
      `名额：${e.capacity === null ? `不限（已报 ${e.taken} 人）` : `${e.taken}/${e.capacity}`}`,
      ...(e.deadline ? [`报名截止：${e.deadline}`] : []),
      "回复“报名”或 +1 即可报名。",
    ].join("\n"),
  join: "报名",
  leave: "取消报名",
  createHowTo: "请这样发布活动：/活动 周六 9:00-11:00 邻里花园除草 限20人 截止周五20:00",
  noTitle: "请写上活动名称，比如：/活动 周六 9:00-11:00 邻里花园除草 限20人",
  past: "这个时间已经过去了，请检查日期。",
  deadlineAfterStart: "报名截止时间应在活动开始之前。",
  deadlinePast: "报名截止时间已经过去了，请检查日期。",
  confirmed: (title, count, taken, capacity) => `报名成功：${title}${count > 1 ? `（${count}人）` : ""}。已报 ${taken}${capacity === null ? "" : `/${capacity}`} 人。`,
  waitlisted: (title, position) => `${title}名额已满，您在候补第 ${position} 位，有空位会通知您。`,
  already: (title, count) => `您已经报名${title}${count > 1 ? `（${count}人）` : ""}了，谢谢！`,
  alreadyWaiting: (title, position) => `您在${title}的候补第 ${position} 位，有空位会通知您。`,
  closed: (title) => `${title}报名已截止，谢谢关注！`,
  over: (title) => `${title}已经开始或结束了。`,
  cancelled: (title) => `已取消您的${title}报名。`,
  notSignedUp: (title) => `您还没有报名${title}。`,
  promoted: (title, when) => `好消息：有人退出，您已从候补转为正式报名：${title}，${when}。`,
  noEvent: "这个群现在没有可以报名的活动。",
  whichEvent: "您想报名哪个活动？",
  notFound: (id) => `没有找到活动 #${id}。`,
  remind: (title, when, place, minutes) =>
    `提醒：${minutes >= 20 * 60 && minutes <= 28 * 60 ? "明天" : minutes >= 1440 ? `${Math.round(minutes / 1440)}天后` : minutes >= 60 ? `${Math.round(minutes / 60)}小时后` : `${minutes}分钟后`}有${title}（${when}${place ? `，${place}` : ""}），别忘了哦！`,
  eventCancelled: (title, when) => `抱歉，${title}（${when}）取消了。`,
  cancelledEvent: (title) => `已取消活动：${title}，已私信告诉报名的人。`,
  deadlinePassed: (title, confirmed, waitlisted, capacity) =>
    `${title}报名已截止：正式 ${confirmed}${capacity === null ? "" : `/${capacity}`} 人${waitlisted ? `，候补 ${waitlisted} 人` : ""}。发 /名单 查看名单。`,
  listHeader: "近期活动：",
  listLine: (e) => `#${e.id} ${e.when} ${e.title}（${e.capacity === null ? `${e.taken}人` : `${e.taken}/${e.capacity}`}）`,
  noneUpcoming: "近期没有活动。",
  roster: (title, names, waiting) =>
    [`${title}名单（${names.length}）：${names.join("、") || "暂无"}`, ...(waiting.length ? [`候补：${waiting.join("、")}`] : [])].join("\n"),
  attendanceHowTo: "请这样记签到：/签到 12 张阿姨 王师傅（活动编号，再写到场的人）。",
  attended: (title, names, credited) => `已记下${title}到场：${names.join("、")}。${credited ? `每人记 ${credited}，待确认。` : ""}`,
  unknownNames: (names) => `这些人没有报名或没找到：${names.join("、")}。`,
  listAdopted: (title, id) => `已把接龙“${title}”登记为活动 #${id}。`,
  summary: (title, changes, taken, capacity) =>
    `${title}：${[
      ...(changes.added.length ? [`新报名 ${heads(changes.added)} 人（${names(changes.added, "、")}）`] : []),
      ...(changes.promoted.length ? [`候补转正 ${heads(changes.promoted)} 人（${names(changes.promoted, "、")}）`] : []),
      ...(changes.waiting.length ? [`候补 ${heads(changes.waiting)} 人（${names(changes.waiting, "、")}）`] : []),
      ...(changes.removed.length ? [`取消 ${heads(changes.removed)} 人（${names(changes.removed, "、")}）`] : []),
      ...(changes.unknown.length ? [`没认出 ${changes.unknown.join("、")}（请本人回复“报名”）`] : []),
    ].join("，")}；共 ${taken}${capacity === null ? "" : `/${capacity}`} 人。`,
  party: (count) => `${count}人`,
  calendar: (name, count) => `${name}的日历（${count} 个活动），可导入手机日历。`,
  inTheGroup: "请在活动所在的群里报名（说“报名”或回复活动卡片上的数字）。",
  notStarted: (title) => `${title}还没开始或已取消，开始后再记签到。`,
  yourTurn: (title, when, id) => `本周轮到您：${title}，${when}。不方便请回复 /取消报名 ${id}，我会请下一位。`,
  nextWeek: (card, holders) => `下一期：\n${card}${holders.length ? `\n本期值班：${holders.join("、")}` : ""}`,
};

const en: EventTexts = {
  created: (card) => `Event posted:\n${card}`,
  card: (e) =>
    [
      `#${e.id} ${e.title}${e.kind === "duty" ? " (volunteer duty)" : ""}`,
      `When: ${e.when}${e.weekly ? " (weekly)" : ""}`,
      ...(e.place ? [`Where: ${e.place}`] : []),
      `Places: ${e.capacity === null ? `no limit (${e.taken} signed up)` : `${e.taken}/${e.capacity}`}`,
      ...(e.deadline ? [`Sign up by: ${e.deadline}`] : []),
      'Reply "sign me up" or +1 to join.',
    ].join("\n"),
  join: "Sign me up",
  leave: "Cancel",
  createHowTo: "Post an event like this: /event Sat 9am-11am Garden cleanup, 20 places, deadline Fri 8pm",
  noTitle: "Please add the event's name, e.g. /event Sat 9am-11am Garden cleanup, 20 places",
  past: "That time has passed; please check the date.",
  deadlineAfterStart: "The sign-up deadline must be before the event starts.",
  deadlinePast: "That sign-up deadline has already passed; please check the date.",
  confirmed: (title, count, taken, capacity) => `You're in: ${title}${count > 1 ? ` (${count} people)` : ""}. ${taken}${capacity === null ? "" : `/${capacity}`} signed up.`,
  waitlisted: (title, position) => `${title} is full; you're number ${position} on the waitlist. I'll let you know if a place frees up.`,
  already: (title, count) => `You're already signed up for ${title}${count > 1 ? ` (${count} people)` : ""}. Thank you!`,
  alreadyWaiting: (title, position) => `You're number ${position} on the waitlist for ${title}; I'll let you know if a place frees up.`,
  closed: (title) => `Sign-ups for ${title} have closed. Thanks for your interest!`,
  over: (title) => `${title} has already started or finished.`,
  cancelled: (title) => `Your sign-up for ${title} is cancelled.`,
  notSignedUp: (title) => `You're not signed up for ${title}.`,
  promoted: (title, when) => `Good news: a place freed up and you're now confirmed for ${title}, ${when}.`,
  noEvent: "There's no event to sign up for in this group right now.",
  whichEvent: "Which event would you like to sign up for?",
  notFound: (id) => `I can't find event #${id}.`,
  remind: (title, when, place, minutes) =>
    `Reminder: ${title} is ${minutes >= 20 * 60 && minutes <= 28 * 60 ? "tomorrow" : minutes >= 1440 ? `in ${Math.round(minutes / 1440)} days` : minutes >= 60 ? `in ${Math.round(minutes / 60)} hours` : `in ${minutes} minutes`} (${when}${place ? `, ${place}` : ""}). See you there!`,
  eventCancelled: (title, when) => `Sorry, ${title} (${when}) is cancelled.`,
  cancelledEvent: (title) => `${title} is cancelled; everyone signed up has been told privately.`,
  deadlinePassed: (title, confirmed, waitlisted, capacity) =>
    `Sign-ups for ${title} have closed: ${confirmed}${capacity === null ? "" : `/${capacity}`} confirmed${waitlisted ? `, ${waitlisted} waitlisted` : ""}. /roster shows the names.`,
  listHeader: "Coming up:",
  listLine: (e) => `#${e.id} ${e.when} ${e.title} (${e.capacity === null ? `${e.taken}` : `${e.taken}/${e.capacity}`})`,
  noneUpcoming: "No events coming up.",
  roster: (title, names, waiting) =>
    [`${title} (${names.length}): ${names.join(", ") || "nobody yet"}`, ...(waiting.length ? [`Waitlist: ${waiting.join(", ")}`] : [])].join("\n"),
  attendanceHowTo: "Record attendance like this: /attended 12 Ann Bob (the event number, then who came).",
  attended: (title, names, credited) => `Recorded at ${title}: ${names.join(", ")}.${credited ? ` ${credited} each, waiting for confirmation.` : ""}`,
  unknownNames: (names) => `Not signed up or not found: ${names.join(", ")}.`,
  listAdopted: (title, id) => `The list "${title}" is now event #${id}.`,
  summary: (title, changes, taken, capacity) =>
    `${title}: ${[
      ...(changes.added.length ? [`${heads(changes.added)} new (${names(changes.added, ", ")})`] : []),
      ...(changes.promoted.length ? [`${heads(changes.promoted)} moved up from the waitlist (${names(changes.promoted, ", ")})`] : []),
      ...(changes.waiting.length ? [`${heads(changes.waiting)} on the waitlist (${names(changes.waiting, ", ")})`] : []),
      ...(changes.removed.length ? [`${heads(changes.removed)} cancelled (${names(changes.removed, ", ")})`] : []),
      ...(changes.unknown.length ? [`not recognised: ${changes.unknown.join(", ")} (please reply "sign me up" yourselves)`] : []),
    ].join("; ")}. ${taken}${capacity === null ? "" : `/${capacity}`} signed up.`,
  party: (count) => `${count} people`,
  inTheGroup: 'Please sign up in the event\'s group (say "sign me up" or reply with the number on the event card).',
  notStarted: (title) => `${title} hasn't started yet or was cancelled; record attendance once it has started.`,
  yourTurn: (title, when, id) => `It's your turn this week: ${title}, ${when}. If you can't make it, reply /leave ${id} and I'll ask the next person.`,
  nextWeek: (card, holders) => `Next one:\n${card}${holders.length ? `\nOn duty: ${holders.join(", ")}` : ""}`,
  calendar: (name, count) => `${name}: a calendar of ${count} event${count === 1 ? "" : "s"} to import into your phone's calendar.`,
};

/** Heads in a list of sign-ups (a party of two counts two). */
function heads(people: Named[]): number {
  return people.reduce((sum, one) => sum + one.count, 0);
}

/** The names, as the roster writes them ("张阿姨+1" for a party of two). */
function names(people: Named[], separator: string): string {
  return people.map(nameOf).join(separator);
}

/** The event texts in a language. */
export function eventTexts(lang: Lang): EventTexts {
  return lang === "en" ? en : zh;
}

/** "11月28日(周六) 09:00-11:00" / "Sat 28 Nov 09:00-11:00" in the community's zone. */
export function formatWhen(startsAt: Date, endsAt: Date | null, timeZone: string, lang: Lang): string {
  const time = (date: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  const day =
    lang === "en"
      ? new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(startsAt)
      : zhDay(startsAt, timeZone);
  return `${day} ${time(startsAt)}${endsAt ? `-${time(endsAt)}` : ""}`;
}

/** "11月28日（周六）". */
function zhDay(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, month: "numeric", day: "numeric", weekday: "short" }).formatToParts(instant);
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? "";
  const weekday = "一二三四五六日"[["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(part("weekday"))];
  return `${Number(part("month"))}月${Number(part("day"))}日（周${weekday}）`;
}
