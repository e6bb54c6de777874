/** Recognition's commands: a certificate card, and whether milestones are announced in one's groups. */
import { command } from "../../app/shared/command.ts";
import { certificateCommand, honoursCommand } from "./certificate.ts";

export const recognitionCommands = [
  command({
    name: "certificate",
    zh: "证书",
    aliases: ["荣誉证书"],
    handler: certificateCommand,
    help: { line: "timebank", order: 7, zh: { joiner: "；", after: " 领荣誉证书" }, en: { joiner: "; ", after: " for your certificate" } },
    menu: { order: 21, zh: "我的荣誉证书", en: "Your certificate of help" },
  }),
  command({
    name: "honours",
    zh: "荣誉",
    aliases: ["honors"],
    handler: honoursCommand,
    help: { line: "timebank", order: 8, zh: { example: "公开", after: " 满10/50/100小时在群里点赞" }, en: { example: "public", after: " lets your groups cheer at 10/50/100 hours" } },
  }),
];
