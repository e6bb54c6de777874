/**
 * The rules of mediation, pure: the kinds of dispute, a case's states and outcomes, when a case with no answer goes
 * to the coordinators and when the resident is asked how things are, and who is asked to mediate.
 */

/** What a dispute is about (the parser's `DisputeIntent.issue`). */
export type DisputeKind = "noise" | "leak" | "pets" | "parking" | "smell" | "shared" | "other";
/** open: waiting for a mediator; taken: a mediator has it; closed: with an outcome. */
export type CaseState = "open" | "taken" | "closed";
export type Outcome = "resolved" | "referred" | "withdrawn";
export type OtherPartyAnswer = "asked" | "agreed" | "declined";
export type FollowUp = "better" | "same";

export const DISPUTE_KINDS: readonly DisputeKind[] = ["noise", "leak", "pets", "parking", "smell", "shared", "other"];

/** A stored kind read back (anything unknown is "other"). */
export function disputeKind(stored: string | null | undefined): DisputeKind {
  return DISPUTE_KINDS.includes(stored as DisputeKind) ? (stored as DisputeKind) : "other";
}

const HOUR = 3_600_000;
/** A case nobody has taken this long after it was opened goes to the coordinators. */
export const UNANSWERED_AFTER_MS = 48 * HOUR;
/** The resident is asked how things are this long after the case was closed. */
export const FOLLOW_UP_AFTER_MS = 7 * 24 * HOUR;

/** When the coordinators hear of a case still waiting. */
export function unansweredAt(openedAt: Date): Date {
  return new Date(openedAt.getTime() + UNANSWERED_AFTER_MS);
}

/** When the resident is asked whether it is better now. */
export function followUpAt(closedAt: Date): Date {
  return new Date(closedAt.getTime() + FOLLOW_UP_AFTER_MS);
}

/** Whether a closed case gets a follow-up (a withdrawn one does not: the resident dropped it). */
export function wantsFollowUp(outcome: Outcome): boolean {
  return outcome !== "withdrawn";
}

/**
 * Who is asked to mediate: the grid's mediators (community-wide ones count for every grid); else its captains; else
 * the coordinators. The resident who raised it is never asked to mediate their own case.
 */
export function mediationLadder(
  openerId: number,
  rungs: { mediators: number[]; captains: number[]; coordinators: number[] },
): { level: "mediator" | "captain" | "coordinator"; people: number[] } {
  const others = (ids: number[]) => [...new Set(ids)].filter((id) => id !== openerId);
  if (others(rungs.mediators).length) return { level: "mediator", people: others(rungs.mediators) };
  if (others(rungs.captains).length) return { level: "captain", people: others(rungs.captains) };
  return { level: "coordinator", people: others(rungs.coordinators) };
}
