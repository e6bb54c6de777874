/**
 * A resident asks for mediation ("楼上天天半夜跺脚，能不能帮忙协调一下", or `/调解 …`): a case is opened for the
 * mediators of their grid, who get its content privately with the option to take it. In a group the bot says only
 * that it passed the matter on privately; what happens next is told to the resident privately.
 */
import type { MediationRepos } from "./repos.ts";
import type { DisputeIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import type { DisputeKind } from "./domain/policy.ts";
import { reply, replyPrivately } from "../../app/shared/context.ts";
import { DISPUTE_KINDS } from "../../parse/rules.ts";
import { unansweredAt } from "./domain/policy.ts";
import { mediationTexts } from "./texts.ts";
import { auditCase, offereesOf, offerMessage, tellAbout, UNANSWERED_JOB } from "./flow.ts";

/** The `dispute` route: the whole message is the case's description. */
export const raiseDispute: Handler<DisputeIntent, MediationRepos> = (context, repos) => openCase(context, repos, context.intent.issue, context.message.text);

/** The kind of a dispute told in a command's words ("other" when none fits). */
export function kindOfText(text: string): DisputeKind {
  const lower = text.toLowerCase();
  return DISPUTE_KINDS.find(([, pattern]) => pattern.test(lower))?.[0] ?? "other";
}

/** Open a case, offer it to the mediators, and tell the resident (and, in a group, only that it went on privately). */
export async function openCase(context: MessageContext, repos: MediationRepos, kind: DisputeKind, description: string): Promise<void> {
  const { person, chat, now } = context;
  const texts = mediationTexts(context.lang);
  const { id } = await repos.mediation.open({ communityId: person.communityId, openedById: person.id, gridId: await gridOf(context, repos), chatId: chat.id, kind, description });
  const opened = (await repos.mediation.get(id))!;
  const { level, people } = await offereesOf(repos, opened);
  if (chat.kind === "group") {
    await reply(context, repos, texts.passedOnGroup);
    await replyPrivately(context, repos, texts.opened(id, people.length === 0));
  } else {
    await reply(context, repos, texts.opened(id, people.length === 0));
  }
  for (const one of people) await tellAbout(repos, one, opened, (lang) => offerMessage(opened, lang));
  await repos.jobs.schedule({ kind: UNANSWERED_JOB, dueAt: unansweredAt(now), payload: { caseId: id }, dedupeKey: `${UNANSWERED_JOB}:${id}` });
  await auditCase(repos, opened, "mediation.opened", person.id, { kind, offeredTo: level, people });
}

/** The case's grid: that of the resident's building, else of the group's building or grid, else none. */
async function gridOf(context: MessageContext, repos: MediationRepos): Promise<number | null> {
  const home = await repos.people.residence(context.person.id);
  if (home?.gridId !== null && home?.gridId !== undefined) return home.gridId;
  return context.chat.kind === "group" ? (await repos.people.chatPlace(context.chat.id)).gridId : null;
}
