import type { TokenSink } from '../engine';
import type { LeakKind, Protection } from '../safety/leak-detector';
import { HOLD_BACK_CHARS, LeakGuard } from '../safety/leak-guard';
import { WordChunker } from '../stream/word-stream';

/**
 * A model's deltas on their way to the visitor: re-cut into word pieces, held back by the leak
 * guard, then handed to `onToken`. `text` is exactly what the visitor has received. Without
 * `onToken` (a caller that does not stream) nothing is released before the whole reply is checked.
 */
export class StreamRelay {
  private released = '';
  private readonly guard: LeakGuard;
  private readonly chunker: WordChunker;

  constructor(protection: Protection, onToken?: TokenSink) {
    this.guard = new LeakGuard(
      protection,
      (piece) => {
        this.released += piece;
        onToken?.(piece);
      },
      onToken ? HOLD_BACK_CHARS : Infinity,
    );
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

  get leak(): LeakKind | undefined {
    return this.guard.leak;
  }
}
