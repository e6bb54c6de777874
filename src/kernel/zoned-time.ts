/**
 * Local time in an IANA zone: every local date, local midnight, wall-clock time and weekday of the app is computed
 * here, from Intl (the machine's zone is never read). Dates are "YYYY-MM-DD" on the zone's calendar; weekdays are
 * 0 Sunday … 6 Saturday, as Date#getUTCDay. Elapsed durations ("24 hours ago") need none of this.
 *
 * A wall time that a daylight-saving change skips or repeats is resolved as Temporal's "compatible" does: in the
 * spring gap it moves forward by the gap (01:30 on 29 March 2026 in London is 02:30 BST); in the autumn overlap it
 * is the earlier instant (01:30 on 25 October 2026 in London is 01:30 BST, 00:30Z).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

/** A local time of day: minutes after midnight (up to 1440, the next midnight), or an hour and a minute. */
export type LocalTime = number | { hour: number; minute: number };

/**
 * Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai, 60 for Europe/London in summer).
 * Cached per zone and 15-minute slice of time (zone changes fall on quarter hours): Intl costs ~14 µs a call.
 */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  const bucket = Math.floor((typeof instant === "number" ? instant : instant.getTime()) / BUCKET_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let minutes = zone.get(bucket);
  if (minutes === undefined) {
    if (zone.size > 4096) zone.clear();
    minutes = intlOffset(bucket * BUCKET_MS, timeZone);
    zone.set(bucket, minutes);
  }
  return minutes;
}

function intlOffset(ms: number, timeZone: string): number {
  const two = "2-digit" as const;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: two, day: two, hour: two, minute: two, second: two });
    formatters.set(timeZone, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - ms) / MINUTE_MS);
}

/** The instant's wall clock as if it were UTC: its UTC fields are the local ones. */
const wallMs = (instant: Date, timeZone: string): number => instant.getTime() + offsetMinutes(instant, timeZone) * MINUTE_MS;

/** Local days since 1970-01-01 of an instant (for calendar arithmetic on day numbers). */
export function localDay(instant: Date, timeZone: string): number {
  return Math.floor(wallMs(instant, timeZone) / DAY_MS);
}

/** "YYYY-MM-DD" of a day number (days since 1970-01-01). */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Day number of a "YYYY-MM-DD" date. */
export const dayOfDate = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** The local date of an instant: "2026-11-28". */
export function localDate(instant: Date, timeZone: string): string {
  return dateOfDay(localDay(instant, timeZone));
}

/** Minutes after local midnight of an instant (0-1439). */
export function localMinute(instant: Date, timeZone: string): number {
  return Math.floor((((wallMs(instant, timeZone) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** The local weekday of an instant: 0 Sunday … 6 Saturday. */
export function weekday(instant: Date, timeZone: string): number {
  return weekdayOfDate(localDate(instant, timeZone));
}

/** The weekday of a date: 0 Sunday … 6 Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDate(date: string): number {
  return (((dayOfDate(date) + 4) % 7) + 7) % 7;
}

/** A date some calendar days later (or earlier): addDays("2026-03-28", 1) is "2026-03-29". */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayOfDate(date) + days);
}

/**
 * The instant of a local wall time on a date. A time skipped by a spring change moves forward by the gap; a time
 * repeated by an autumn change is the earlier of the two instants.
 */
export function atLocal(date: string, time: LocalTime, timeZone: string): Date {
  const minutes = typeof time === "number" ? time : time.hour * 60 + time.minute;
  return fromWall(dayOfDate(date) * DAY_MS + minutes * MINUTE_MS, timeZone);
}

/** The instant of a wall time (ms as if UTC), by the offsets a day either side: equal except near a change. */
function fromWall(wall: number, timeZone: string): Date {
  const before = offsetMinutes(wall - DAY_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MS, timeZone);
  if (before === after) {
    const instant = wall - before * MINUTE_MS;
    if (offsetMinutes(instant, timeZone) === before) return new Date(instant);
  }
  // Near a change: each offset that maps back to this wall time is a reading of it; none means the gap.
  const readings = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => offsetMinutes(instant, timeZone) * MINUTE_MS === wall - instant);
  return new Date(readings.length ? Math.min(...readings) : wall - before * MINUTE_MS);
}

/** Local midnight at the start of an instant's local day, or of a date ("YYYY-MM-DD"). */
export function startOfLocalDay(day: Date | string, timeZone: string): Date {
  return atLocal(typeof day === "string" ? day : localDate(day, timeZone), 0, timeZone);
}

/** The same local wall time some calendar days later: 09:00 stays 09:00 across a daylight-saving change. */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  const wall = wallMs(instant, timeZone);
  const day = Math.floor(wall / DAY_MS);
  return fromWall((day + days) * DAY_MS + (wall - day * DAY_MS), timeZone);
}

/** The same local wall time some weeks later. */
export function addLocalWeeks(instant: Date, weeks: number, timeZone: string): Date {
  return addLocalDays(instant, 7 * weeks, timeZone);
}

/** The first instant strictly after `after` that falls on a weekday (0 Sunday … 6 Saturday) at a local time. */
export function nextLocal(day: number, time: LocalTime, after: Date, timeZone: string): Date {
  const today = localDate(after, timeZone);
  const ahead = (((day - weekdayOfDate(today)) % 7) + 7) % 7;
  const first = atLocal(addDays(today, ahead), time, timeZone);
  return first > after ? first : atLocal(addDays(today, ahead + 7), time, timeZone);
}
