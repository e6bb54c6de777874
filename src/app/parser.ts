/** The parser with the registry's command words: what the bot, the command-line tools and the tests parse with. */
import type { Parser } from "../parse/intent.ts";
import { createParser } from "../parse/index.ts";
import { defaultCommands } from "./commands.ts";

export const parse: Parser = createParser(defaultCommands().words);
