import type { TokenSink } from '../engine';
import { LeakGuard } from '../safety/leak-guard';
import { WordChunker } from '../stream/word-stream';

/**
 * A model's deltas on their way to the visitor: re-cut into word pieces, held back a few words by
 * the leak guard, then handed to `onToken`. `text` is exactly what the visitor has received.
 */
export class StreamRelay {
  private released = '';
  private readonly guard: LeakGuard;
  private readonly chunker: WordChunker;

  constructor(protectedTexts: readonly string[], onToken?: TokenSink) {
    this.guard = new LeakGuard(protectedTexts, (piece) => {
      this.released += piece;
      onToken?.(piece);
    });
    this.chunker = new WordChunker((piece) => this.guard.push(piece));
  }

  push(delta: string): void {
    this.chunker.push(delta);
  }

  /** Between two model calls of one turn: make sure the next words do not glue onto the last ones. */
  separate(previousText: string): void {
    if (previousText && !/\s$/.test(previousText)) this.chunker.push(' ');
  }

  finish(): void {
    this.chunker.flush();
    this.guard.flush();
  }

  get text(): string {
    return this.released;
  }

  get leaked(): boolean {
    return this.guard.leaked;
  }
}
