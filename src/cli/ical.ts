/**
 * `npm run -s ical -- --event 12` or `npm run -s ical -- --chat 3栋邻里群`: an event, or a chat's upcoming events, as
 * an iCalendar file on standard output (for coordinators to share or import into a calendar app).
 */
import { loadConfig } from "../config.ts";
import { systemClock } from "../kernel/clock.ts";
import { calendarOf } from "../features/events/export-calendar.ts";
import { runCli, withDatabase } from "./cli.ts";

const USAGE = "usage: npm run -s ical -- --event ID | --chat \"chat title\"\n";

async function main(argv: string[]): Promise<number> {
  const [flag, value] = argv;
  if ((flag !== "--event" && flag !== "--chat") || !value || (flag === "--event" && !/^\d+$/u.test(value))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const now = systemClock.now();
  const found = await withDatabase((uow, prisma) =>
    uow.run(async (repos) => {
      if (flag === "--event") {
        const event = await repos.events.get(Number(value));
        return event ? { name: event.title, events: [event] } : null;
      }
      const chat = await prisma.chat.findFirst({ where: { title: value }, select: { id: true, title: true } });
      return chat ? { name: chat.title, events: await repos.events.upcomingInChat(chat.id, now) } : null;
    }),
  );
  if (!found) {
    process.stderr.write(`No ${flag === "--event" ? `event #${value}` : `chat titled "${value}"`} in ${loadConfig().databaseUrl}.\n`);
    return 1;
  }
  process.stdout.write(calendarOf(found.events, found.name, now));
  return 0;
}

runCli(() => main(process.argv.slice(2)), "Export failed");
