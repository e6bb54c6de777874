/** What recognition says, in Chinese and English: the monthly stars, milestones and certificates. */
import type { Lang } from "../../kernel/lang.ts";

/** A star's line: name and what they gave (hours and thanks, never what the help was). */
export interface StarLine {
  name: string;
  hours: string;
  thanks: number;
}

const MEDALS = ["🥇", "🥈", "🥉"];

const zh = {
  starsTitle: (group: string, month: number) => `🌟 ${group} ${month}月邻里之星`,
  star: (index: number, star: StarLine) =>
    `${MEDALS[index] ?? "⭐"} ${star.name}：${[star.hours !== "0" ? `服务 ${star.hours} 小时` : "", star.thanks ? `收到 ${star.thanks} 次感谢` : ""].filter(Boolean).join("，")}`,
  unnamed: (count: number, none: boolean) => `${none ? "" : "还有 "}${count} 位不愿留名的邻里本月也出了力，一并感谢！`,
  starsOutro: "谢谢每一位搭把手的邻居，远亲不如近邻！",
  starsHow: "（按本月确认的服务时长和收到的感谢排名）",
  milestone: (hours: number) => `🎉 恭喜！您在时间银行确认的志愿服务累计满 ${hours} 小时了。谢谢您一直为邻里搭把手！发 /证书 可以领一张荣誉证书。`,
  milestoneAsk: "想让群里也为您点个赞吗？发 /荣誉 公开（随时可以 /荣誉 不公开）。",
  milestoneGroup: (name: string, hours: number) => `🎉 ${name} 的志愿服务累计满 ${hours} 小时啦，谢谢您为邻里的付出！`,
  honoursPublic: "好的，以后满 10、50、100 小时的时候，也会在您所在的群里为您点赞。",
  honoursPrivate: "好的，满 10、50、100 小时的时候只私信告诉您，不在群里说。",
  honoursStatus: (open: boolean, hours: string) => `您已确认的志愿服务共 ${hours} 小时。里程碑${open ? "会" : "不会"}在群里公布。改设置：/荣誉 公开 或 /荣誉 不公开。`,
  honoursUsage: "用法：/荣誉 公开（满 10、50、100 小时在群里点赞），/荣誉 不公开（只私信告诉您）。",
  certificateText: (hours: string) => `这是您的邻里互助荣誉证书（累计服务 ${hours} 小时），谢谢您！`,
  certificateUnavailable: "抱歉，这台服务器上暂时做不了证书图片（缺少中文字体）。您的服务时长都记着，可以发 /余额 查看。",
  noHoursYet: "您还没有确认过的服务时长。帮邻居搭把手、对方确认后，就可以领证书啦。",
};

type Texts = typeof zh;

const en: Texts = {
  starsTitle: (group, month) => `🌟 ${group}: neighbours of the month for ${MONTHS[month - 1]}`,
  star: (index, star) =>
    `${MEDALS[index] ?? "⭐"} ${star.name}: ${[star.hours !== "0" ? `${star.hours} hours of help` : "", star.thanks ? `thanked ${star.thanks} ${star.thanks === 1 ? "time" : "times"}` : ""].filter(Boolean).join(", ")}`,
  unnamed: (count, none) => `${none ? "" : "And "}${count} ${count === 1 ? "neighbour" : "neighbours"} who prefer not to be named helped too. Thank you!`,
  starsOutro: "Thank you to everyone who lent a hand!",
  starsHow: "(ranked by confirmed hours of help and thanks received this month)",
  milestone: (hours) => `🎉 Congratulations! Your confirmed help in the time bank has reached ${hours} hours. Thank you for all you do for your neighbours! Send /certificate for a certificate.`,
  milestoneAsk: "Would you like your group to cheer too? Send /honours public (and /honours private to stop).",
  milestoneGroup: (name, hours) => `🎉 ${name} has given ${hours} hours of help to neighbours. Thank you!`,
  honoursPublic: "Done: when you reach 10, 50 or 100 hours, your groups will hear of it too.",
  honoursPrivate: "Done: milestones (10, 50, 100 hours) are told only to you, privately.",
  honoursStatus: (open, hours) => `Your confirmed help: ${hours} hours. Milestones are ${open ? "" : "not "}announced in your groups. Change: /honours public or /honours private.`,
  honoursUsage: "Usage: /honours public (your groups cheer at 10, 50, 100 hours), /honours private (told only to you).",
  certificateText: (hours) => `Here is your certificate of neighbourly help (${hours} hours). Thank you!`,
  certificateUnavailable: "Sorry, certificates can't be made on this server (its Chinese font is missing). Your hours are all recorded: send /balance to see them.",
  noHoursYet: "You have no confirmed hours yet. Once you help a neighbour and they confirm it, you can get a certificate.",
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The texts in a language. */
export const recognitionTexts = (lang: Lang): Texts => (lang === "en" ? en : zh);
