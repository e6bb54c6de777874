/**
 * A weekly event rolls on: when an occurrence starts, the next week's is created (same chats, place, capacity, and
 * the same local start, end and deadline times in the community's zone). For a duty with a capacity the holders
 * rotate: the next people in the series' pool (everyone who has signed up, in the order they first joined) are signed
 * up and told privately; they can /leave as usual.
 */
import type { EventRepos } from "./repos.ts";
import type { JobHandler } from "../../app/ports.ts";
import { nextHolders } from "./domain/sign-up-policy.ts";
import { eventTexts, formatWhen } from "./texts.ts";
import { cardOptions, cardText, scheduleEventJobs } from "./create-event.ts";
import { tell } from "../../app/shared/tell.ts";
import { addLocalWeeks } from "../../kernel/zoned-time.ts";
import { eventChat } from "./sign-up.ts";

/** Create next week's occurrence (later weeks if the bot was down long), rotating a duty's holders. */
export const recurEventJob: JobHandler<EventRepos> = async (payload, repos, job) => {
  const { eventId } = payload as { eventId: number };
  const event = await repos.events.get(eventId);
  if (!event || event.recurrence !== "weekly") return; // a cancelled week still rolls on to the next
  const timeZone = await repos.people.timeZoneOf(event.communityId);
  // The same local wall times a week on (09:00 stays 09:00 across a daylight-saving change).
  let weeks = 1;
  while (addLocalWeeks(event.startsAt, weeks, timeZone) <= job.now) weeks += 1;
  const shift = (date: Date | null) => (date ? addLocalWeeks(date, weeks, timeZone) : null);
  const { id } = await repos.events.create({
    communityId: event.communityId,
    organiserId: event.organiserId,
    title: event.title,
    place: event.place,
    startsAt: shift(event.startsAt)!,
    endsAt: shift(event.endsAt),
    capacity: event.capacity,
    deadline: shift(event.deadline),
    kind: event.kind,
    recurrence: "weekly",
    reminders: event.reminders,
    creditMinutes: event.creditMinutes,
    chatIds: event.chats.map((chat) => chat.id),
    seriesId: event.seriesId,
  });
  const next = (await repos.events.get(id))!;
  const holders =
    event.kind === "duty" && event.capacity !== null
      ? nextHolders(
          await repos.events.seriesPool(event.seriesId),
          (await repos.events.signUps(event.id)).filter((one) => one.state === "confirmed").map((one) => one.personId),
          event.capacity,
        )
      : [];
  for (const [index, personId] of holders.entries()) {
    await repos.events.saveSignUp(id, personId, 1, "confirmed", index + 1);
    await tell(repos, personId, eventChat(next), (lang) =>
      eventTexts(lang).yourTurn(next.title, formatWhen(next.startsAt, next.endsAt, timeZone, lang), id),
    );
  }
  const posted = (await repos.events.get(id))!;
  const names = (await repos.events.signUps(id)).map((one) => one.displayName);
  for (const chat of posted.chats) {
    const texts = eventTexts(chat.lang);
    await repos.outboxes.enqueue(
      { kind: "chat", platform: chat.platform, chatId: chat.externalId },
      { text: texts.nextWeek(cardText(posted, timeZone, chat.lang), names), options: cardOptions(posted, chat.lang), audience: "anyone", subject: posted.title },
      { lang: chat.lang },
    );
  }
  await scheduleEventJobs(repos, posted, job.now);
  await repos.audit.append({ communityId: event.communityId, action: "event.recurred", subjectType: "Event", subjectId: id, detail: { from: eventId, holders } });
};
