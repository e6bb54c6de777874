/**
 * Confidence used kindly. A group message the parser was unsure about gets no reply but is kept for coordinators to
 * review (`npm run -s export -- unsure`). A message addressed to the bot that it was unsure about gets one short
 * question with the likely meanings as numbered choices ("您是想：1 找邻居帮忙 2 报告公共问题 3 都不是"); the answer
 * (`/meant 12 request`, a button or a bare number) is handled as that meaning, by that meaning's own use case, and
 * kept with the message as its final label.
 */
import type { UnderstandingRepos } from "./repos.ts";
import type { ClarifyIntent, CommandIntent, NaturalKind, NoneIntent, Understanding } from "../../parse/intent.ts";
import type { Dispatcher, Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { build } from "../../parse/classify.ts";
import { normalize } from "../../parse/normalize.ts";
import { t } from "../../app/shared/texts.ts";
import { understandingTexts } from "./texts.ts";

/**
 * Keep a message the parser was unsure about, with what the model guessed; `finalIntent` when its meaning is already
 * known (the language model decided it).
 */
export function keepUnsureMessage(context: MessageContext, repos: UnderstandingRepos, outcome: "silent" | "asked" | "llm", finalIntent?: string) {
  const understood = (context.intent as { understood?: Understanding }).understood!;
  return repos.unsure.record({
    ...(finalIntent ? { finalIntent } : {}),
    communityId: context.person.communityId,
    chatId: context.chat.id,
    personId: context.person.id,
    text: context.message.text,
    guess: understood.guesses[0]?.label ?? "none",
    confidence: understood.confidence,
    guesses: understood.guesses,
    outcome,
  });
}

/** A group message the model was unsure about (or the language model called chatter): silence, and a row for review. */
export const keepUnsure: Handler<NoneIntent, UnderstandingRepos> = async (context, repos) => {
  const understood = context.intent.understood;
  if (understood) await (understood.by === "llm" ? keepUnsureMessage(context, repos, "llm", "none") : keepUnsureMessage(context, repos, "silent"));
};

/** Ask what the resident meant: the likely meanings this bot can act on, and "none of these". */
export function askToClarify(router: () => Dispatcher): Handler<ClarifyIntent, UnderstandingRepos> {
  return async (context, repos) => {
    const texts = understandingTexts(context.lang);
    const choices = (context.intent.choices ?? []).filter((kind) => router().handles(kind));
    if (!choices.length || !context.intent.understood) return reply(context, repos, t(context.lang).clarify);
    const { id } = await keepUnsureMessage(context, repos, "asked");
    await reply(context, repos, {
      text: texts.whichMeaning,
      options: [
        ...choices.map((kind) => ({ label: texts.meanings[kind], reply: `/meant ${id} ${kind}` })),
        { label: texts.noneOfThese, reply: `/meant ${id} none` },
      ],
    });
  };
}

/** `/meant 12 request`: the answer to a clarifying question, handled as the chosen meaning. */
/** (It hands the message on to any use case, so it is given every port.) */
export function answerClarification(router: () => Dispatcher): Handler<CommandIntent> {
  return async (context, repos) => {
    const texts = understandingTexts(context.lang);
    const [idText, chosen] = context.intent.args.split(/\s+/u);
    const asked = await repos.unsure.get(Number(idText));
    const meaning = chosen && chosen in texts.meanings ? (chosen as NaturalKind) : undefined;
    if (!asked || asked.outcome !== "asked" || !((meaning && router().handles(meaning)) || chosen === "none")) return reply(context, repos, t(context.lang).clarify);
    if (asked.personId !== context.person.id) return reply(context, repos, texts.notYourQuestion);
    if (!(await repos.unsure.answer(asked.id, chosen!))) return reply(context, repos, texts.alreadyAnswered);
    if (chosen === "none") return reply(context, repos, texts.understoodNothing);
    const timeZone = await repos.people.timeZoneOf(context.person.communityId);
    const parseContext = { now: context.now, timeZone, botNames: [context.botName], lang: context.lang };
    const intent = meaning && build(meaning, normalize(asked.text, [context.botName]), parseContext);
    const handler = intent && router().handlerFor({ ...intent, understood: { by: "rule", confidence: 1, guesses: [] } });
    if (!handler) return reply(context, repos, t(context.lang).clarify);
    const { intent: _asked, ...base } = context;
    await handler({ ...base, message: { ...context.message, text: asked.text } }, repos);
  };
}
