/**
 * Per-sender rate limit: a token bucket, in memory (a flood from one sender must not starve the others). A sender is
 * throttled from their first message over the limit until they have been quiet long enough for a full bucket again;
 * `notice` says yes once in each such period, so the sender is told at most once.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number; noticed: boolean }>();
  readonly #capacity: number;
  readonly #refillPerMs: number;

  /** `perMinute` messages a minute, with bursts up to the same number. */
  constructor(perMinute: number) {
    this.#capacity = perMinute;
    this.#refillPerMs = perMinute / 60_000;
  }

  /** Take one token for `key` at time `now`; false when the sender is over the limit. */
  allow(key: string, now: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now, noticed: false };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.#refillPerMs);
    bucket.at = now;
    if (bucket.tokens >= this.#capacity) bucket.noticed = false; // quiet long enough: a new throttle period
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 50_000) this.#evictFull(now);
    return allowed;
  }

  /** True the first time it is asked for `key` in a throttle period (to tell the sender once), false after. */
  notice(key: string): boolean {
    const bucket = this.#buckets.get(key);
    if (!bucket || bucket.noticed) return false;
    bucket.noticed = true;
    return true;
  }

  #evictFull(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#refillPerMs >= this.#capacity) this.#buckets.delete(key);
    }
  }
}
