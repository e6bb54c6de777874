/**
 * Answers of daily check-ins: the person's own ("1", "平安", any message that day), a contact's for them, a contact's
 * options on the ladder ("1 我去看 2 联系不上", then "1 她没事 2 需要帮助"), and the check-in intent's route.
 */
import type { RequestIntent } from "../../parse/intent.ts";
import type { RequestRepos } from "../requests/repos.ts";
import type { RequestSettings } from "../requests/domain/policy.ts";
import { requestHelp } from "../requests/index.ts";
import type { CheckinIntent } from "../../parse/intent.ts";
import type { MessageBase, MessageContext } from "../../app/shared/context.ts";
import type { CheckinRepos } from "./repos.ts";
import type { EnrolmentView } from "./ports.ts";
import type { CheckinSettings } from "./flow.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { localDate } from "../../kernel/zoned-time.ts";
import { awayFor, forSomeoneElse, wantsDailyCheckin } from "./domain/words.ts";
import { askNext, recordCheckin, reportBackMessage, tellPrivately } from "./flow.ts";
import { enrol, mayActFor, named, pauseUntil } from "./enrol.ts";
import { addDays } from "../../kernel/zoned-time.ts";
import { checkinTexts } from "./texts.ts";
import { worries } from "../visits/domain/words.ts";

/** `/报平安 平安`, `/checkin ok`, "1" to the daily question: the sender is fine today. */
export async function checkInSelf(context: MessageBase, repos: CheckinRepos) {
  const texts = checkinTexts(context.lang);
  const enrolment = await repos.checkins.enrolment(context.person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, texts.notEnrolled);
  await recordCheckin(repos, enrolment, context.person.id, context.now);
  await answerPrivately(context, repos, texts.thanks);
}

/** `/报平安 李奶奶 平安`: a contact (or a captain or coordinator) has seen her and she is fine. */
export async function checkInFor(context: MessageBase, repos: CheckinRepos, name: string) {
  const texts = checkinTexts(context.lang);
  const person = await named(context, repos, name);
  if (!person) return;
  if (person.id === context.person.id) return checkInSelf(context, repos);
  const enrolment = await repos.checkins.enrolment(person.id);
  if (!enrolment?.active) return answerPrivately(context, repos, texts.otherNotEnrolled(person.displayName));
  if (!(await mayActFor(context, repos, enrolment, person.id))) return answerPrivately(context, repos, texts.notAllowed);
  await recordCheckin(repos, enrolment, context.person.id, context.now);
  await answerPrivately(context, repos, texts.thanksFor(person.displayName));
}

/**
 * "刚看过了，她挺好" in a private chat, from someone asked to look in on her today, one of her named contacts, or the one
 * who acts for her: her check-in for today. Which "her": the one the text names, else the only one of theirs not yet
 * answered today; with several, the sender is asked which. A note that worries ("看过了，她说头晕好几天了") is her
 * check-in too (she was seen), and goes privately to her grid captains and the coordinators. False when it is about
 * nobody of theirs, so the message goes where it would have gone.
 */
export async function seenInWords(context: MessageBase, repos: CheckinRepos): Promise<boolean> {
  const sender = context.person.id;
  const today = localDate(context.now, await repos.people.timeZoneOf(context.person.communityId));
  const wards = await repos.guardians.wardsOf(sender);
  const theirs = [
    ...(await repos.checkins.askedToLookIn(sender, [today])),
    ...(await repos.checkins.contactOf(sender)),
    ...(await Promise.all(wards.map((ward) => repos.checkins.enrolment(ward.personId)))).filter((one) => one !== null),
  ];
  const open: EnrolmentView[] = [];
  const answered: EnrolmentView[] = [];
  for (const enrolment of new Map(theirs.map((one) => [one.id, one])).values()) {
    if (!enrolment.active || enrolment.personId === sender || (enrolment.pausedUntil && enrolment.pausedUntil > context.now)) continue;
    const day = await repos.checkins.day(enrolment.personId, today);
    (day?.state === "answered" ? answered : open).push(enrolment);
  }
  const named = open.filter((one) => context.message.text.includes(one.personName));
  const meant = named.length > 0 ? named : open;
  const texts = checkinTexts(context.lang);
  if (meant.length === 0) {
    // Heard from today already (said twice, or she answered herself): thanked, nothing more.
    const known = answered.find((one) => context.message.text.includes(one.personName)) ?? (answered.length === 1 ? answered[0] : undefined);
    if (known) await answerPrivately(context, repos, texts.thanksFor(known.personName));
    return known !== undefined;
  }
  if (meant.length > 1) {
    const options = meant.map((one) => ({ label: one.personName, reply: `/checkin well ${one.personId}` }));
    await answerPrivately(context, repos, { text: texts.whichSeen, options, subject: texts.subject(meant.map((one) => one.personName).join("、")) });
    return true;
  }
  const enrolment = meant[0]!;
  await recordCheckin(repos, enrolment, sender, context.now);
  const note = context.message.text.slice(0, 300);
  if (worries(note).length === 0) {
    await answerPrivately(context, repos, texts.thanksFor(enrolment.personName));
    return true;
  }
  const where = await addressOf(repos, enrolment.personId);
  for (const leader of await leadersOf(repos, enrolment.personId, enrolment.communityId, sender)) {
    await tellPrivately(repos, leader, (lang) => checkinTexts(lang).seenWorry(enrolment.personName, context.person.displayName, where ?? checkinTexts(lang).noAddress, note), 8);
  }
  await repos.audit.append({ communityId: enrolment.communityId, actorId: sender, action: "checkin.seen_worry", subjectType: "Person", subjectId: enrolment.personId });
  await answerPrivately(context, repos, texts.seenWorryNoted(enrolment.personName));
  return true;
}

/** Her home as "3栋 302", or null when not registered. */
async function addressOf(repos: Pick<CheckinRepos, "people">, personId: number): Promise<string | null> {
  const residence = await repos.people.residence(personId);
  return residence ? `${residence.buildingName}${residence.room ? ` ${residence.room}` : ""}` : null;
}

/** Who follows up on her: her grid's captains and the coordinators, without the one telling. */
async function leadersOf(repos: Pick<CheckinRepos, "people">, personId: number, communityId: number, except: number): Promise<number[]> {
  const residence = await repos.people.residence(personId);
  const captains = residence?.gridId ? await repos.people.captainsOf(residence.gridId) : [];
  return [...new Set([...captains, ...(await repos.people.coordinatorsOf(communityId))])].filter((id) => id !== except);
}

/** A contact's option: going to look, unreachable, she is well, she needs help. */
export async function answerOption(
  context: MessageBase,
  repos: CheckinRepos & RequestRepos,
  settings: CheckinSettings,
  action: "going" | "unreachable" | "well" | "needhelp",
  personId: number,
  requests: RequestSettings,
) {
  const texts = checkinTexts(context.lang);
  const enrolment = await repos.checkins.enrolment(personId);
  if (!enrolment?.active) return answerPrivately(context, repos, texts.notYours);
  const timeZone = await repos.people.timeZoneOf(enrolment.communityId);
  const today = localDate(context.now, timeZone);
  // An answer just after midnight is to yesterday's question.
  const day = (await repos.checkins.day(personId, today)) ?? (await repos.checkins.day(personId, addDays(today, -1)));
  const sender = context.person.id;
  if (!day?.escalatedTo.includes(sender) && !(await mayActFor(context, repos, enrolment, personId))) return answerPrivately(context, repos, texts.notAllowed);
  if (action === "well") {
    await recordCheckin(repos, enrolment, sender, context.now);
    return answerPrivately(context, repos, texts.thanksFor(enrolment.personName));
  }
  if (action === "needhelp") return needsHelp(context, repos, enrolment.personId, enrolment.personName, enrolment.communityId, requests);
  if (!day || day.state === "answered") return answerPrivately(context, repos, texts.fineNow(enrolment.personName, null));
  if (action === "going") {
    await repos.checkins.saveDay(personId, day.date, { goingById: sender });
    await repos.audit.append({ communityId: enrolment.communityId, actorId: sender, action: "checkin.going", subjectType: "CheckinEnrolment", subjectId: enrolment.id, detail: { date: day.date } });
    await answerPrivately(context, repos, reportBackMessage(enrolment, context.lang));
    for (const asked of day.escalatedTo) {
      if (asked !== sender) await tellPrivately(repos, asked, (lang) => checkinTexts(lang).someoneGoing(context.person.displayName, enrolment.personName));
    }
    return;
  }
  if (day.goingById !== null) return answerPrivately(context, repos, texts.someoneGoing("", enrolment.personName).trimStart());
  await answerPrivately(context, repos, texts.unreachableNoted);
  if (!(await askNext(repos, enrolment, day, day.date, context.now, settings.stepMinutes))) await answerPrivately(context, repos, texts.allAsked(enrolment.personName));
}

/**
 * "需要帮助": the grid's captains and the coordinators are told privately, with her address, and an urgent help request
 * is raised for her (she is its requester; its place is her home), so volunteers nearby are asked at once. The contact
 * gets its number.
 */
async function needsHelp(context: MessageBase, repos: CheckinRepos & RequestRepos, personId: number, name: string, communityId: number, requests: RequestSettings) {
  const where = await addressOf(repos, personId);
  for (const leader of await leadersOf(repos, personId, communityId, context.person.id)) {
    await tellPrivately(repos, leader, (lang) => checkinTexts(lang).needHelp(name, context.person.displayName, where ?? checkinTexts(lang).noAddress), 9);
  }
  await repos.audit.append({ communityId, actorId: context.person.id, action: "checkin.needs_help", subjectType: "Person", subjectId: personId });
  await answerPrivately(context, repos, checkinTexts(context.lang).needHelpNoted);
  const intent: RequestIntent = { kind: "request", category: "care", what: checkinTexts(context.lang).helpWhat(name), urgent: true };
  await requestHelp(requests)({ ...context, person: { id: personId, communityId, displayName: name, lang: null }, intent }, repos);
}

/**
 * The check-in intent ("我今天挺好的", "I'm fine"): an enrolled person's check-in (thanked in a private chat only);
 * "每天报平安" enrols the sender; "帮我妈开通报平安" gets the command to do it; anyone else in a private chat hears how.
 */
export function checkinRoute(settings: CheckinSettings) {
  return async (context: MessageContext<CheckinIntent>, repos: CheckinRepos) => {
    const texts = checkinTexts(context.lang);
    const text = context.message.text;
    const enrolment = await repos.checkins.enrolment(context.person.id);
    if (enrolment?.active) {
      await recordCheckin(repos, enrolment, context.person.id, context.now);
      if (context.chat.kind === "private") await reply(context, repos, texts.thanks);
      return;
    }
    if (forSomeoneElse(text)) return answerPrivately(context, repos, texts.forRelative);
    if (wantsDailyCheckin(text)) return enrol(context, repos, settings, undefined, []);
    if (context.chat.kind === "private") await reply(context, repos, texts.howToEnrol);
  };
}

/** A message from an enrolled person that is a command of something else: today's check-in, recorded silently. */
export async function recordPresence(context: MessageBase, repos: CheckinRepos): Promise<void> {
  const enrolment = await repos.checkins.enrolment(context.person.id);
  if (enrolment?.active) await recordCheckin(repos, enrolment, context.person.id, context.now);
}

/**
 * Any message from an enrolled person, in any chat: being away for a while ("我去女儿家住一周") pauses their
 * check-ins; anything else is today's check-in, recorded silently.
 */
export async function noticeEnrolled(context: MessageBase, repos: CheckinRepos): Promise<void> {
  const enrolment = await repos.checkins.enrolment(context.person.id);
  if (!enrolment?.active) return;
  const away = awayFor(context.message.text);
  if (away !== undefined) {
    const timeZone = await repos.people.timeZoneOf(enrolment.communityId);
    return pauseUntil(context, repos, enrolment, addDays(localDate(context.now, timeZone), away));
  }
  await recordCheckin(repos, enrolment, context.person.id, context.now);
}
