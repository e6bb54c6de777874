/** The command menu Telegram shows (setMyCommands), in Chinese and English. Names: 1–32 of a-z, 0-9 and _. */

/** One menu entry. */
export interface BotCommand {
  command: string;
  description: string;
}

const MENU: Array<[string, string, string]> = [
  ["help", "看说明", "How to use the bot"],
  ["register", "登记住址（只有网格长和协调员能看到）", "Register where you live (private)"],
  ["volunteer", "当志愿者", "Volunteer, with what you can do and lend"],
  ["requests", "我的求助", "Your open requests"],
  ["events", "近期活动", "Upcoming events"],
  ["join", "报名活动", "Sign up for an event"],
  ["leave", "取消报名", "Cancel a sign-up"],
  ["done", "求助已完成", "Mark a request done"],
  ["quiet", "免打扰时段", "Quiet hours"],
  ["available", "有空的时间", "When you're free to help"],
  ["phone", "私聊登记紧急联系电话", "Your emergency phone (private chat)"],
  ["balance", "我的时间币余额", "Your time-coin balance"],
  ["statement", "时间币明细", "Your latest time-coin entries"],
  ["confirm", "等我确认的时间币", "Time credits waiting for you"],
  ["digest", "本周简报（网格长、协调员）", "Weekly digest (captains, coordinators)"],
];

/** The menu in a language. */
export function botCommands(lang: "zh" | "en"): BotCommand[] {
  return MENU.map(([command, zh, en]) => ({ command, description: lang === "en" ? en : zh }));
}
