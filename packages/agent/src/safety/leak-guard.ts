import { LeakDetector, type LeakKind, type Protection } from './leak-detector';

/**
 * Characters of a streamed reply held back before they reach the visitor: enough to hold a whole
 * canary or a short secret spelled out letter by letter before any of it leaves, while a reply of a
 * few sentences still streams word by word (a voice turn cannot wait for the whole answer).
 */
export const HOLD_BACK_CHARS = 72;
/**
 * The reply is re-checked once this many new characters have arrived (and at the end): a leak
 * completed in between is still held back, since what is released is `HOLD_BACK_CHARS` older.
 */
const CHECK_EVERY_CHARS = 8;

/**
 * Streams a model's word pieces through, holding back the last `holdBack` characters, and stops
 * for good as soon as the reply so far leaks something protected: what was held back is dropped.
 * With `holdBack` Infinity nothing is released before `flush` (a caller that does not stream).
 */
export class LeakGuard {
  private readonly detector: LeakDetector;
  private readonly pending: string[] = [];
  private pendingChars = 0;
  private seen = '';
  private checkedUpTo = 0;
  private found: LeakKind | undefined;

  constructor(
    protection: Protection,
    private readonly release: (piece: string) => void,
    private readonly holdBack = HOLD_BACK_CHARS,
  ) {
    this.detector = new LeakDetector(protection);
  }

  /** What leaked, when something did. */
  get leak(): LeakKind | undefined {
    return this.found;
  }

  private check(): void {
    this.checkedUpTo = this.seen.length;
    this.found = this.detector.find(this.seen);
    if (this.found) {
      this.pending.length = 0;
      this.pendingChars = 0;
    }
  }

  push(piece: string): void {
    if (this.found) return;
    this.seen += piece;
    this.pending.push(piece);
    this.pendingChars += piece.length;
    if (this.pendingChars < this.holdBack) return;
    if (this.seen.length - this.checkedUpTo >= CHECK_EVERY_CHARS) this.check();
    while (this.pending.length > 0 && this.pendingChars - this.pending[0]!.length >= this.holdBack) {
      const out = this.pending.shift()!;
      this.pendingChars -= out.length;
      this.release(out);
    }
  }

  /** End of stream: release what was held back, unless the guard tripped. */
  flush(): void {
    if (!this.found) this.check();
    if (this.found) return;
    for (const piece of this.pending.splice(0)) this.release(piece);
    this.pendingChars = 0;
  }
}
