/**
 * Pure rules of the time bank: who confirms a credit, what moves when it is confirmed, how a reversal negates a
 * transfer, and how minutes read as time coins (1 hour = 1 coin).
 */
/** One movement of a transfer: minutes into (positive) or out of (negative) an account. */
export interface Movement {
  accountId: number;
  minutes: number;
}

/** The states of a pending credit. */
export type CreditState = "pending" | "confirmed" | "disputed";

/** A pending credit as use cases see it. */
export interface PendingCreditView {
  id: number;
  communityId: number;
  helperId: number;
  helperName: string;
  beneficiaryId: number | null;
  beneficiaryName: string | null;
  minutes: number;
  category: string;
  source: "service_log" | "request" | "event" | "visit";
  sourceId: number | null;
  description: string | null;
  startedById: number | null;
  chatId: number | null;
  state: CreditState;
  transferId: number | null;
  createdAt: Date;
}

/**
 * The person who confirms a pending credit: the other side from whoever recorded it. A credit the beneficiary
 * recorded is confirmed by the helper; any other (the helper's, an organiser's, a coordinator's) by the beneficiary.
 * Null when nobody on the other side can: the community (a duty) or an elder reached through a coordinator.
 */
export function confirmingSide(credit: Pick<PendingCreditView, "helperId" | "beneficiaryId" | "startedById">): number | null {
  if (credit.beneficiaryId === null) return null;
  if (credit.startedById !== null && credit.startedById === credit.beneficiaryId) return credit.helperId;
  return credit.beneficiaryId;
}

/** The movements of a confirmed credit: the payer's account gives, the helper's receives. */
export function creditMovements(helperAccount: number, payerAccount: number, minutes: number): Movement[] {
  return [
    { accountId: helperAccount, minutes },
    { accountId: payerAccount, minutes: -minutes },
  ];
}

/** The movements that undo a transfer. */
export function reversalMovements(movements: Movement[]): Movement[] {
  return movements.map((movement) => ({ accountId: movement.accountId, minutes: -movement.minutes }));
}

/** Whether movements balance (the double-entry invariant). */
export function isZeroSum(movements: Movement[]): boolean {
  return movements.reduce((sum, movement) => sum + movement.minutes, 0) === 0;
}

/** Coins (hours) said by a resident, as whole minutes: "5" → 300, "0.5" → 30, "1.25" → 75. Null for nonsense. */
export function minutesOfCoins(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(?:个|枚)?\s*(?:时间币|小时|coins?|hours?|h)?$/iu.exec(text.trim());
  if (!match) return null;
  const minutes = Math.round(Number(match[1]) * 60);
  return minutes > 0 && minutes <= 1_000_000 ? minutes : null;
}

/** Minutes as coins, at most two decimals: 90 → "1.5". */
export function coins(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}
