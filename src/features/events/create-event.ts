/**
 * Group admins and coordinators post events: "/活动 周六 9:00-11:00 邻里花园除草 限20人 截止周五20:00" or
 * "/event Sat 9am-11am Garden cleanup, 20 places". The bot posts the event card (sign-up buttons where the platform has
 * them, else numbered replies) and schedules the reminders (24 h and 2 h before) and the deadline notice.
 */
import type { EventRepos } from "./repos.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { EventView } from "./ports.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { parseEventSpec } from "../../parse/event-spec.ts";
import { dueReminders } from "./domain/sign-up-policy.ts";
import { eventTexts, formatWhen } from "./texts.ts";

/** Job kinds of events. */
export const REMIND_JOB = "event.remind";
export const DEADLINE_JOB = "event.deadline";
/** The job that creates a weekly event's next occurrence (recur-event.ts). */
export const RECUR_JOB = "event.recur";
const DEFAULT_REMINDERS = [24 * 60, 2 * 60];

/** May this person organise events here: a group admin, or a coordinator. */
export async function mayOrganise(context: MessageContext, repos: Pick<EventRepos, "directories">): Promise<boolean> {
  return context.isAdmin || (await repos.directories.hasRole(context.person.id, "coordinator"));
}

/** May this person manage `event` (roster, attendance, cancel): its organiser, a coordinator, or an admin of its chat. */
export async function mayManage(context: MessageContext, repos: Pick<EventRepos, "directories">, event: EventView): Promise<boolean> {
  if (event.organiserId === context.person.id || (await repos.directories.hasRole(context.person.id, "coordinator"))) return true;
  return context.isAdmin && event.chats.some((chat) => chat.id === context.chat.id);
}

/** `/活动 …`, `/event …`. */
export const createEvent: Handler<CommandIntent, EventRepos> = async (context, repos) => {
  const texts = eventTexts(context.lang);
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  const spec = parseEventSpec(context.intent.args, { now: context.now, timeZone });
  if ("error" in spec) {
    const why = {
      "no-date": texts.createHowTo,
      "no-title": texts.noTitle,
      past: texts.past,
      "deadline-after-start": texts.deadlineAfterStart,
      "deadline-past": texts.deadlinePast,
    };
    return reply(context, repos, why[spec.error]);
  }
  const minutes = spec.endsAt ? Math.round((spec.endsAt.getTime() - spec.startsAt.getTime()) / 60_000) : 60;
  const { id } = await repos.events.create({
    communityId: context.person.communityId,
    organiserId: context.person.id,
    title: spec.title,
    place: spec.place ?? null,
    startsAt: spec.startsAt,
    endsAt: spec.endsAt ?? null,
    capacity: spec.capacity ?? null,
    deadline: spec.deadline ?? null,
    kind: spec.kind,
    recurrence: spec.recurrence ?? null,
    reminders: spec.reminders ?? DEFAULT_REMINDERS,
    creditMinutes: spec.kind === "duty" ? minutes : 0,
    chatIds: [context.chat.id],
  });
  const event = await repos.events.get(id);
  if (!event) return;
  await scheduleEventJobs(repos, event, context.now);
  await repos.audit.append({ communityId: event.communityId, actorId: context.person.id, action: "event.created", subjectType: "Event", subjectId: id });
  await reply(context, repos, { text: texts.created(cardText(event, timeZone, context.lang)), options: cardOptions(event, context.lang), audience: "anyone", subject: event.title });
};

/** Reminders before the start and the organiser's deadline notice, each once, none after the start. */
export async function scheduleEventJobs(repos: EventRepos, event: EventView, now: Date): Promise<void> {
  for (const { offset, at } of dueReminders(event.startsAt, event.reminders, now)) {
    await repos.jobs.schedule({ kind: REMIND_JOB, dueAt: at, staleAt: event.startsAt, payload: { eventId: event.id, offset }, dedupeKey: `${REMIND_JOB}:${event.id}:${offset}` });
  }
  await scheduleRecurrence(repos, event);
  if (event.deadline && event.deadline > now) {
    await repos.jobs.schedule({ kind: DEADLINE_JOB, dueAt: event.deadline, staleAt: event.startsAt, payload: { eventId: event.id }, dedupeKey: `${DEADLINE_JOB}:${event.id}` });
  }
}

/** Schedule the roll-on of a weekly event at its start. */
export async function scheduleRecurrence(repos: EventRepos, event: EventView): Promise<void> {
  if (event.recurrence !== "weekly") return;
  await repos.jobs.schedule({ kind: RECUR_JOB, dueAt: event.startsAt, payload: { eventId: event.id }, dedupeKey: `${RECUR_JOB}:${event.id}` });
}

/** The event card's text. */
export function cardText(event: EventView, timeZone: string, lang: Lang): string {
  return eventTexts(lang).card({
    id: event.id,
    title: event.title,
    when: formatWhen(event.startsAt, event.endsAt, timeZone, lang),
    place: event.place,
    capacity: event.capacity,
    deadline: event.deadline ? formatWhen(event.deadline, null, timeZone, lang) : null,
    kind: event.kind,
    weekly: event.recurrence === "weekly",
    taken: event.confirmed,
  });
}

/** Sign up / cancel, as buttons or numbered replies. */
export function cardOptions(event: EventView, lang: Lang) {
  const texts = eventTexts(lang);
  return [
    { label: texts.join, reply: `/join ${event.id}` },
    { label: texts.leave, reply: `/leave ${event.id}` },
  ];
}
