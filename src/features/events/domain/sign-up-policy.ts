/**
 * Who gets a place: a sign-up is confirmed while the event has room for its whole party, else it joins the
 * waitlist; when places free up, the waitlist is promoted strictly in order (a party that doesn't fit waits, and so do
 * those behind it, so nobody jumps the queue). Pure.
 */

/** Where a new sign-up of `count` people goes. */
export function placeFor(capacity: number | null, confirmed: number, count: number): "confirmed" | "waitlisted" {
  return capacity === null || confirmed + count <= capacity ? "confirmed" : "waitlisted";
}

/** The waitlisted people to promote now, in order, given the places taken. */
export function promotions<T extends { count: number }>(capacity: number | null, confirmed: number, waitlist: T[]): T[] {
  const promoted: T[] = [];
  let taken = confirmed;
  for (const entry of waitlist) {
    if (capacity !== null && taken + entry.count > capacity) break;
    promoted.push(entry);
    taken += entry.count;
  }
  return promoted;
}

/** The reminders still worth scheduling: offsets (minutes before the start) whose time is after `now`. */
export function dueReminders(startsAt: Date, offsets: number[], now: Date): Array<{ offset: number; at: Date }> {
  return offsets
    .map((offset) => ({ offset, at: new Date(startsAt.getTime() - offset * 60_000) }))
    .filter((reminder) => reminder.at > now);
}

/**
 * A weekly duty's next holders: the `size` people after this week's last holder in the pool's order, wrapping
 * around (everyone takes a turn before anyone has a second); the whole pool when it is no bigger than `size`.
 */
export function nextHolders(pool: number[], current: number[], size: number): number[] {
  if (pool.length <= size) return [...pool];
  const last = Math.max(-1, ...current.map((id) => pool.indexOf(id)));
  return Array.from({ length: size }, (_, index) => pool[(last + 1 + index) % pool.length]!);
}
