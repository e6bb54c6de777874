/** Time as a dependency: use cases and the scheduler read the clock; tests use a virtual one and never sleep. */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told: for tests and console scripts. */
export class VirtualClock implements Clock {
  #now: number;
  constructor(start: Date) {
    this.#now = start.getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(time: Date): void {
    this.#now = time.getTime();
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/**
 * A clock that reads `start` until {@link ScaledClock.run} is called, then runs `speed` times as fast as the machine's:
 * for the crash soak (TEST_CLOCK_* settings, test only), whose restarted processes continue one virtual timeline and
 * spend none of it starting up.
 */
export class ScaledClock implements Clock {
  #since: number | null = null;
  constructor(
    private readonly start: Date,
    private readonly speed: number,
    private readonly realNow: () => number = Date.now,
  ) {}
  now(): Date {
    return new Date(this.start.getTime() + (this.#since === null ? 0 : (this.realNow() - this.#since) * this.speed));
  }
  /** From now on the clock runs (a second call changes nothing). */
  run(): void {
    this.#since ??= this.realNow();
  }
}
