/** A slash command Linli does not know gets a helpful reply rather than silence. */
import type { UnknownCommandIntent } from "../parse/intent.ts";
import type { Handler } from "./shared/context.ts";
import { reply } from "./shared/context.ts";
import { t } from "./shared/texts.ts";

/** Point the resident to /help. */
export const answerUnknownCommand: Handler<UnknownCommandIntent> = async (context, repos) => {
  await reply(context, repos, t(context.lang).unknownCommand(context.intent.command));
};
