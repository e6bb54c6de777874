/** The parser with the registry's command words: what the bot, the command-line tools and the tests parse with. */
import type { Parser } from "../parse/intent.ts";
import { createParser } from "../parse/index.ts";
import { COMMAND_WORDS } from "./commands.ts";

export const parse: Parser = createParser(COMMAND_WORDS);
