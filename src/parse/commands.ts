/** Slash and hash commands, zh and en aliases, with or without the bot's @name. */
import type { CommandName, Intent } from "./intent.ts";
import { escapeRegExp } from "./normalize.ts";

/** Every command with its aliases; the first alias is the English name shown in help (Telegram-safe). */
export const COMMANDS: ReadonlyArray<{ name: CommandName; aliases: readonly string[] }> = [
  { name: "help", aliases: ["help", "start", "帮助", "help me", "菜单", "说明"] },
  { name: "register", aliases: ["register", "注册", "登记", "住址"] },
  { name: "bind", aliases: ["bind", "绑定", "本群楼栋"] },
  { name: "interest", aliases: ["interest", "兴趣群"] },
  { name: "grid", aliases: ["grid", "网格"] },
  { name: "captain", aliases: ["captain", "网格长"] },
  { name: "volunteer", aliases: ["volunteer", "志愿者", "当志愿者"] },
  { name: "quiet", aliases: ["quiet", "免打扰"] },
  { name: "limit", aliases: ["limit", "每天最多"] },
  { name: "phone", aliases: ["phone", "电话"] },
  { name: "card", aliases: ["card", "联系卡", "应急卡"] },
  { name: "available", aliases: ["available", "有空", "空闲时间"] },
  { name: "accept", aliases: ["accept", "接单", "我来"] },
  { name: "decline", aliases: ["decline", "不方便", "婉拒"] },
  { name: "done", aliases: ["done", "完成", "已完成", "好了"] },
  { name: "cancel", aliases: ["cancel", "取消求助", "撤回"] },
  { name: "requests", aliases: ["requests", "我的求助", "求助列表"] },
  { name: "ack", aliases: ["ack", "收到", "我去"] },
  { name: "keep", aliases: ["keep", "继续", "不取消"] },
  { name: "event", aliases: ["event", "活动", "发起活动"] },
  { name: "join", aliases: ["join", "报名"] },
  { name: "leave", aliases: ["leave", "取消报名", "退出"] },
  { name: "events", aliases: ["events", "活动列表", "近期活动"] },
  { name: "roster", aliases: ["roster", "名单", "报名名单"] },
  { name: "attended", aliases: ["attended", "签到", "到场"] },
  { name: "ical", aliases: ["ical", "calendar", "日历"] },
  { name: "cancelevent", aliases: ["cancelevent", "取消活动"] },
  { name: "welcome", aliases: ["welcome"] },
  { name: "confirm", aliases: ["confirm", "确认"] },
  { name: "dispute", aliases: ["dispute", "有出入", "异议"] },
  { name: "balance", aliases: ["balance", "余额", "时间币"] },
  { name: "statement", aliases: ["statement", "明细", "账单"] },
  { name: "give", aliases: ["give", "转赠", "转给"] },
  { name: "donate", aliases: ["donate", "捐赠", "捐给基金"] },
  { name: "reverse", aliases: ["reverse", "冲正"] },
  { name: "policy", aliases: ["policy", "规则", "时间银行规则"] },
  { name: "anonymous", aliases: ["anonymous", "不留名", "匿名"] },
  { name: "named", aliases: ["named", "留名"] },
  { name: "thank", aliases: ["thank", "感谢"] },
  { name: "digest", aliases: ["digest", "简报", "周报"] },
  { name: "meant", aliases: ["meant"] },
];

const BY_ALIAS = new Map<string, CommandName>();
for (const command of COMMANDS) for (const alias of command.aliases) BY_ALIAS.set(alias.toLowerCase(), command.name);

/**
 * Parse "/help", "/帮助", "#登记 3-502", "/help@linli_bot", "@邻里小助手 /help".
 * Returns undefined when the text is not a command. A hash word that is no command ("#接龙", a hashtag) is not one.
 */
export function parseCommand(text: string, botNames: string[]): Intent | undefined {
  const match = /^([/#])\s*([\p{L}\p{N}_]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!match) return undefined;
  const [, sigil, word, target, rest] = match;
  if (target && !botNames.some((name) => new RegExp(`^${escapeRegExp(name)}$`, "iu").test(target))) {
    return { kind: "none" }; // a command addressed to another bot
  }
  const name = BY_ALIAS.get(word!.toLowerCase());
  if (name) return { kind: "command", name, args: (rest ?? "").trim() };
  if (sigil === "#") return undefined;
  return { kind: "unknown_command", command: word! };
}
