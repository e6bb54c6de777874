/**
 * "谢谢王师傅帮我修好了水管": a good deed for the named helper, found by mention, display name or alias in that chat.
 * When several neighbours share the name, the bot asks which one (numbered choices, `/thank 12`); when nobody has it,
 * it says so kindly instead of guessing. Thanking oneself, or thanking in a private chat, records nothing.
 */
import type { DeedRepos } from "./repos.ts";
import type { CommandIntent, ThanksIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { resolvePerson } from "../../app/shared/resolve-person.ts";
import { timeBankTexts } from "../timebank/texts.ts";

/** A `thanks` intent. */
export const recordThanks: Handler<ThanksIntent, DeedRepos> = async (context, repos) => {
  if (context.chat.kind !== "group") return;
  const texts = timeBankTexts(context.lang);
  const helper = await resolvePerson(context, repos, context.intent.helper);
  if (helper.kind === "none") return context.message.addressedToBot ? reply(context, repos, texts.thanksUnknown(context.intent.helper)) : undefined;
  if (helper.kind === "many") {
    return reply(context, repos, {
      text: texts.whichPerson(context.intent.helper),
      options: helper.people.map((one) => ({ label: one.name, reply: `/thank ${one.personId} ${context.intent.for ?? ""}`.trim() })),
    });
  }
  await thank(context, repos, helper.personId, helper.name, context.intent.for ?? null);
};

/** `/thank 12 …`: the answer to "which one?" (a person's number), or `/thank 王师傅` typed by hand. */
export const thankCommand: Handler<CommandIntent, DeedRepos> = async (context, repos) => {
  if (context.chat.kind !== "group") return;
  const texts = timeBankTexts(context.lang);
  const [first = "", ...rest] = context.intent.args.trim().split(/\s+/u);
  if (/^\d+$/u.test(first)) {
    const member = (await repos.events.membersByName(context.chat.id)).find((one) => one.personId === Number(first));
    if (member) return thank(context, repos, member.personId, member.names[0]!, rest.join(" ") || null);
  }
  const helper = await resolvePerson(context, repos, first);
  if (helper.kind !== "one") return reply(context, repos, helper.kind === "many" ? texts.whichPerson(first) : texts.thanksUnknown(first));
  await thank(context, repos, helper.personId, helper.name, rest.join(" ") || null);
};

async function thank(context: MessageContext, repos: DeedRepos, helperId: number, name: string, what: string | null) {
  if (helperId === context.person.id) return;
  await repos.deeds.record({
    communityId: context.person.communityId,
    helperId,
    beneficiaryId: context.person.id,
    chatId: context.chat.id,
    kind: "thanks",
    description: what,
    private: false,
  });
  await reply(context, repos, timeBankTexts(context.lang).thanked(name));
}
