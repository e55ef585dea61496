import { foldText, wordTokens } from '../text/fold';

const WINDOW = 8;

/**
 * Streams a model's word pieces through, holding back the last few, and stops for good as soon as
 * the output repeats an 8-word run of a protected text (the instructions): those words never reach
 * the visitor.
 */
export class LeakGuard {
  private readonly shingles = new Set<string>();
  private readonly recent: string[] = [];
  private readonly pending: string[] = [];
  private tripped = false;

  constructor(
    protectedTexts: readonly string[],
    private readonly release: (piece: string) => void,
  ) {
    for (const text of protectedTexts) {
      const words = wordTokens(foldText(text));
      for (let i = 0; i + WINDOW <= words.length; i++) this.shingles.add(words.slice(i, i + WINDOW).join(' '));
    }
  }

  get leaked(): boolean {
    return this.tripped;
  }

  push(piece: string): void {
    if (this.tripped) return;
    for (const word of wordTokens(foldText(piece))) {
      this.recent.push(word);
      if (this.recent.length > WINDOW) this.recent.shift();
      if (this.recent.length === WINDOW && this.shingles.has(this.recent.join(' '))) {
        this.tripped = true;
        this.pending.length = 0;
        return;
      }
    }
    this.pending.push(piece);
    while (this.pending.length > WINDOW) this.release(this.pending.shift()!);
  }

  /** End of stream: release what was held back, unless the guard tripped. */
  flush(): void {
    if (!this.tripped) for (const piece of this.pending.splice(0)) this.release(piece);
  }
}
