/**
 * What every check-in use case shares: the settings, the jobs, whom the daily question goes to, telling people
 * privately (never with a group to fall back to: an enrolment is private), recording a check-in and the ladder.
 */
import type { Lang } from "../../kernel/lang.ts";
import type { OutboundMessage } from "../../kernel/platform.ts";
import type { CheckinRepos } from "./repos.ts";
import type { CheckinDayView, EnrolmentView } from "./ports.ts";
import { tell } from "../../app/shared/tell.ts";
import { atLocal, addDays, localDate } from "../../kernel/zoned-time.ts";
import { escalationLadder } from "./domain/ladder.ts";
import { guardianOf } from "../guardian/index.ts";
import { checkinTexts } from "./texts.ts";

/** The check-ins' settings. */
export interface CheckinSettings {
  /** Local time of the daily question, minutes after midnight (CHECKIN_TIME). */
  askMinute: number;
  /** Minutes after the question by which an answer is expected (CHECKIN_GRACE_MINUTES). */
  graceMinutes: number;
  /** Minutes between asking one contact and the next (CHECKIN_STEP_MINUTES). */
  stepMinutes: number;
}

/** The defaults: 09:00, 120 minutes, 60 minutes. */
export const DEFAULT_CHECKIN_SETTINGS: CheckinSettings = { askMinute: 9 * 60, graceMinutes: 120, stepMinutes: 60 };

/** The daily question of one person. */
export const ASK_JOB = "checkin.ask";
/** One step of the ladder after a missed check-in. */
export const ESCALATE_JOB = "checkin.escalate";

/** Payload of the daily question. */
export interface AskPayload {
  personId: number;
}

/** Payload of an escalation step: ask `ladder[step]` for the day `date`. */
export interface EscalatePayload {
  personId: number;
  date: string;
  step: number;
}

/**
 * Whom the daily question goes to: the person themself, or, for an elder in guardian mode (in no chat), the one who
 * acts for them, who is asked whether they have seen her today.
 */
export async function questionGoesTo(repos: Pick<CheckinRepos, "guardians">, enrolment: Pick<EnrolmentView, "personId">): Promise<{ personId: number; guardian: boolean }> {
  const guardian = await guardianOf(repos, enrolment.personId);
  return guardian === null ? { personId: enrolment.personId, guardian: false } : { personId: guardian, guardian: true };
}

/** The daily line to a guardian: "今天看过李奶奶了吗？1 看过了，她挺好". */
export function guardianQuestionMessage(enrolment: EnrolmentView, lang: Lang): OutboundMessage {
  const texts = checkinTexts(lang);
  return { text: texts.guardianQuestion(enrolment.personName), options: [{ label: texts.seenWellLabel, reply: `/checkin well ${enrolment.personId}` }], subject: texts.subject(enrolment.personName) };
}

/** Tell a person privately, in their language; never a group mention as a fallback (enrolments are private). */
export function tellPrivately(repos: Pick<CheckinRepos, "people" | "outboxes">, personId: number, message: (lang: Lang) => OutboundMessage | string, priority = 5) {
  return tell(repos, personId, { chat: null, chatId: null }, message, priority);
}

/** The time zone of the person's community. */
export function timeZoneOf(repos: Pick<CheckinRepos, "people">, enrolment: Pick<EnrolmentView, "communityId">): Promise<string> {
  return repos.people.timeZoneOf(enrolment.communityId);
}

/** The next daily question strictly after `now`. */
export function nextAsk(enrolment: Pick<EnrolmentView, "askMinute">, now: Date, timeZone: string): { at: Date; date: string } {
  const today = localDate(now, timeZone);
  const at = atLocal(today, enrolment.askMinute, timeZone);
  if (at.getTime() > now.getTime()) return { at, date: today };
  const tomorrow = addDays(today, 1);
  return { at: atLocal(tomorrow, enrolment.askMinute, timeZone), date: tomorrow };
}

/** Schedule the next daily question (a no-op when it is already scheduled). */
export async function scheduleNextAsk(repos: Pick<CheckinRepos, "jobs">, enrolment: Pick<EnrolmentView, "askMinute" | "personId">, now: Date, timeZone: string) {
  const next = nextAsk(enrolment, now, timeZone);
  const payload: AskPayload = { personId: enrolment.personId };
  // The time is in the key: a question moved to another time is a new job (the old one finds itself stale).
  await repos.jobs.schedule({ kind: ASK_JOB, dueAt: next.at, payload, dedupeKey: `${ASK_JOB}:${enrolment.personId}:${next.date}@${enrolment.askMinute}` });
}

/** Who is asked to look in, in order: the named contacts, the captains of the person's grid, the coordinators. */
export async function ladderOf(repos: Pick<CheckinRepos, "people">, enrolment: EnrolmentView): Promise<number[]> {
  const residence = await repos.people.residence(enrolment.personId);
  return escalationLadder(enrolment.personId, {
    contacts: enrolment.contacts.map((contact) => contact.personId),
    captains: residence?.gridId ? await repos.people.captainsOf(residence.gridId) : [],
    coordinators: await repos.people.coordinatorsOf(enrolment.communityId),
  });
}

/** The question asked of the person each day, with its option. */
export function questionMessage(enrolment: EnrolmentView, lang: Lang): OutboundMessage {
  const texts = checkinTexts(lang);
  return { text: texts.question(enrolment.personName), options: [{ label: texts.fineLabel, reply: "/checkin ok" }], subject: texts.subject(enrolment.personName) };
}

/** A contact asked to look in: "1 我去看 2 联系不上". */
export function lookInMessage(enrolment: EnrolmentView, lang: Lang): OutboundMessage {
  const texts = checkinTexts(lang);
  return {
    text: texts.lookIn(enrolment.personName),
    options: [
      { label: texts.goingLabel, reply: `/checkin going ${enrolment.personId}` },
      { label: texts.unreachableLabel, reply: `/checkin unreachable ${enrolment.personId}` },
    ],
    subject: texts.subject(enrolment.personName),
  };
}

/** The contact who went, asked to report back: "1 她没事 2 需要帮助". */
export function reportBackMessage(enrolment: EnrolmentView, lang: Lang): OutboundMessage {
  const texts = checkinTexts(lang);
  return {
    text: texts.going(enrolment.personName),
    options: [
      { label: texts.wellLabel, reply: `/checkin well ${enrolment.personId}` },
      { label: texts.needHelpLabel, reply: `/checkin needhelp ${enrolment.personId}` },
    ],
    subject: texts.subject(enrolment.personName),
  };
}

/**
 * Record that the person is fine today (they said so, wrote anything, or a contact checked): the day is answered
 * (late when past its deadline), and everyone already asked to look in, except whoever answered, is told at once.
 * Returns false when the day was already answered.
 */
export async function recordCheckin(repos: CheckinRepos, enrolment: EnrolmentView, byId: number, now: Date): Promise<boolean> {
  const timeZone = await timeZoneOf(repos, enrolment);
  const date = localDate(now, timeZone);
  const day = await repos.checkins.day(enrolment.personId, date);
  if (day?.state === "answered") return false;
  const late = day?.state === "missed";
  const saved = await repos.checkins.saveDay(enrolment.personId, date, { state: "answered", late, answeredById: byId, answeredAt: now });
  await repos.audit.append({ communityId: enrolment.communityId, actorId: byId, action: "checkin.answered", subjectType: "CheckinEnrolment", subjectId: enrolment.id, detail: { date, late } });
  const by = byId === enrolment.personId ? null : ((await repos.people.reach(byId))?.displayName ?? null);
  for (const asked of saved.escalatedTo) {
    if (asked === byId) continue;
    await tellPrivately(repos, asked, (lang) => checkinTexts(lang).fineNow(enrolment.personName, by), 7);
  }
  return true;
}

/** Ask the next person on the ladder for a missed day, and schedule the step after; false when nobody is left. */
export async function askNext(repos: CheckinRepos, enrolment: EnrolmentView, day: CheckinDayView, date: string, now: Date, stepMinutes: number): Promise<boolean> {
  const ladder = await ladderOf(repos, enrolment);
  const next = ladder.find((id) => !day.escalatedTo.includes(id));
  if (next === undefined) return false;
  const escalatedTo = [...day.escalatedTo, next];
  await repos.checkins.saveDay(enrolment.personId, date, { escalatedTo });
  await tellPrivately(repos, next, (lang) => lookInMessage(enrolment, lang), 7);
  await repos.audit.append({ communityId: enrolment.communityId, action: "checkin.escalated", subjectType: "CheckinEnrolment", subjectId: enrolment.id, detail: { date, step: escalatedTo.length } });
  const payload: EscalatePayload = { personId: enrolment.personId, date, step: escalatedTo.length };
  await repos.jobs.schedule({
    kind: ESCALATE_JOB,
    dueAt: new Date(now.getTime() + stepMinutes * 60_000),
    payload,
    dedupeKey: `${ESCALATE_JOB}:${enrolment.personId}:${date}:${escalatedTo.length}`,
  });
  return true;
}
