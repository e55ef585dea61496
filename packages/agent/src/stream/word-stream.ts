import type { TokenSink } from '../engine';

/** Splits text into word pieces (each word with the spaces after it); joined they give the text back. */
export function wordPieces(text: string): string[] {
  const lead = text.match(/^\s+/)?.[0] ?? '';
  const pieces = text.slice(lead.length).match(/\S+\s*/g) ?? [];
  if (lead && pieces.length > 0) pieces[0] = lead + pieces[0];
  return pieces.length > 0 ? pieces : text ? [text] : [];
}

export function emitWords(text: string, onToken: TokenSink | undefined): void {
  if (!onToken) return;
  for (const piece of wordPieces(text)) onToken(piece);
}

/** Re-cuts a model's arbitrary deltas into word pieces: a word is released once the space after it arrives. */
export class WordChunker {
  private buffer = '';

  constructor(private readonly emit: (piece: string) => void) {}

  push(delta: string): void {
    this.buffer += delta;
    const re = /\s*\S+\s+/y;
    let consumed = 0;
    for (let m = re.exec(this.buffer); m; m = re.exec(this.buffer)) {
      this.emit(m[0]);
      consumed = re.lastIndex;
    }
    this.buffer = this.buffer.slice(consumed);
  }

  flush(): void {
    if (this.buffer) this.emit(this.buffer);
    this.buffer = '';
  }
}
