/** A slash command Linli does not know gets a helpful reply rather than silence. */
import type { UnknownCommandIntent } from "../parse/intent.ts";
import type { Handler } from "./message-context.ts";
import { reply } from "./message-context.ts";
import { t } from "../i18n/index.ts";

/** Point the resident to /help. */
export const answerUnknownCommand: Handler<UnknownCommandIntent> = async (context, repos) => {
  await reply(context, repos, t(context.lang).unknownCommand(context.intent.command));
};
