/**
 * A bounded least-recently-used memo for pure functions of a message's text: past turns come back
 * in the history of every later turn, so their analyses are computed once per text, not per turn.
 * Values are shared between callers and must be treated as read-only.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`memo capacity must be a positive integer, got ${capacity}`);
  }

  /** The value remembered for `key`, else `compute()`'s, remembered (evicting the least recently used entry when full). */
  get(key: string, compute: () => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) {
      this.entries.delete(key);
      this.entries.set(key, known as V);
      return known as V;
    }
    const value = compute();
    this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
