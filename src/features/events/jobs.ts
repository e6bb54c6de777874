/**
 * Events on the clock: each participant's reminder (24 h and 2 h before, privately; a group mention where that is
 * impossible) and the organiser's notice when sign-ups close. Jobs are persisted, run once, and are dropped past the
 * event's start (after downtime) or skipped for a cancelled event.
 */
import type { EventRepos } from "./repos.ts";
import type { JobHandler } from "../../app/ports.ts";
import { eventTexts, formatWhen } from "./texts.ts";
import { tell } from "../../app/shared/tell.ts";
import { eventChat } from "./sign-up.ts";

/** A reminder to every confirmed participant. */
export const remindEventJob: JobHandler<EventRepos> = async (payload, repos, job) => {
  const { eventId, offset } = payload as { eventId: number; offset: number };
  const event = await repos.events.get(eventId);
  if (!event || event.state !== "open" || job.now >= event.startsAt) return;
  const timeZone = await repos.people.timeZoneOf(event.communityId);
  const people = (await repos.events.signUps(eventId)).filter((one) => one.state === "confirmed");
  // Worded from the time actually left: a reminder sent late after downtime must not say "tomorrow" an hour before.
  const minutesLeft = Math.round((event.startsAt.getTime() - job.now.getTime()) / 60_000);
  for (const person of people) {
    await tell(repos, person.personId, eventChat(event), (lang) =>
      eventTexts(lang).remind(event.title, formatWhen(event.startsAt, event.endsAt, timeZone, lang), event.place, minutesLeft),
    );
  }
  await repos.audit.append({ communityId: event.communityId, action: "event.reminded", subjectType: "Event", subjectId: eventId, detail: { offset, people: people.length } });
};

/** Sign-ups closed: the organiser hears the numbers privately. */
export const eventDeadlineJob: JobHandler<EventRepos> = async (payload, repos) => {
  const { eventId } = payload as { eventId: number };
  const event = await repos.events.get(eventId);
  if (!event || event.state !== "open") return;
  await tell(repos, event.organiserId, eventChat(event), (lang) =>
    eventTexts(lang).deadlinePassed(event.title, event.confirmed, event.waitlisted, event.capacity),
  );
};
