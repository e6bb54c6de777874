/** `/help`, `/帮助`: the commands, in the chat's language. */
import type { CommandIntent } from "../parse/intent.ts";
import type { Handler } from "./shared/context.ts";
import { reply } from "./shared/context.ts";
import { t } from "./shared/texts.ts";

/** Reply with the help text where the question was asked. */
export const showHelp: Handler<CommandIntent> = async (context, repos) => {
  await reply(context, repos, t(context.lang).help(context.botName));
};
