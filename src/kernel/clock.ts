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
