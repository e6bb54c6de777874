/** A message meant for the bot that it could not understand gets one short question, never a guess. */
import type { ClarifyIntent } from "../parse/intent.ts";
import type { Handler } from "./message-context.ts";
import { reply } from "./message-context.ts";
import { t } from "../i18n/index.ts";

/** Ask what the resident wants, in their language. */
export const askToClarify: Handler<ClarifyIntent> = async (context, repos) => {
  await reply(context, repos, t(context.lang).clarify);
};
