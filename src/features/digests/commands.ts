/** The digests' commands: this week's digest for grid captains and coordinators. */
import { command } from "../../app/shared/command.ts";
import { timeBankTexts } from "../timebank/texts.ts";
import { digestCommand } from "./send-digest.ts";

export const digestCommands = [
  command({
    name: "digest",
    zh: "简报",
    aliases: ["周报"],
    who: "leader",
    refusal: (lang) => timeBankTexts(lang).digestNone,
    handler: digestCommand,
    help: { line: "admin", order: 7, zh: { joiner: "；", before: "网格长和协调员：" }, en: { joiner: "; ", before: "captains and coordinators: " } },
    menu: { order: 15, zh: "本周简报（网格长、协调员）", en: "Weekly digest (captains, coordinators)" },
  }),
];
