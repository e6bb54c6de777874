/** Retry spacing shared by the outbox and the scheduler: 2^n seconds after the n-th failure, at most 15 minutes. */
export const backoffMs = (attempts: number): number => Math.min(2 ** attempts * 1000, 15 * 60_000);
