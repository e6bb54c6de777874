/**
 * 邻里之星, plainly: a neighbour's score for a month is their confirmed time-bank minutes (credits confirmed that month,
 * not reversed) plus 30 for each thanks they received that month (a thanks counts as half an hour of help). The three
 * highest scores among those who may be named are the stars; people who chose `/不留名` are never named, only counted.
 * What the help was (a private category such as medical or care) is never part of it: only names and hours are shown.
 */

/** Points a thanks is worth, in minutes of help. */
export const THANKS_MINUTES = 30;
/** How many stars a group has each month. */
export const STARS = 3;
/** Milestones of confirmed help, in hours, told once each. */
export const MILESTONES = [10, 50, 100] as const;

/** One neighbour's month. */
export interface MonthHelper {
  personId: number;
  name: string;
  /** False when they chose not to be named (`/不留名`). */
  nameInSummary: boolean;
  /** Confirmed time-bank minutes of the month. */
  minutes: number;
  /** Thanks received in the month. */
  thanks: number;
}

/** A month's score: confirmed minutes plus `THANKS_MINUTES` per thanks. */
export const scoreOf = (helper: Pick<MonthHelper, "minutes" | "thanks">): number => helper.minutes + THANKS_MINUTES * helper.thanks;

/** The month's stars (highest score first; ties by more minutes, then by name) and how many others helped unnamed. */
export function starsOf(helpers: readonly MonthHelper[]): { stars: MonthHelper[]; unnamed: number } {
  const scored = helpers.filter((one) => scoreOf(one) > 0);
  const stars = scored
    .filter((one) => one.nameInSummary)
    .sort((a, b) => scoreOf(b) - scoreOf(a) || b.minutes - a.minutes || a.name.localeCompare(b.name) || a.personId - b.personId)
    .slice(0, STARS);
  return { stars, unnamed: scored.filter((one) => !one.nameInSummary).length };
}

/** The highest milestone reached by `minutes` that is above the one already told, or null. */
export function milestoneReached(minutes: number, told: number): number | null {
  const reached = MILESTONES.filter((hours) => minutes >= hours * 60 && hours > told);
  return reached.length ? reached[reached.length - 1]! : null;
}

/** Hours for people: "12.5", "10" (at most one decimal). */
export const hoursOf = (minutes: number): string => String(Math.round(minutes / 6) / 10);
