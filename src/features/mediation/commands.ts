/** The commands of mediation: asking for it and working a case (`/调解`, `/mediate`), and taking a case (`/接案`, `/take_case`). */
import { command } from "../../app/shared/command.ts";
import { mediationTexts } from "./texts.ts";
import { mediateCommand } from "./case-actions.ts";
import { takeCase } from "./take-case.ts";

export const mediationCommands = [
  command({
    name: "mediate",
    zh: "调解",
    aliases: ["请人调解"],
    handler: mediateCommand,
    help: { line: "requests", order: 6, zh: { joiner: "；", before: "邻里矛盾想请人调解（私下处理）：", example: "楼上半夜很吵" }, en: { joiner: "; ", before: "a dispute with a neighbour, handled privately: ", example: "upstairs is loud at night" } },
    menu: { order: 20, zh: "请人调解邻里矛盾（私下处理）", en: "Ask for mediation with a neighbour (private)" },
  }),
  command({
    name: "take_case",
    zh: "接案",
    where: "private",
    elsewhere: (lang) => mediationTexts(lang).onlyPrivately,
    handler: takeCase,
  }),
];
