/** When the monthly stars go out (the first of each month, 09:00 community time) and which month they are about. */
import { addDays, atLocal, localDate, startOfLocalDay } from "../../../kernel/zoned-time.ts";

/** The hour of the morning the stars are posted on the first of the month. */
export const STARS_HOUR = 9;

/** The first of the month after `date`'s ("2026-11-25" -> "2026-12-01"). */
function nextFirst(date: string): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** The next first-of-the-month morning strictly after `now`. */
export function nextStarsAt(now: Date, timeZone: string): Date {
  const first = `${localDate(now, timeZone).slice(0, 7)}-01`;
  const thisMonth = atLocal(first, { hour: STARS_HOUR, minute: 0 }, timeZone);
  return thisMonth > now ? thisMonth : atLocal(nextFirst(first), { hour: STARS_HOUR, minute: 0 }, timeZone);
}

/** The month before `at` (a first-of-the-month morning): [its first day's start, this first day's start), and its month. */
export function monthBefore(at: Date, timeZone: string): { from: Date; to: Date; year: number; month: number } {
  const today = localDate(at, timeZone);
  const first = `${today.slice(0, 7)}-01`;
  const previous = `${addDays(first, -1).slice(0, 7)}-01`;
  const [year, month] = previous.split("-").map(Number) as [number, number];
  return { from: startOfLocalDay(previous, timeZone), to: startOfLocalDay(first, timeZone), year, month };
}
