/** The command menu Telegram shows (setMyCommands), in Chinese and English: the command registry's menu entries. */
import { defaultCommands } from "../../src/app/commands.ts";

/** One menu entry. */
export interface BotCommand {
  command: string;
  description: string;
}

const registry = defaultCommands();

/** The menu in a language. */
export function botCommands(lang: "zh" | "en"): BotCommand[] {
  return registry.menu(lang);
}
