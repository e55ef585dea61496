import { once } from 'node:events';
import type { Writable } from 'node:stream';

// BigInt (audit seq) has no JSON form: written as a string, as the whole-document export always did.
const toJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Writes one JSON object to a stream piece by piece, waiting whenever the reader is behind. */
export class JsonObjectStream {
  private fields = 0;

  constructor(private readonly out: Writable) {}

  private async write(text: string): Promise<void> {
    if (this.out.destroyed) throw new Error('the reader went away');
    if (this.out.write(text)) return;
    // Wait for the reader to catch up, or to leave; the listener of whichever did not happen is removed.
    const waiting = new AbortController();
    try {
      await Promise.race([
        once(this.out, 'drain', { signal: waiting.signal }),
        once(this.out, 'close', { signal: waiting.signal }).then(() => Promise.reject(new Error('the reader went away'))),
      ]);
    } finally {
      waiting.abort();
    }
  }

  private key(name: string): string {
    return `${this.fields++ ? ',' : '{'}${JSON.stringify(name)}:`;
  }

  async value(name: string, value: unknown): Promise<void> {
    await this.write(`${this.key(name)}${toJson(value)}`);
  }

  /** An array field written a page at a time, each row shown as `item(row)`; returns how many items it held. */
  async array<T>(name: string, pages: AsyncIterable<T[]>, item: (row: T) => unknown = (row) => row): Promise<number> {
    await this.write(`${this.key(name)}[`);
    let count = 0;
    for await (const page of pages) {
      if (!page.length) continue;
      await this.write(`${count ? ',' : ''}${page.map((row) => toJson(item(row))).join(',')}`);
      count += page.length;
    }
    await this.write(']');
    return count;
  }

  async end(): Promise<void> {
    await this.write(this.fields ? '}' : '{}');
    this.out.end();
  }
}

/** Keyset pages: `read(key of the previous page's last row, take)` until a page comes back short. */
export async function* pagesOf<T, K>(read: (after: K | undefined, take: number) => Promise<T[]>, keyOf: (row: T) => K, take: number): AsyncGenerator<T[]> {
  let after: K | undefined;
  for (;;) {
    const page = await read(after, take);
    yield page;
    const last = page.at(-1);
    if (page.length < take || last === undefined) return;
    after = keyOf(last);
  }
}

/** Keyset pages in id order. */
export function pagesById<T extends { id: string }>(read: (afterId: string | undefined, take: number) => Promise<T[]>, take: number): AsyncGenerator<T[]> {
  return pagesOf(read, (row) => row.id, take);
}
