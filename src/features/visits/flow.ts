/**
 * What every visits use case shares: the job kinds, opening a week's visit with its reminders, question and check,
 * showing a visit's time in the community's zone, and telling people privately (never in a group).
 */
import type { Lang } from "../../kernel/lang.ts";
import type { OutboundMessage } from "../../kernel/platform.ts";
import type { VisitRepos } from "./repos.ts";
import type { RotaView, VisitView } from "./ports.ts";
import type { When } from "./texts.ts";
import { tell } from "../../app/shared/tell.ts";
import { addLocalWeeks, localDate, localMinute, weekday } from "../../kernel/zoned-time.ts";
import { clock, turnOf, visitSchedule } from "./domain/rota.ts";
import { visitTexts } from "./texts.ts";

/** Opens a rota's week: its visit, and the job that opens the next week. */
export const WEEK_JOB = "visit.week";
/** Reminds the week's volunteer (the day before, two hours before). */
export const REMIND_JOB = "visit.remind";
/** Asks the volunteer, after the visit, how long and how she was. */
export const ASK_JOB = "visit.ask";
/** A visit not logged by the next day is missed: the coordinators are told. */
export const MISSED_JOB = "visit.missed";

/** Payload of the week job. */
export interface WeekPayload {
  rotaId: number;
  week: number;
  dueAt: string;
}

/** Payload of the per-visit jobs. */
export interface VisitPayload {
  visitId: number;
  stage?: "day" | "soon";
}

/** Nowhere: visits start in no chat, so people are told on the platform they use, in their language. */
export const PRIVATELY = { chat: null, chatId: null } as const;

/** Tell each of these people privately; how many could be told. */
export async function tellEach(repos: Pick<VisitRepos, "people" | "outboxes">, people: number[], message: (lang: Lang) => OutboundMessage | string): Promise<number> {
  let told = 0;
  for (const person of people) if (await tell(repos, person, PRIVATELY, message)) told += 1;
  return told;
}

/** A visit's time as texts show it, in the community's zone. */
export function whenOf(dueAt: Date, timeZone: string): When {
  const [, month, date] = localDate(dueAt, timeZone).split("-").map(Number) as [number, number, number];
  return { weekday: weekday(dueAt, timeZone), month, date, time: clock(localMinute(dueAt, timeZone)) };
}

/**
 * Open week `week` of a rota due at `dueAt`: the visit of whoever's turn it is, its steps, and the job that opens the
 * week after (an hour after this one, so a rota stopped meanwhile opens no more weeks).
 */
export async function openWeek(repos: Pick<VisitRepos, "visits" | "jobs" | "people">, rota: RotaView, week: number, dueAt: Date, now: Date): Promise<number | null> {
  if (!rota.active || !rota.members.length) return null;
  const volunteer = turnOf(rota.members, week);
  const { id } = await repos.visits.addVisit({ rotaId: rota.id, elderId: rota.elderId, volunteerId: volunteer.personId, week, dueAt });
  await scheduleSteps(repos, id, dueAt, now);
  const timeZone = await repos.people.timeZoneOf(rota.communityId);
  const next = addLocalWeeks(dueAt, 1, timeZone);
  await repos.jobs.schedule({
    kind: WEEK_JOB,
    dueAt: new Date(dueAt.getTime() + 3_600_000),
    payload: { rotaId: rota.id, week: week + 1, dueAt: next.toISOString() } satisfies WeekPayload,
    dedupeKey: `visit:rota:${rota.id}:week:${week + 1}`,
  });
  return id;
}

/** A visit's reminders, question and missed check (those still ahead of `now`). */
export async function scheduleSteps(repos: Pick<VisitRepos, "jobs">, visitId: number, dueAt: Date, now: Date): Promise<void> {
  const steps = visitSchedule(dueAt);
  const jobs: Array<[string, Date, VisitPayload, string]> = [
    [REMIND_JOB, steps.dayBefore, { visitId, stage: "day" }, "day"],
    [REMIND_JOB, steps.soon, { visitId, stage: "soon" }, "soon"],
    [ASK_JOB, steps.ask, { visitId }, "ask"],
    [MISSED_JOB, steps.missed, { visitId }, "missed"],
  ];
  for (const [kind, at, payload, step] of jobs) {
    if (at <= now && kind === REMIND_JOB) continue;
    await repos.jobs.schedule({ kind, dueAt: at, payload, dedupeKey: `visit:${visitId}:${step}` });
  }
}

/** The question to the week's volunteer: will you go? (1 会去 / 2 这周去不了) */
export function goQuestion(visit: VisitView, text: string, lang: Lang): OutboundMessage {
  const texts = visitTexts(lang);
  return {
    text,
    options: [
      { label: texts.willGo, reply: `/visitreply ${visit.id} go` },
      { label: texts.cannotGo, reply: `/visitreply ${visit.id} no` },
    ],
    subject: texts.subject(visit.elderName),
  };
}

/**
 * Forget the open numbered questions about a visit once it is settled (logged, missed, swapped), so a later "1" is
 * not asked "which one?" about a visit that is over. Open questions are kept as app states under `choices:` by the
 * outbox dispatcher (src/chat/numbered-choices.ts); this runs only when a visit changes, never for chatter.
 */
export async function forgetQuestions(repos: Pick<VisitRepos, "states">, visitId: number): Promise<void> {
  const prefix = `/visitreply ${visitId} `;
  const open = await repos.states.list("choices:");
  const about = open.filter(({ value }) => (JSON.parse(value) as { replies?: string[] }).replies?.some((reply) => reply.startsWith(prefix)));
  if (about.length) await repos.states.delete(about.map(({ key }) => key));
}

/** The people who follow up on an elder: the captains of her building's grid, else the coordinators. */
export async function caretakersOf(repos: Pick<VisitRepos, "people">, elderId: number, communityId: number): Promise<number[]> {
  const home = await repos.people.residence(elderId);
  const captains = home?.gridId ? await repos.people.captainsOf(home.gridId) : [];
  return captains.length ? captains : repos.people.coordinatorsOf(communityId);
}
