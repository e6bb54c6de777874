/** The good-deeds commands: thanking someone by command. */
import { command } from "../../app/shared/command.ts";
import { thankCommand } from "./record-thanks.ts";

export const deedCommands = [command({ name: "thank", zh: "感谢", where: "group", handler: thankCommand })];
