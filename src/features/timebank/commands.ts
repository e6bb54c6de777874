/** The time bank's commands: confirming or disputing credits, attendance, balances, statements, gifts and policy. */
import { command } from "../../app/shared/command.ts";
import { confirmCredit, disputeCredit } from "./settle-credit.ts";
import { recordAttendance } from "./attendance.ts";
import { anonymousCommand, balanceCommand, donateCoins, giveCoins, namedCommand, policyCommand, reverseTransfer, statementCommand } from "./accounts.ts";

export const timeBankCommands = [
  command({
    name: "attended",
    zh: "签到",
    aliases: ["到场"],
    handler: recordAttendance,
    help: { line: "events", order: 5, zh: { example: "12 张阿姨" }, en: { example: "12 Ann" } },
  }),
  command({
    name: "confirm",
    zh: "确认",
    handler: confirmCredit,
    help: {
      line: "timebank",
      order: 1,
      zh: { before: "说“今天帮李奶奶读报2小时”记时间币，对方 ", after: " 后入账" },
      en: { before: 'say "helped Mrs Li with shopping for 2 hours" to log time; it counts once the other side sends ' },
    },
    menu: { order: 14, zh: "等我确认的时间币", en: "Time credits waiting for you" },
  }),
  command({ name: "dispute", zh: "有出入", aliases: ["异议"], handler: disputeCredit }),
  command({
    name: "balance",
    zh: "余额",
    aliases: ["时间币", "我的时间币"],
    handler: balanceCommand,
    help: { line: "timebank", order: 2, zh: { joiner: "；" }, en: { joiner: "; " } },
    menu: { order: 12, zh: "我的时间币余额", en: "Your time-coin balance" },
  }),
  command({
    name: "statement",
    zh: "明细",
    aliases: ["账单"],
    handler: statementCommand,
    help: { line: "timebank", order: 3, zh: {}, en: {} },
    menu: { order: 13, zh: "时间币明细", en: "Your latest time-coin entries" },
  }),
  command({ name: "give", zh: "转赠", aliases: ["转给"], handler: giveCoins, help: { line: "timebank", order: 4, zh: { example: "@某人 5" }, en: { example: "@name 5" } } }),
  command({ name: "donate", zh: "捐赠", aliases: ["捐给基金"], handler: donateCoins, help: { line: "timebank", order: 5, zh: { example: "5" }, en: { example: "5" } } }),
  command({ name: "reverse", zh: "冲正", who: "coordinator", handler: reverseTransfer, help: { line: "admin", order: 6, zh: {}, en: {} } }),
  command({ name: "policy", zh: "规则", aliases: ["时间银行规则"], handler: policyCommand, help: { line: "admin", order: 5, zh: {}, en: {} } }),
  command({
    name: "anonymous",
    zh: "不留名",
    aliases: ["匿名"],
    handler: anonymousCommand,
    help: { line: "timebank", order: 6, zh: { joiner: "；", before: "每周汇总不写名字 " }, en: { joiner: "; ", after: " keeps your name out of the weekly summary" } },
  }),
  command({ name: "named", zh: "留名", handler: namedCommand }),
];
