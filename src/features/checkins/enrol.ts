/**
 * Enrolment in daily check-ins: by the person themself, by a coordinator for someone (with contacts in order), or by
 * anyone else for someone (a relative: they become that person's contact, and the person is told privately). Stop,
 * pause and resume. Every answer is private: from a group, the group hears only that it was sent privately.
 */
import type { MessageBase } from "../../app/shared/context.ts";
import type { CheckinRepos } from "./repos.ts";
import type { CheckinSettings } from "./flow.ts";
import type { EnrolmentView } from "./ports.ts";
import { answerPrivately } from "../../app/shared/context.ts";
import { localDate } from "../../kernel/zoned-time.ts";
import { MAX_CONTACTS } from "./domain/ladder.ts";
import { pauseEnd, resumeAt } from "./domain/words.ts";
import { scheduleNextAsk, tellPrivately } from "./flow.ts";
import { checkinTexts } from "./texts.ts";

type Person = { id: number; displayName: string };

/** The person a command names (the sender when none), or a reply saying who could not be found. */
export async function named(context: MessageBase, repos: CheckinRepos, name: string | undefined): Promise<Person | undefined> {
  if (!name) return { id: context.person.id, displayName: context.person.displayName };
  const found = await repos.directories.findPersonByName(context.person.communityId, name);
  if (!found) await answerPrivately(context, repos, checkinTexts(context.lang).notFound(name));
  return found ?? undefined;
}

/** Whether the sender may act for this person: themself, a named contact, a captain or a coordinator. */
export async function mayActFor(context: MessageBase, repos: CheckinRepos, enrolment: EnrolmentView | null, personId: number): Promise<boolean> {
  const sender = context.person.id;
  if (sender === personId) return true;
  if (enrolment?.contacts.some((contact) => contact.personId === sender)) return true;
  return (await repos.directories.hasRole(sender, "coordinator")) || (await repos.directories.hasRole(sender, "grid_captain"));
}

/** `/报平安 开启 [姓名] [联系人 …]`, or "我一个人住，每天报平安". */
export async function enrol(context: MessageBase, repos: CheckinRepos, settings: CheckinSettings, name: string | undefined, contactNames: string[]) {
  const texts = checkinTexts(context.lang);
  const person = await named(context, repos, name);
  if (!person) return;
  const self = person.id === context.person.id;
  const coordinator = !self && (await repos.directories.hasRole(context.person.id, "coordinator"));
  const contacts: Person[] = [];
  for (const each of contactNames) {
    const found = await named(context, repos, each);
    if (!found) return;
    if (found.id !== person.id && !contacts.some((one) => one.id === found.id)) contacts.push(found);
  }
  const before = await repos.checkins.enrolment(person.id);
  const enrolment = await repos.checkins.enrol({
    personId: person.id,
    enrolledById: context.person.id,
    askMinute: before?.askMinute ?? settings.askMinute,
    graceMinutes: before?.graceMinutes ?? settings.graceMinutes,
  });
  // A relative (anyone not a coordinator) enrolling someone else is that person's contact, first among those they add.
  const relative = !self && !coordinator ? [{ id: context.person.id, displayName: context.person.displayName }] : [];
  const wanted = [...relative, ...contacts];
  const ids = wanted.length
    ? [...new Set([...(coordinator || self ? [] : enrolment.contacts.map((one) => one.personId)), ...wanted.map((one) => one.id)])]
    : enrolment.contacts.map((one) => one.personId);
  const kept = ids.slice(0, MAX_CONTACTS);
  if (wanted.length) await repos.checkins.setContacts(person.id, kept);
  const after = (await repos.checkins.enrolment(person.id))!;
  const timeZone = await repos.people.timeZoneOf(after.communityId);
  await scheduleNextAsk(repos, after, context.now, timeZone);
  await repos.audit.append({
    communityId: after.communityId,
    actorId: context.person.id,
    action: "checkin.enrolled",
    subjectType: "CheckinEnrolment",
    subjectId: after.id,
    detail: { contacts: kept.length },
  });
  const names = after.contacts.map((one) => one.name);
  const lines = [self ? texts.enrolledSelf(after.askMinute, after.askMinute + after.graceMinutes, names) : texts.enrolledOther(person.displayName, after.askMinute, names)];
  if (ids.length > MAX_CONTACTS) lines.push(texts.tooManyContacts(MAX_CONTACTS));
  await answerPrivately(context, repos, lines.join("\n"));
  if (!self && !before?.active) await tellPrivately(repos, person.id, (lang) => checkinTexts(lang).toldEnrolled(context.person.displayName, after.askMinute));
}

/**
 * `/报平安 时间 [姓名] 8:30`: the daily question's time (the deadline moves with it), from the next one on. For someone
 * else (a contact, a captain or a coordinator may), she is told privately.
 */
export async function setTime(context: MessageBase, repos: CheckinRepos, name: string | undefined, minute: number | undefined) {
  const texts = checkinTexts(context.lang);
  if (minute === undefined) return answerPrivately(context, repos, texts.timeUsage);
  const person = await named(context, repos, name);
  if (!person) return;
  const enrolment = await repos.checkins.enrolment(person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, name ? texts.otherNotEnrolled(person.displayName) : texts.notEnrolled);
  if (!(await mayActFor(context, repos, enrolment, person.id))) return answerPrivately(context, repos, texts.notAllowed);
  await repos.checkins.setAskMinute(person.id, minute);
  const after = (await repos.checkins.enrolment(person.id))!;
  await scheduleNextAsk(repos, after, context.now, await repos.people.timeZoneOf(after.communityId));
  await repos.audit.append({ communityId: after.communityId, actorId: context.person.id, action: "checkin.time_set", subjectType: "CheckinEnrolment", subjectId: after.id, detail: { minute } });
  const self = person.id === context.person.id;
  await answerPrivately(context, repos, texts.timeSet(self ? null : person.displayName, minute, minute + after.graceMinutes));
  if (!self) await tellPrivately(repos, person.id, (lang) => checkinTexts(lang).timeToldBy(context.person.displayName, minute));
}

/** `/报平安 关闭 [姓名]`. */
export async function stop(context: MessageBase, repos: CheckinRepos, name: string | undefined) {
  const texts = checkinTexts(context.lang);
  const person = await named(context, repos, name);
  if (!person) return;
  const enrolment = await repos.checkins.enrolment(person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, name ? texts.otherNotEnrolled(person.displayName) : texts.notEnrolled);
  if (!(await mayActFor(context, repos, enrolment, person.id))) return answerPrivately(context, repos, texts.notAllowed);
  await repos.checkins.setActive(person.id, false);
  await repos.audit.append({ communityId: enrolment.communityId, actorId: context.person.id, action: "checkin.stopped", subjectType: "CheckinEnrolment", subjectId: enrolment.id });
  await answerPrivately(context, repos, person.id === context.person.id ? texts.stopped : texts.stoppedOther(person.displayName));
}

/** Pause one's own check-ins until a local date (`/报平安 暂停 7天`, or "我去女儿家住一周" read by the feature). */
export async function pauseUntil(context: MessageBase, repos: CheckinRepos, enrolment: EnrolmentView, endDate: string) {
  const timeZone = await repos.people.timeZoneOf(enrolment.communityId);
  await repos.checkins.pause(enrolment.personId, resumeAt(endDate, timeZone));
  // Today, if not yet heard from, is paused too: no question, no escalation.
  const today = localDate(context.now, timeZone);
  const day = await repos.checkins.day(enrolment.personId, today);
  if (day?.state !== "answered") await repos.checkins.saveDay(enrolment.personId, today, { state: "paused" });
  await repos.audit.append({ communityId: enrolment.communityId, actorId: context.person.id, action: "checkin.paused", subjectType: "CheckinEnrolment", subjectId: enrolment.id, detail: { until: endDate } });
  await answerPrivately(context, repos, checkinTexts(context.lang).paused(endDate.slice(5)));
}

/** `/报平安 暂停 …`. */
export async function pause(context: MessageBase, repos: CheckinRepos, rest: string) {
  const texts = checkinTexts(context.lang);
  const enrolment = await repos.checkins.enrolment(context.person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, texts.notEnrolled);
  const end = pauseEnd(rest, context.now, await repos.people.timeZoneOf(enrolment.communityId));
  if (!end) return answerPrivately(context, repos, texts.pauseUsage);
  await pauseUntil(context, repos, enrolment, end);
}

/** `/报平安 恢复`. */
export async function resume(context: MessageBase, repos: CheckinRepos) {
  const texts = checkinTexts(context.lang);
  const enrolment = await repos.checkins.enrolment(context.person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, texts.notEnrolled);
  await repos.checkins.pause(enrolment.personId, null);
  await answerPrivately(context, repos, texts.resumed);
}

/** `/报平安` alone: one's settings, or how to start. */
export async function status(context: MessageBase, repos: CheckinRepos) {
  const texts = checkinTexts(context.lang);
  const enrolment = await repos.checkins.enrolment(context.person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, texts.usage);
  const timeZone = await repos.people.timeZoneOf(enrolment.communityId);
  const paused = enrolment.pausedUntil && enrolment.pausedUntil.getTime() > context.now.getTime() ? localDate(enrolment.pausedUntil, timeZone).slice(5) : null;
  await answerPrivately(context, repos, `${texts.status(enrolment.askMinute, enrolment.askMinute + enrolment.graceMinutes, enrolment.contacts.map((one) => one.name), paused)}\n${texts.usage}`);
}
