/**
 * Slash and hash commands, with or without the bot's @name. Which words name which command is the command registry's
 * (src/app/commands.ts): the parser is given them.
 */
import type { Intent } from "./intent.ts";
import { escapeRegExp } from "./normalize.ts";

/**
 * Parse "/help", "/帮助", "#登记 3-502", "/help@linli_bot", "@邻里小助手 /help".
 * Returns undefined when the text is not a command. A hash word that is no command ("#接龙", a hashtag) is not one.
 */
export function parseCommand(text: string, botNames: string[], words: ReadonlyMap<string, string>): Intent | undefined {
  const match = /^([/#])\s*([\p{L}\p{N}_]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!match) return undefined;
  const [, sigil, word, target, rest] = match;
  if (target && !botNames.some((name) => new RegExp(`^${escapeRegExp(name)}$`, "iu").test(target))) {
    return { kind: "none" }; // a command addressed to another bot
  }
  const name = words.get(word!.toLowerCase());
  if (name) return { kind: "command", name, args: (rest ?? "").trim() };
  if (sigil === "#") return undefined;
  return { kind: "unknown_command", command: word! };
}
