/**
 * Retry spacing, shared: the outbox and the scheduler space failed rows by `backoffMs`; start-up steps (Telegram's
 * getMe and webhook, WeChat's login, a database locked by another process) retry with `retrying`, whose waits are
 * `startupWaitMs` apart (with jitter) and go through an injectable `Delay`, so tests never wait on the real clock.
 */

/** Retry spacing shared by the outbox and the scheduler: 2^n seconds after the n-th failure, at most 15 minutes. */
export const backoffMs = (attempts: number): number => Math.min(2 ** attempts * 1000, 15 * 60_000);

/** Waits `ms`, or less when `signal` aborts (it never rejects). Tests inject one that resolves at once. */
export type Delay = (ms: number, signal: AbortSignal) => Promise<void>;

/** The real wait: a timer, cut short when `signal` aborts. */
export const realDelay: Delay = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * The wait before start-up retry number `attempt + 1`: 1 s, 2 s, 4 s … at most a minute, each shortened by up to a
 * fifth at random, so that many bots restarted together do not knock at the same moment.
 */
export const startupWaitMs = (attempt: number, random: () => number = Math.random): number =>
  Math.min(1000 * 2 ** attempt, 60_000) * (1 - random() / 5);

/** How {@link retrying} treats a failure: try again, or stop with this error. */
export type Verdict = "retry" | Error;

/** Options of {@link retrying}. */
export interface RetryOptions {
  /** "retry" for a failure that may pass (5xx, refused, timed out, busy); otherwise the error to stop with. */
  verdict: (error: unknown) => Verdict;
  /** Told before each wait: which attempt failed, how, and how long until the next. */
  onRetry: (info: { attempt: number; error: unknown; retryInMs: number }) => void;
  /** Ends the retries: the last failure is thrown (`stopped` when given). */
  signal?: AbortSignal;
  delay?: Delay;
  /** At most this many attempts (default: no limit); then the last failure is thrown. */
  attempts?: number;
  random?: () => number;
  /** The wait before retry number `attempt + 1` (default {@link startupWaitMs}). */
  waitMs?: (attempt: number, random?: () => number) => number;
}

/** Runs `work` until it succeeds, waiting `waitMs` (`startupWaitMs`) between attempts while `verdict` says a retry may help. */
export async function retrying<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const delay = options.delay ?? realDelay;
  const signal = options.signal ?? new AbortController().signal;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      const verdict = options.verdict(error);
      if (verdict !== "retry") throw verdict;
      if (signal.aborted || attempt + 1 >= (options.attempts ?? Infinity)) throw error;
      const retryInMs = Math.round((options.waitMs ?? startupWaitMs)(attempt, options.random));
      options.onRetry({ attempt: attempt + 1, error, retryInMs });
      await delay(retryInMs, signal);
      if (signal.aborted) throw error;
    }
  }
}
