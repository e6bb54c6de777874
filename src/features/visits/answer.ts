/**
 * The volunteer's answers: "1 会去" (thanks), "2 这周去不了" or "这周三去不了" in words (the next volunteer in the rota
 * is asked for this week; if nobody is left, the coordinators are told), and after the visit "去了1小时，精神不错": the
 * visit is done, a pending time-bank credit in category B waits for the elder's confirmation (a coordinator's for an
 * elder the bot cannot reach), and a note that worries goes privately to her grid captain (else the coordinators).
 */
import type { Lang } from "../../kernel/lang.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { VisitRepos } from "./repos.ts";
import type { VisitView } from "./ports.ts";
import { answerPrivately as reply } from "./create-rota.ts";
import { askToConfirm } from "../timebank/index.ts";
import { findHours } from "../../parse/durations.ts";
import { nextVolunteer } from "./domain/rota.ts";
import { noteOf, worries } from "./domain/words.ts";
import { PRIVATELY, caretakersOf, forgetQuestions, goQuestion, scheduleSteps, tellEach, whenOf } from "./flow.ts";
import { visitTexts } from "./texts.ts";

const MAX_MINUTES = 8 * 60;
const DAY_MS = 86_400_000;

/** The volunteer's visit logged now: the latest of theirs still scheduled whose time has come (within the day after it). */
export async function visitToLog(repos: Pick<VisitRepos, "visits">, volunteerId: number, now: Date): Promise<VisitView | undefined> {
  return (await repos.visits.scheduledOf(volunteerId, new Date(now.getTime() - DAY_MS), new Date(now.getTime() + 3 * 3_600_000))).at(-1);
}

/** The volunteer's next visit still ahead (within a week): the one "这周去不了" is about. */
export async function visitAhead(repos: Pick<VisitRepos, "visits">, volunteerId: number, now: Date): Promise<VisitView | undefined> {
  return (await repos.visits.scheduledOf(volunteerId, now, new Date(now.getTime() + 7 * DAY_MS)))[0];
}

/** "1 会去": thanks. */
export async function willGo(context: MessageContext, repos: VisitRepos, visit: VisitView): Promise<void> {
  const texts = visitTexts(context.lang);
  if (visit.volunteerId !== context.person.id) return reply(context, repos, texts.notYourVisit);
  if (visit.state !== "scheduled") return reply(context, repos, texts.alreadyLogged);
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "visit.will_go", subjectType: "Visit", subjectId: visit.id });
  await reply(context, repos, texts.goingAck(visit.elderName));
}

/** "这周去不了": this visit is swapped to the next volunteer who has not declined this week, or the coordinators hear. */
export async function cannotGo(context: MessageContext, repos: VisitRepos, visit: VisitView): Promise<void> {
  const texts = visitTexts(context.lang);
  if (visit.volunteerId !== context.person.id) return reply(context, repos, texts.notYourVisit);
  if (visit.state !== "scheduled") return reply(context, repos, texts.alreadyLogged);
  await repos.visits.setState(visit.id, "swapped");
  await forgetQuestions(repos, visit.id);
  const rota = (await repos.visits.rota(visit.rotaId))!;
  const declined = (await repos.visits.visitsAt(visit.rotaId, visit.dueAt)).filter((one) => one.state === "swapped").map((one) => one.volunteerId);
  const next = nextVolunteer(rota.members.map((one) => one.personId), visit.volunteerId, declined);
  const timeZone = await repos.people.timeZoneOf(rota.communityId);
  const when = whenOf(visit.dueAt, timeZone);
  const { communityId } = rota;
  await repos.audit.append({ communityId, actorId: context.person.id, action: "visit.swapped", subjectType: "Visit", subjectId: visit.id, detail: { to: next ?? null } });
  if (next === undefined) {
    const names = rota.members.filter((one) => declined.includes(one.personId)).map((one) => one.name);
    await tellEach(repos, await repos.people.coordinatorsOf(communityId), (lang) => visitTexts(lang).nobodyLeft(visit.elderName, when, names));
    return reply(context, repos, texts.swapped(visit.elderName, null));
  }
  const { id } = await repos.visits.addVisit({ rotaId: visit.rotaId, elderId: visit.elderId, volunteerId: next, week: visit.week, dueAt: visit.dueAt });
  await scheduleSteps(repos, id, visit.dueAt, context.now);
  const swapped = (await repos.visits.visit(id))!;
  await tellEach(repos, [next], (lang) => goQuestion(swapped, visitTexts(lang).swapAsk(visit.elderName, context.person.displayName, when), lang));
  await reply(context, repos, texts.swapped(visit.elderName, swapped.volunteerName));
}

/** "这次没去成": the visit is missed now, and the coordinators are told as they would be the next day. */
export async function notGone(context: MessageContext, repos: VisitRepos, visit: VisitView): Promise<void> {
  const texts = visitTexts(context.lang);
  if (visit.volunteerId !== context.person.id) return reply(context, repos, texts.notYourVisit);
  if (visit.state !== "scheduled") return reply(context, repos, texts.alreadyLogged);
  await markMissed(repos, visit, context.person.id);
  await reply(context, repos, texts.notGoneAck(visit.elderName));
}

/** Mark a visit missed and tell the coordinators privately. */
export async function markMissed(repos: VisitRepos, visit: VisitView, actorId: number | null): Promise<void> {
  const rota = (await repos.visits.rota(visit.rotaId))!;
  await repos.visits.setState(visit.id, "missed");
  await forgetQuestions(repos, visit.id);
  const when = whenOf(visit.dueAt, await repos.people.timeZoneOf(rota.communityId));
  await tellEach(repos, await repos.people.coordinatorsOf(rota.communityId), (lang) => visitTexts(lang).missed(visit.elderName, visit.volunteerName, when));
  await repos.audit.append({ communityId: rota.communityId, ...(actorId === null ? {} : { actorId }), action: "visit.missed", subjectType: "Visit", subjectId: visit.id });
}

/**
 * "去了1小时，精神不错": the visit is done with its minutes and note; a pending credit (category B) for the volunteer,
 * the elder confirming; a worrying note goes to her captain. `hours` when the parser read them already.
 */
export async function logVisit(context: MessageContext, repos: VisitRepos, visit: VisitView, text: string, hours?: number): Promise<void> {
  const texts = visitTexts(context.lang);
  if (visit.volunteerId !== context.person.id) return reply(context, repos, texts.notYourVisit);
  if (visit.state !== "scheduled") return reply(context, repos, texts.alreadyLogged);
  const found = hours ?? findHours(text);
  if (found === undefined || found <= 0) return reply(context, repos, texts.needMinutes);
  const minutes = Math.min(Math.max(Math.round((found * 60) / 15) * 15, 15), MAX_MINUTES);
  const note = noteOf(text);
  const rota = (await repos.visits.rota(visit.rotaId))!;
  const created = await repos.credits.create({
    helperId: visit.volunteerId,
    beneficiaryId: visit.elderId,
    minutes,
    category: "B",
    source: "visit",
    sourceId: visit.id,
    description: texts.creditDescription(visit.elderName),
    startedById: context.person.id,
    chatId: null,
  });
  await repos.visits.setState(visit.id, "done", { minutes, note, creditId: created?.id ?? null });
  await forgetQuestions(repos, visit.id);
  const confirmer = created ? await askToConfirm(repos, created.id, PRIVATELY, context.lang) : null;
  const worrying = note ? worries(note) : [];
  if (note && worrying.length) {
    const when = whenOf(visit.dueAt, await repos.people.timeZoneOf(rota.communityId));
    const people = (await caretakersOf(repos, visit.elderId, rota.communityId)).filter((one) => one !== context.person.id);
    await tellEach(repos, people, (lang: Lang) => visitTexts(lang).worry(visit.elderName, visit.volunteerName, note, when));
  }
  await repos.audit.append({ communityId: rota.communityId, actorId: context.person.id, action: "visit.logged", subjectType: "Visit", subjectId: visit.id, detail: { minutes, creditId: created?.id ?? null, worry: worrying.length > 0 } });
  await reply(context, repos, texts.logged(visit.elderName, minutes, confirmer));
}
