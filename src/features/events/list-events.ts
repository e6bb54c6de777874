/**
 * "这周有什么活动" / `/events`: the chat's upcoming events with their places taken; `/roster 12` for the organiser,
 * group admins and coordinators: the names only (in a group too), never contact details; `/取消活动 12` cancels.
 */
import type { EventRepos } from "./repos.ts";
import type { CommandIntent, QueryIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { eventTexts, formatWhen } from "./texts.ts";
import { mayManage } from "./create-event.ts";
import { eventChat, namedEvent } from "./sign-up.ts";
import { tell } from "../../app/shared/tell.ts";
import { t } from "../../app/shared/texts.ts";

/** `/events`. */
export const listEventsCommand: Handler<CommandIntent, EventRepos> = (context, repos) => listEvents(context, repos);

/** An events query in words. */
export async function listEvents(context: MessageContext, repos: EventRepos): Promise<void> {
  const texts = eventTexts(context.lang);
  if (context.chat.kind !== "group") return reply(context, repos, t(context.lang).onlyInGroups);
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  const events = await repos.events.upcomingInChat(context.chat.id, context.now);
  if (events.length === 0) return reply(context, repos, texts.noneUpcoming);
  const lines = events.map((event) =>
    texts.listLine({ id: event.id, title: event.title, when: formatWhen(event.startsAt, event.endsAt, timeZone, context.lang), taken: event.confirmed, capacity: event.capacity }),
  );
  await reply(context, repos, [texts.listHeader, ...lines].join("\n"));
}

/** A `query` intent about events (the other topics are answered by their own features). */
export const answerEventsQuery: Handler<QueryIntent, EventRepos> = (context, repos) => listEvents(context, repos);

/** `/roster 12`. */
export const showRoster: Handler<CommandIntent, EventRepos> = async (context, repos) => {
  const event = await namedEvent(context, repos);
  if (!event) return;
  if (!(await mayManage(context, repos, event))) return reply(context, repos, t(context.lang).needAdmin);
  const signUps = await repos.events.signUps(event.id);
  const name = (one: { displayName: string; count: number }) => (one.count > 1 ? `${one.displayName}+${one.count - 1}` : one.displayName);
  await reply(
    context,
    repos,
    eventTexts(context.lang).roster(
      event.title,
      signUps.filter((one) => one.state === "confirmed").map(name),
      signUps.filter((one) => one.state === "waitlisted").map(name),
    ),
  );
};

/** `/取消活动 12`: the organiser (or an admin or coordinator) cancels; everyone signed up hears privately; no reminders follow. */
export const cancelEvent: Handler<CommandIntent, EventRepos> = async (context, repos) => {
  const event = await namedEvent(context, repos);
  if (!event) return;
  if (!(await mayManage(context, repos, event))) return reply(context, repos, t(context.lang).needAdmin);
  if (!(await repos.events.cancel(event.id))) return reply(context, repos, eventTexts(context.lang).over(event.title));
  const timeZone = await repos.people.timeZoneOf(event.communityId);
  for (const one of await repos.events.signUps(event.id)) {
    if (one.personId === context.person.id) continue;
    await tell(repos, one.personId, eventChat(event), (lang) => eventTexts(lang).eventCancelled(event.title, formatWhen(event.startsAt, event.endsAt, timeZone, lang)));
  }
  await repos.audit.append({ communityId: event.communityId, actorId: context.person.id, action: "event.cancelled", subjectType: "Event", subjectId: event.id });
  await reply(context, repos, eventTexts(context.lang).cancelledEvent(event.title));
};
