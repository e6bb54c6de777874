/**
 * `/ical 12` or `/日历`: an event (or the chat's upcoming events) as an .ics file, where the platform can send files;
 * elsewhere the reply says so. Coordinators can always export with `npm run -s ical` (src/cli/ical.ts).
 */
import type { EventRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import type { EventView } from "./ports.ts";
import { reply } from "../../app/shared/context.ts";
import { toICal } from "./domain/ical.ts";
import { eventTexts } from "./texts.ts";
import { namedEvent } from "./sign-up.ts";

/** An event, or a list of them, as calendar entries. */
export function calendarOf(events: EventView[], name: string, now: Date): string {
  return toICal(
    events.map((event) => ({ id: event.id, title: event.title, place: event.place, startsAt: event.startsAt, endsAt: event.endsAt, cancelled: event.state === "cancelled" })),
    name,
    now,
  );
}

/** `/ical [12]`. */
export const exportCalendar: Handler<CommandIntent, EventRepos> = async (context, repos) => {
  const texts = eventTexts(context.lang);
  const one = /\d/u.test(context.intent.args);
  const events = one ? [await namedEvent(context, repos)].filter((event): event is EventView => event !== null) : await repos.events.upcomingInChat(context.chat.id, context.now);
  if (one && events.length === 0) return; // namedEvent has answered
  if (events.length === 0) return reply(context, repos, texts.noneUpcoming);
  const name = one ? events[0]!.title : context.chat.title;
  await reply(context, repos, {
    text: texts.calendar(name, events.length),
    file: { name: one ? `linli-event-${events[0]!.id}.ics` : "linli-events.ics", mime: "text/calendar", content: calendarOf(events, name, context.now) },
  });
};
