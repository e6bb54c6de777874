/** Pure parts of summaries and digests: when the week ends, medians, and comparing one week with the one before. */
import { addLocalWeeks, nextLocal } from "../../../kernel/zoned-time.ts";

/** The median of some numbers, or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The first scheduled time strictly after `now` (the summary's day and time, in the community's time zone). */
export function nextSummaryAt(now: Date, schedule: { day: number; minute: number }, timeZone: string): Date {
  return nextLocal(schedule.day, schedule.minute, now, timeZone);
}

/** The week that ends at `end`, and the week before it: seven local days each (168 hours but near a clock change). */
export function weeksEndingAt(end: Date, timeZone = "UTC"): { current: { from: Date; to: Date }; previous: { from: Date; to: Date } } {
  const from = addLocalWeeks(end, -1, timeZone);
  return { current: { from, to: end }, previous: { from: addLocalWeeks(end, -2, timeZone), to: from } };
}

/** A change from last week, for a digest line: "+3", "-2", "±0". */
export function change(now: number, before: number): string {
  const delta = Math.round((now - before) * 100) / 100;
  return delta > 0 ? `+${delta}` : delta < 0 ? `${delta}` : "±0";
}
