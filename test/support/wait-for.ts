/**
 * Waiting for a condition without a clock: whatever may change what a test waits on calls `changed()`, and `until`
 * checks its condition again after each call. Nothing here times out: the test's own timeout is the limit.
 */
export class Changes {
  readonly #waiting = new Set<() => void>();

  /** Something may have changed: every waiting condition is checked again. */
  changed(): void {
    const wake = [...this.#waiting];
    this.#waiting.clear();
    for (const one of wake) one();
  }

  /** Resolves once `check()` holds: checked now, then after each change. */
  async until(check: () => boolean | Promise<boolean>): Promise<void> {
    for (;;) {
      let wake!: () => void;
      const next = new Promise<void>((resolve) => (wake = resolve));
      this.#waiting.add(wake); // before the check: a change during an async check is not missed
      if (await check()) {
        this.#waiting.delete(wake);
        return;
      }
      await next;
    }
  }
}
