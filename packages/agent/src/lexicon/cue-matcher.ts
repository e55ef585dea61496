import { LANGUAGES } from '@vocalia/contracts';
import { foldText, isArabicScript, wordTokens } from '../text/fold';
import type { CueTable } from './intent-cues';

type Mode = 'exact' | 'prefix' | 'arabic';
interface CuePart {
  mode: Mode;
  value: string;
}
interface Cue<C extends string> {
  concept: C;
  parts: CuePart[];
}

export interface CueMatch {
  score: number;
  /** Positions of the message tokens the cues used (so retrieval does not count them twice). */
  positions: number[];
}

function compilePart(raw: string): CuePart {
  if (raw.endsWith('*')) return { mode: 'prefix', value: raw.slice(0, -1) };
  return isArabicScript(raw) ? { mode: 'arabic', value: raw } : { mode: 'exact', value: raw };
}

/** What may come before a short Arabic cue in one word: a conjunction (و ف), a preposition (ب ل), the article (ال). */
const LEADING_CLITICS = /^[وف]?[بل]?(?:ال)?$/u;

function partMatches(part: CuePart, token: string): boolean {
  switch (part.mode) {
    case 'exact':
      return token === part.value;
    case 'prefix':
      return token.startsWith(part.value);
    case 'arabic':
      // Short Arabic cues only absorb leading clitics ("كاين", there is, is not "اين", where); longer ones may sit anywhere in the word.
      return part.value.length >= 4 ? token.includes(part.value) : token.endsWith(part.value) && LEADING_CLITICS.test(token.slice(0, token.length - part.value.length));
  }
}

/** Compiles cue tables once; `match` finds which concepts a message mentions, in any language. */
/** Distinct tokens whose scanned-cue candidates are remembered; past this the memo starts over. */
const MEMO_TOKENS = 50_000;

export class CueMatcher<C extends string> {
  private readonly byFirstExact = new Map<string, Cue<C>[]>();
  private readonly scanned: Cue<C>[] = [];
  /** Per token, the prefix and Arabic cues whose first part it matches: words repeat across chunks and turns. */
  private readonly scannedByToken = new Map<string, Cue<C>[]>();

  constructor(tables: Record<C, CueTable>) {
    for (const concept of Object.keys(tables) as C[]) {
      const table = tables[concept];
      for (const language of LANGUAGES) {
        for (const phrase of (table[language] ?? '').split('|')) {
          const words = phrase.trim().split(/\s+/).filter(Boolean);
          const parts = words.flatMap((w) => (w.endsWith('*') ? [`${foldText(w.slice(0, -1))}*`] : wordTokens(foldText(w)))).map(compilePart);
          if (parts.length === 0) continue;
          const cue = { concept, parts };
          const first = parts[0]!;
          if (first.mode === 'exact') this.byFirstExact.set(first.value, [...(this.byFirstExact.get(first.value) ?? []), cue]);
          else this.scanned.push(cue);
        }
      }
    }
  }

  private scannedFor(token: string): Cue<C>[] {
    let cues = this.scannedByToken.get(token);
    if (!cues) {
      if (this.scannedByToken.size >= MEMO_TOKENS) this.scannedByToken.clear();
      cues = this.scanned.filter((cue) => partMatches(cue.parts[0]!, token));
      this.scannedByToken.set(token, cues);
    }
    return cues;
  }

  match(tokens: readonly string[]): Map<C, CueMatch> {
    const found = new Map<C, CueMatch>();
    const seen = new Set<Cue<C>>();
    const tryCue = (cue: Cue<C>, start: number): void => {
      if (seen.has(cue) || start + cue.parts.length > tokens.length) return;
      for (let k = 0; k < cue.parts.length; k++) if (!partMatches(cue.parts[k]!, tokens[start + k]!)) return;
      seen.add(cue);
      const entry = found.get(cue.concept) ?? { score: 0, positions: [] };
      entry.score += cue.parts.length;
      for (let k = 0; k < cue.parts.length; k++) entry.positions.push(start + k);
      found.set(cue.concept, entry);
    };
    for (let i = 0; i < tokens.length; i++) {
      for (const cue of this.byFirstExact.get(tokens[i]!) ?? []) tryCue(cue, i);
      for (const cue of this.scannedFor(tokens[i]!)) tryCue(cue, i);
    }
    return found;
  }
}
