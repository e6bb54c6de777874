/** A bounded set of recent keys (insertion order eviction): the pipeline's in-memory fast path for redeliveries. */
export class RecentSet {
  readonly #keys = new Set<string>();
  constructor(readonly limit: number) {}

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  add(key: string): void {
    this.#keys.delete(key);
    this.#keys.add(key);
    if (this.#keys.size > this.limit) this.#keys.delete(this.#keys.values().next().value!);
  }
}
