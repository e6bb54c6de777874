/** Pure parts of summaries and digests: when the week ends, medians, and comparing one week with the one before. */
// eslint-disable-next-line linli/architecture -- until the one zoned-time module lands (issue 14, item 5)
import { zoneOffsetMinutes } from "../../../parse/dates.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** The median of some numbers, or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The first scheduled time strictly after `now` (the summary's day and time, in the community's time zone). */
export function nextSummaryAt(now: Date, schedule: { day: number; minute: number }, timeZone: string): Date {
  const offset = zoneOffsetMinutes(now, timeZone) * 60000;
  const local = new Date(now.getTime() + offset);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let days = 0; days <= 7; days += 1) {
    const day = new Date(midnight + days * DAY_MS);
    if (day.getUTCDay() !== schedule.day) continue;
    const localAt = day.getTime() + schedule.minute * 60000;
    const at = new Date(localAt - zoneOffsetMinutes(new Date(localAt - offset), timeZone) * 60000);
    if (at > now) return at;
  }
  return new Date(nextSummaryAt(new Date(now.getTime() + DAY_MS), schedule, timeZone).getTime());
}

/** The week that ends at `end`, and the week before it. */
export function weeksEndingAt(end: Date): { current: { from: Date; to: Date }; previous: { from: Date; to: Date } } {
  const from = new Date(end.getTime() - WEEK_MS);
  return { current: { from, to: end }, previous: { from: new Date(from.getTime() - WEEK_MS), to: from } };
}

/** A change from last week, for a digest line: "+3", "-2", "±0". */
export function change(now: number, before: number): string {
  const delta = Math.round((now - before) * 100) / 100;
  return delta > 0 ? `+${delta}` : delta < 0 ? `${delta}` : "±0";
}
