/**
 * Signing up for events and leaving them, however residents say it: "报名", "+2", "算我一个", "sign me up for
 * Saturday", a button or a numbered reply (`/join 12`), or a 接龙 re-post (added names sign up, removed ones cancel).
 * The event is the one named by date or title, else the only open one in the chat, else the bot asks. Beyond capacity
 * people join the waitlist; a cancellation promotes the waitlist in order, and the promoted hear it privately.
 * Nobody is counted twice: one sign-up per person and event. In a group the bot does not answer each sign-up: the
 * person hears privately and the group gets one summary per event per few minutes (acknowledge.ts).
 */
import type { EventRepos } from "./repos.ts";
import type { CancelSignupIntent, CommandIntent, EventRef, SignupIntent } from "../../parse/intent.ts";
import type { EventView } from "./ports.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { placeFor, promotions } from "./domain/sign-up-policy.ts";
import { compareWithLastCopy } from "./compare-group-note.ts";
import { eventTexts, formatWhen } from "./texts.ts";
import { confirmPrivately, noteForGroup } from "./acknowledge.ts";
import { atLocal, localDate } from "../../kernel/zoned-time.ts";
import { findCount } from "../../parse/counts.ts";
import { mayOrganise, scheduleEventJobs } from "./create-event.ts";
import { escapeRegExp } from "../../parse/normalize.ts";

/** A `signup` intent: words, +N, or a 接龙 list. */
export const signUpInWords: Handler<SignupIntent, EventRepos> = async (context, repos) => {
  if (context.intent.list) return signUpFromList(context, repos);
  const event = await resolveEvent(context, repos, context.intent.event, "join", context.intent.count);
  if (event) await join(context, repos, event, context.person.id, context.intent.count, true);
};

/** A `cancel_signup` intent. */
export const cancelInWords: Handler<CancelSignupIntent, EventRepos> = async (context, repos) => {
  const event = await resolveEvent(context, repos, context.intent.event, "leave");
  if (event) await leave(context, repos, event, context.person.id, true);
};

/** `/join 12 [2]` (the card's button or numbered reply). */
export const joinCommand: Handler<CommandIntent, EventRepos> = async (context, repos) => {
  const event = await namedEvent(context, repos);
  const count = findCount(context.intent.args.replace(/^\s*#?\d+/u, "")) ?? Number(/^\s*#?\d+\s+(\d{1,2})(?!\d)/u.exec(context.intent.args)?.[1] ?? 1);
  if (event) await join(context, repos, event, context.person.id, Math.max(1, count), true);
};

/** `/leave 12`. */
export const leaveCommand: Handler<CommandIntent, EventRepos> = async (context, repos) => {
  const event = await namedEvent(context, repos);
  if (event) await leave(context, repos, event, context.person.id, true);
};

/** The event a command names ("12", "#12"), or a reply saying what is wrong. */
export async function namedEvent(context: MessageContext<CommandIntent>, repos: Pick<EventRepos, "events" | "outboxes" | "people">): Promise<EventView | null> {
  const texts = eventTexts(context.lang);
  const number = /^\s*#?(\d{1,9})(?=\s|$)/u.exec(context.intent.args)?.[1];
  if (!number) {
    const upcoming = context.chat.kind === "group" ? await repos.events.upcomingInChat(context.chat.id, context.now) : [];
    if (upcoming.length === 1) return upcoming[0]!;
    await reply(context, repos, upcoming.length ? await whichEvent(context, repos, upcoming, context.intent.name === "leave" ? "leave" : "join") : texts.noEvent);
    return null;
  }
  const event = await repos.events.get(Number(number));
  if (!event || event.communityId !== context.person.communityId) {
    await reply(context, repos, texts.notFound(number));
    return null;
  }
  return event;
}

/** The event meant: by date, then title words, among the chat's open events; else the only one; else ask. */
async function resolveEvent(context: MessageContext, repos: EventRepos, ref: EventRef, action: "join" | "leave", count = 1): Promise<EventView | null> {
  const texts = eventTexts(context.lang);
  if (context.chat.kind !== "group") {
    await reply(context, repos, texts.inTheGroup); // a private "报名": which group's event is not known here
    return null;
  }
  const upcoming = await repos.events.upcomingInChat(context.chat.id, context.now);
  if (upcoming.length === 0) {
    if (context.message.addressedToBot || ref.when || ref.title) await reply(context, repos, texts.noEvent);
    return null;
  }
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  let matches = ref.when ? upcoming.filter((event) => localDate(event.startsAt, timeZone) === ref.when!.date) : upcoming;
  if (matches.length !== 1 && ref.title) {
    const byTitle = (matches.length ? matches : upcoming).filter((event) => sharesWords(event.title, ref.title!));
    if (byTitle.length) matches = byTitle;
  }
  if (matches.length === 1) return matches[0]!;
  await reply(context, repos, await whichEvent(context, repos, matches.length ? matches : upcoming, action, count));
  return null;
}

async function whichEvent(context: MessageContext, repos: Pick<EventRepos, "events" | "outboxes" | "people">, events: EventView[], action: "join" | "leave", count = 1) {
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  return {
    text: eventTexts(context.lang).whichEvent,
    options: events.slice(0, 5).map((event) => ({
      label: `${formatWhen(event.startsAt, null, timeZone, context.lang)} ${event.title}`,
      reply: `/${action} ${event.id}${action === "join" && count > 1 ? ` ${count}` : ""}`,
    })),
  };
}

/**
 * Sign `personId` up for `count` people: confirmed while there is room for the whole party, else waitlisted.
 * The person hears where they stand privately (as the reply, in a private chat) and the group hears it in the event's
 * next summary, never in a reply per sign-up. A refusal (the event is over or sign-ups have closed: nothing is
 * recorded) is answered at once where it was asked, since the person would otherwise believe they are in.
 * `answer` false (a 接龙 entry): repeats and refusals are left to the list. Returns where they ended up, or null.
 */
export async function join(
  context: MessageContext,
  repos: EventRepos,
  event: EventView,
  personId: number,
  count: number,
  answer: boolean,
): Promise<"confirmed" | "waitlisted" | null> {
  const texts = eventTexts(context.lang);
  const refuse = (text: string) => (answer ? reply(context, repos, text) : Promise.resolve());
  const repeat = (text: (lang: Lang) => string) => (answer ? toPerson(context, repos, personId, text) : Promise.resolve());
  if (event.state !== "open" || context.now >= event.startsAt) return refuse(texts.over(event.title)).then(() => null);
  if (event.deadline && context.now > event.deadline) return refuse(texts.closed(event.title)).then(() => null);
  const existing = await repos.events.signUpOf(event.id, personId);
  if (existing?.state === "waitlisted") {
    const rank = await waitRank(repos, event.id, personId);
    return repeat((lang) => eventTexts(lang).alreadyWaiting(event.title, rank)).then(() => "waitlisted" as const);
  }
  let state: "confirmed" | "waitlisted";
  if (existing?.state === "confirmed") {
    const others = event.confirmed - existing.count;
    // Saying "报名" again never shrinks a party ("+2" then "+1" is the same two); a bigger party needs the room.
    if (count <= existing.count || placeFor(event.capacity, others, count) !== "confirmed") {
      return repeat((lang) => eventTexts(lang).already(event.title, existing.count)).then(() => "confirmed" as const);
    }
    await repos.events.saveSignUp(event.id, personId, count, "confirmed", existing.position);
    state = "confirmed";
  } else {
    state = placeFor(event.capacity, event.confirmed, count);
    await repos.events.saveSignUp(event.id, personId, count, state, await repos.events.nextPosition(event.id));
  }
  const taken = event.confirmed - (existing?.state === "confirmed" ? existing.count : 0) + count;
  if (state === "confirmed") await toPerson(context, repos, personId, (lang) => eventTexts(lang).confirmed(event.title, count, taken, event.capacity));
  else {
    const rank = await waitRank(repos, event.id, personId);
    await toPerson(context, repos, personId, (lang) => eventTexts(lang).waitlisted(event.title, rank));
  }
  const name = personId === context.person.id ? context.person.displayName : await nameOf(repos, event.id, personId);
  await noteForGroup(repos, context, event, [{ kind: state === "confirmed" ? "added" : "waiting", who: { personId, name, count } }]);
  return state;
}

/**
 * Cancel a sign-up; a freed place promotes the waitlist in order. The person and the promoted hear it privately, the
 * group in the next summary. `answer` false (a 接龙 entry): nothing is said to the person beyond the summary.
 */
export async function leave(context: MessageContext, repos: EventRepos, event: EventView, personId: number, answer: boolean): Promise<boolean> {
  const texts = eventTexts(context.lang);
  if (event.state !== "open" || context.now >= event.startsAt) {
    if (answer) await reply(context, repos, texts.over(event.title));
    return false;
  }
  const was = await repos.events.cancelSignUp(event.id, personId);
  if (answer) await toPerson(context, repos, personId, (lang) => (was ? eventTexts(lang).cancelled(event.title) : eventTexts(lang).notSignedUp(event.title)));
  if (was) {
    const gone = await repos.events.signUpOf(event.id, personId);
    await noteForGroup(repos, context, event, [{ kind: "removed", who: { personId, name: gone?.displayName ?? String(personId), count: gone?.count ?? 1 } }]);
  }
  if (was !== "confirmed") return was !== null;
  const signUps = await repos.events.signUps(event.id);
  const confirmed = signUps.filter((one) => one.state === "confirmed").reduce((sum, one) => sum + one.count, 0);
  const waitlist = signUps.filter((one) => one.state === "waitlisted");
  const timeZone = await repos.people.timeZoneOf(event.communityId);
  for (const promoted of promotions(event.capacity, confirmed, waitlist)) {
    await repos.events.saveSignUp(event.id, promoted.personId, promoted.count, "confirmed", promoted.position);
    // Privately, without a group mention: the summary names them ("候补转正").
    await confirmPrivately(repos, context, promoted.personId, (lang) => eventTexts(lang).promoted(event.title, formatWhen(event.startsAt, event.endsAt, timeZone, lang)));
    await noteForGroup(repos, context, event, [{ kind: "promoted", who: { personId: promoted.personId, name: promoted.displayName, count: promoted.count } }]);
    await repos.audit.append({ communityId: event.communityId, action: "event.promoted", subjectType: "Event", subjectId: event.id, detail: { personId: promoted.personId } });
  }
  return true;
}

/** Where a person's own sign-up answer goes: the reply in a private chat with them, else privately (see acknowledge.ts). */
function toPerson(context: MessageContext, repos: EventRepos, personId: number, text: (lang: Lang) => string): Promise<unknown> {
  if (context.chat.kind === "private" && personId === context.person.id) return reply(context, repos, text(context.lang));
  return confirmPrivately(repos, context, personId, text);
}

/** A person's name as the group summary gives it (their display name). */
async function nameOf(repos: EventRepos, eventId: number, personId: number): Promise<string> {
  return (await repos.events.signUpOf(eventId, personId))?.displayName ?? String(personId);
}

/**
 * A 接龙 re-post: compared with the last copy in this chat; added names sign up, removed ones cancel. The list stands
 * for the event it was linked to, else the chat's event it names, else a new event when its title has a date.
 */
async function signUpFromList(context: MessageContext<SignupIntent>, repos: EventRepos): Promise<void> {
  const list = context.intent.list!;
  if (context.chat.kind !== "group") return;
  const linked = await repos.events.eventOfList(context.chat.id, list.title);
  let event = linked ? await repos.events.get(linked) : null;
  // The copy is compared and kept only once the list stands for an event, so no name is lost before that.
  if (!event) event = await listEvent(context, repos, list.title);
  if (!event) return;
  const diff = await compareWithLastCopy(repos, context.chat.id, list);
  if (!linked) await repos.events.linkList(context.chat.id, list.title, event.id);
  const members = await repos.events.membersByName(context.chat.id);
  // An entry is a member's name, alone or followed by a note ("王师傅 +1", "张阿姨(带孙子)"): never a mere prefix.
  const who = (entry: string) =>
    members.find((member) => member.names.some((name) => name && (entry === name || new RegExp(`^${escapeRegExp(name)}(?=[\\s+＋(（,，:：\\d]|$)`, "u").test(entry))));
  // Each change goes to the person privately and into the group's next summary (see join/leave), not into a reply.
  const unknown: string[] = [];
  let refused = false;
  for (const entry of [...diff.added, ...diff.edited.map((edit) => edit.to)]) {
    const member = who(entry);
    if (!member) {
      unknown.push(entry);
      continue;
    }
    if (await repos.events.signUpOf(event.id, member.personId).then((one) => one && one.state !== "cancelled")) continue; // already in
    const fresh = (await repos.events.get(event.id))!;
    if ((await join(context, repos, fresh, member.personId, findCount(entry) ?? 1, false)) === null) refused = true;
  }
  for (const entry of [...diff.removed, ...diff.edited.map((edit) => edit.from)]) {
    const member = who(entry);
    if (!member || diff.edited.some((edit) => edit.from === entry && who(edit.to)?.personId === member.personId)) continue;
    await leave(context, repos, (await repos.events.get(event.id))!, member.personId, false);
  }
  await noteForGroup(repos, context, event, unknown.map((entry) => ({ kind: "unknown" as const, entry })));
  // A refusal is the one answer the list gets at once: nothing was recorded for its new names.
  if (refused) await reply(context, repos, context.now >= event.startsAt ? eventTexts(context.lang).over(event.title) : eventTexts(context.lang).closed(event.title));
}

/** The chat's event a list title names (by date or words), or a new one adopted from a dated title. */
async function listEvent(context: MessageContext<SignupIntent>, repos: EventRepos, title: string): Promise<EventView | null> {
  const ref = context.intent.event;
  const upcoming = await repos.events.upcomingInChat(context.chat.id, context.now);
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  // A list stands for an event of this chat with a matching title (and the same day, when the list names one).
  const named = upcoming.filter(
    (event) => sharesWords(event.title, title) && (!ref.when || localDate(event.startsAt, timeZone) === ref.when.date),
  );
  if (named.length === 1) return named[0]!;
  // Only an organiser's dated list becomes a new event; anyone else's (a group-buy, a carpool) is left alone.
  if (!ref.when || !(await mayOrganise(context, repos))) return null;
  const startsAt = ref.when.start ?? atLocal(ref.when.date, { hour: 9, minute: 0 }, timeZone);
  if (startsAt <= context.now) return null;
  const { id } = await repos.events.create({
    communityId: context.person.communityId,
    organiserId: context.person.id,
    title,
    place: null,
    startsAt,
    endsAt: ref.when.end ?? null,
    capacity: null,
    deadline: null,
    kind: "activity",
    recurrence: null,
    reminders: [24 * 60, 2 * 60],
    creditMinutes: 0,
    chatIds: [context.chat.id],
  });
  const event = (await repos.events.get(id))!;
  await scheduleEventJobs(repos, event, context.now);
  await reply(context, repos, eventTexts(context.lang).listAdopted(title, id));
  return event;
}

/** Where to mention someone whose private message cannot be delivered: the event's first chat. */
export function eventChat(event: EventView) {
  const chat = event.chats[0];
  return { chatId: chat?.id ?? null, chat: chat ? { ...chat, kind: "group" as const } : null };
}

async function waitRank(repos: EventRepos, eventId: number, personId: number): Promise<number> {
  const waitlist = (await repos.events.signUps(eventId)).filter((one) => one.state === "waitlisted");
  return waitlist.findIndex((one) => one.personId === personId) + 1;
}

/** Whether two titles share a word (English) or two characters in a row (Chinese). */
function sharesWords(a: string, b: string): boolean {
  const grams = (text: string) => {
    const lower = text.toLowerCase();
    const words = lower.match(/[a-z]{3,}/gu) ?? [];
    const han = [...lower.replace(/[^\u4e00-\u9fff]/gu, "")];
    return new Set([...words, ...han.slice(1).map((char, index) => han[index]! + char)]);
  };
  const mine = grams(a);
  return [...grams(b)].some((gram) => mine.has(gram));
}
