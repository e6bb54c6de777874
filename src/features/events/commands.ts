/** The commands of events: creating one, joining and leaving, lists, the roster, the calendar, cancelling. */
import { command } from "../../app/shared/command.ts";
import { createEvent } from "./create-event.ts";
import { joinCommand, leaveCommand } from "./sign-up.ts";
import { cancelEvent, listEventsCommand, showRoster } from "./list-events.ts";
import { exportCalendar } from "./export-calendar.ts";

export const eventCommands = [
  command({
    name: "event",
    zh: "活动",
    aliases: ["发起活动"],
    where: "group",
    who: "groupAdmin",
    handler: createEvent,
    help: {
      line: "events",
      order: 1,
      zh: { before: "群管理员 ", example: "周六 9:00-11:00 除草 限20人 截止周五20:00" },
      en: { before: "admins ", example: "Sat 9am-11am Garden cleanup, 20 places" },
    },
  }),
  command({ name: "join", zh: "报名", handler: joinCommand, menu: { order: 6, zh: "报名活动", en: "Sign up for an event" } }),
  command({
    name: "leave",
    zh: "取消报名",
    aliases: ["退出"],
    handler: leaveCommand,
    help: { line: "events", order: 2, zh: { joiner: "；", before: "说“报名”或 +1 报名，", example: "12" }, en: { joiner: "; ", before: 'say "sign me up" or +1, ', example: "12" } },
    menu: { order: 7, zh: "取消报名", en: "Cancel a sign-up" },
  }),
  command({
    name: "events",
    zh: "近期活动",
    aliases: ["活动列表"],
    where: "group",
    handler: listEventsCommand,
    help: { line: "events", order: 3, zh: { joiner: "；" }, en: { joiner: "; " } },
    menu: { order: 5, zh: "近期活动", en: "Upcoming events" },
  }),
  command({ name: "roster", zh: "名单", aliases: ["报名名单"], handler: showRoster, help: { line: "events", order: 4, zh: { example: "12" }, en: { example: "12" } } }),
  command({
    name: "ical",
    zh: "日历",
    aliases: ["calendar"],
    handler: exportCalendar,
    help: { line: "events", order: 6, zh: {}, en: {} },
  }),
  command({ name: "cancelevent", zh: "取消活动", handler: cancelEvent }),
];
