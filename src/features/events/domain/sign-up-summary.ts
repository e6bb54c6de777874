/**
 * The changes to an event's sign-ups since its last group summary, netted: who joined, who waits, who left, who moved
 * up from the waitlist, which 接龙 names were not recognised. Someone who joins and leaves within one window does not
 * appear at all (nothing changed for the group); someone who leaves and joins again counts as joined. Pure.
 */

/** A person as the summary names them (a party of 2 reads "张阿姨+1"). */
export interface Named {
  personId: number;
  name: string;
  count: number;
}

/** What changed since the last summary. */
export interface PendingSummary {
  added: Named[];
  waiting: Named[];
  removed: Named[];
  promoted: Named[];
  /** 接龙 entries that matched no member. */
  unknown: string[];
}

/** One change to note. */
export type SignUpChange = { kind: "added" | "waiting" | "removed" | "promoted"; who: Named } | { kind: "unknown"; entry: string };

/** Nothing pending. */
export function emptySummary(): PendingSummary {
  return { added: [], waiting: [], removed: [], promoted: [], unknown: [] };
}

/** A pending summary read back from storage (anything unreadable is nothing pending). */
export function parseSummary(text: string | null): PendingSummary {
  if (!text) return emptySummary();
  try {
    const value = JSON.parse(text) as Partial<PendingSummary>;
    const list = <T>(items: T[] | undefined) => (Array.isArray(items) ? items : []);
    return { added: list(value.added), waiting: list(value.waiting), removed: list(value.removed), promoted: list(value.promoted), unknown: list(value.unknown) };
  } catch {
    return emptySummary();
  }
}

/** Whether there is anything to say. */
export function isEmpty(summary: PendingSummary): boolean {
  return Object.values(summary).every((list: unknown[]) => list.length === 0);
}

/** `summary` with `change` noted. */
export function noteChange(summary: PendingSummary, change: SignUpChange): PendingSummary {
  if (change.kind === "unknown") {
    return summary.unknown.includes(change.entry) ? summary : { ...summary, unknown: [...summary.unknown, change.entry] };
  }
  const { who } = change;
  const was = (list: Named[]) => list.some((one) => one.personId === who.personId);
  const joinedNow = was(summary.added) || was(summary.waiting);
  const without = (list: Named[]) => list.filter((one) => one.personId !== who.personId);
  const next: PendingSummary = {
    ...summary,
    added: without(summary.added),
    waiting: without(summary.waiting),
    removed: without(summary.removed),
    promoted: without(summary.promoted),
  };
  if (change.kind === "removed") return joinedNow ? next : { ...next, removed: [...next.removed, who] };
  // Moved up from a waitlist joined in this same window: for the group, simply in.
  if (change.kind === "promoted" && was(summary.waiting)) return { ...next, added: [...next.added, who] };
  return { ...next, [change.kind]: [...next[change.kind], who] };
}

/** "张阿姨+1" for a party of two. */
export function nameOf(one: Named): string {
  return one.count > 1 ? `${one.name}+${one.count - 1}` : one.name;
}
