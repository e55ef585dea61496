interface Entry<V> {
  qualifier: string;
  value: V;
}

/**
 * A bounded least-recently-used memo for pure functions of a message's text: past turns come back
 * in the history of every later turn, so their analyses are computed once per text, not per turn.
 * An entry is the text's value for one qualifier (the language it was read in, the day), the last one
 * asked: a text comes back with the same one, and keying by the text alone spares building and
 * hashing a joined key on every lookup. Values are shared between callers and must be treated as read-only.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`memo capacity must be a positive integer, got ${capacity}`);
  }

  /** The value remembered for `text` and `qualifier`, else `compute()`'s, remembered (evicting the least recently used entry when full). */
  get(text: string, compute: () => V, qualifier = ''): V {
    const known = this.entries.get(text);
    if (known !== undefined && known.qualifier === qualifier) {
      this.entries.delete(text);
      this.entries.set(text, known);
      return known.value;
    }
    const value = compute();
    this.set(text, value, qualifier);
    return value;
  }

  set(text: string, value: V, qualifier = ''): void {
    this.entries.delete(text);
    this.entries.set(text, { qualifier, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
