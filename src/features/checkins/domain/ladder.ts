/** Who is asked to look in, in order, and the streak of missed days the digest flags. Pure. */

/** At most this many named contacts (a buddy and a relative); the grid captain always comes after them. */
export const MAX_CONTACTS = 2;

/**
 * The people asked, in order, when a check-in is missed: the contacts as given, then the grid's captains, then the
 * coordinators; each once, never the person themself.
 */
export function escalationLadder(personId: number, parts: { contacts: number[]; captains: number[]; coordinators: number[] }): number[] {
  const seen = new Set<number>([personId]);
  const ladder: number[] = [];
  for (const id of [...parts.contacts, ...parts.captains, ...parts.coordinators]) {
    if (seen.has(id)) continue;
    seen.add(id);
    ladder.push(id);
  }
  return ladder;
}

/** A day as the history shows it. */
export interface DayRecord {
  date: string;
  state: "asked" | "answered" | "missed" | "paused";
  late: boolean;
}

/** Whether a day counts as missed: nobody answered by the deadline (a late answer included). */
export function isMissed(day: DayRecord): boolean {
  return day.state === "missed" || (day.state === "answered" && day.late);
}

/** The longest run of consecutive missed days (dates one day apart) in a history. */
export function longestMissedStreak(days: DayRecord[]): number {
  const missed = days.filter(isMissed).map((day) => Date.parse(`${day.date}T00:00:00Z`) / 86_400_000).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (let i = 0; i < missed.length; i += 1) {
    run = i > 0 && missed[i]! - missed[i - 1]! === 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** A streak this long or longer is flagged in the digest. */
export const STREAK_FLAG_DAYS = 2;
