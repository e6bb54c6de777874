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
  }),
  command({
    name: "take_case",
    zh: "接案",
    where: "private",
    elsewhere: (lang) => mediationTexts(lang).onlyPrivately,
    handler: takeCase,
  }),
];
