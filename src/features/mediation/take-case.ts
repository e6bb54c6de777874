/**
 * A mediator takes a case (`/接案 N`, `/take_case N`, or "1" to the offer), privately: the first to take it wins, the
 * others offered it are told it was taken, the resident hears who will contact them (a name only), and the mediator
 * gets the resident's phone and room where known.
 */
import type { MediationRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { MediationCaseView } from "./ports.ts";
import { reply } from "../../app/shared/context.ts";
import { unansweredAt } from "./domain/policy.ts";
import { mediationTexts } from "./texts.ts";
import { auditCase, labelOf, offereesOf, tellAbout } from "./flow.ts";

/** The case a command names ("3", "#3") in the sender's community, or a reply saying what is wrong. */
export async function namedCase(context: MessageContext, repos: MediationRepos, id: number | null): Promise<MediationCaseView | null> {
  const texts = mediationTexts(context.lang);
  if (id === null) {
    await reply(context, repos, texts.usage(null));
    return null;
  }
  const found = await repos.mediation.get(id);
  if (!found || found.communityId !== context.person.communityId) {
    await reply(context, repos, texts.notFound(id));
    return null;
  }
  return found;
}

/** `/take_case 3` (declared private-only). */
export async function takeCase(context: MessageContext<CommandIntent>, repos: MediationRepos): Promise<void> {
  const number = /#?\s*(\d{1,9})/u.exec(context.intent.args)?.[1];
  const c = await namedCase(context, repos, number === undefined ? null : Number(number));
  if (!c) return;
  const texts = mediationTexts(context.lang);
  const me = context.person.id;
  if (c.openedById === me) return reply(context, repos, texts.ownCase(c.id));
  if (c.mediatorId === me) return reply(context, repos, texts.alreadyYours(c.id));
  if (c.state === "closed") return reply(context, repos, texts.closedAlready(c.id));
  const { people } = await offereesOf(repos, c);
  const coordinators = await repos.people.coordinatorsOf(c.communityId);
  if (!people.includes(me) && !coordinators.includes(me)) return reply(context, repos, texts.notOffered(c.id));
  if (c.state !== "open" || !(await repos.mediation.take(c.id, me))) return reply(context, repos, texts.takenOthers(c.id));
  const card = await repos.directories.contactCard(c.openedById);
  const address = [card?.building, card?.room].filter(Boolean).join(" ") || null;
  await reply(context, repos, texts.takenByYou(labelOf(c), { phone: card?.phone ?? null, address }));
  // Those offered it, and the coordinators once it went to them after 48 hours, hear it is taken.
  const told = new Set([...people, ...(context.now >= unansweredAt(c.createdAt) ? coordinators : [])]);
  told.delete(me);
  told.delete(c.openedById);
  for (const one of told) await tellAbout(repos, one, c, (lang) => mediationTexts(lang).takenOthers(c.id));
  await tellAbout(repos, c.openedById, c, (lang) => mediationTexts(lang).takenResident(c.id, context.person.displayName));
  await auditCase(repos, c, "mediation.taken", me, { toldTaken: [...told] });
}
