/**
 * New members of a group (the adapter turns the platform's "joined" event into `/welcome 名字`): a short greeting in
 * the group's language saying how to use the bot, sent through the outbox like any reply.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { t } from "../../app/shared/texts.ts";

/** `/welcome 小李、小王`. */
export const welcomeMembers: Handler<CommandIntent> = async (context, repos) => {
  const names = context.intent.args.trim();
  if (context.chat.kind !== "group" || !names) return;
  await reply(context, repos, t(context.chat.lang).welcome(names, context.chat.platform));
};
