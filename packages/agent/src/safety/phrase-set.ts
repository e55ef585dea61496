import { foldText, isArabicScript, wordTokens } from '../text/fold';

type WordTest = (token: string) => boolean;

interface Phrase<L> {
  label: L;
  tests: WordTest[];
}

function wordTest(raw: string): WordTest {
  const prefix = raw.endsWith('*');
  const word = wordTokens(foldText(prefix ? raw.slice(0, -1) : raw)).join('');
  if (prefix) return (t) => t.startsWith(word);
  if (!isArabicScript(word)) return (t) => t === word;
  // Arabic words carry clitics and suffixes (ال, ك, ديالك...). Short ones only absorb a few letters
  // around them; longer ones may sit anywhere in the word.
  return word.length >= 4 ? (t) => t.includes(word) : (t) => t.includes(word) && t.length <= word.length + 3;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Labelled lists of '|' separated phrases, matched on a text's word tokens (folded): `word*` matches
 * any word starting with `word`, Arabic words match inside a word. One pass over the tokens finds
 * every label, however many lists: linear in the tokens, whatever the text.
 */
export class PhraseIndex<L extends string> {
  private readonly byFirst = new Map<string, Phrase<L>[]>();
  /** Phrases starting with a Latin prefix, by the prefix's first two letters. */
  private readonly byPrefix = new Map<string, Phrase<L>[]>();
  /** Phrases starting with an Arabic word, tried on Arabic-script tokens only. */
  private readonly arabic: Phrase<L>[] = [];

  constructor(lists: Record<L, string>) {
    for (const label of Object.keys(lists) as L[]) {
      for (const phrase of lists[label].split('|').map((p) => p.trim()).filter(Boolean)) {
        const words = phrase.split(/\s+/);
        const entry = { label, tests: words.map(wordTest) };
        const first = words[0]!;
        const key = wordTokens(foldText(first.replace(/\*$/, ''))).join('');
        if (isArabicScript(key)) this.arabic.push(entry);
        else if (first.endsWith('*')) push(this.byPrefix, key.slice(0, 2), entry);
        else push(this.byFirst, key, entry);
      }
    }
  }

  /** The labels whose phrases appear in the tokens. */
  labelsIn(tokens: readonly string[]): Set<L> {
    const found = new Set<L>();
    this.scan(tokens, found, false);
    return found;
  }

  /** Whether any phrase appears in the tokens (stops at the first). */
  test(tokens: readonly string[]): boolean {
    return this.scan(tokens, new Set<L>(), true);
  }

  private scan(tokens: readonly string[], found: Set<L>, first: boolean): boolean {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const exact = this.byFirst.get(token);
      if (exact !== undefined && matchAt(exact, tokens, i, found) && first) return true;
      if (this.byPrefix.size > 0) {
        const prefixed = this.byPrefix.get(token.slice(0, 2));
        if (prefixed !== undefined && matchAt(prefixed, tokens, i, found) && first) return true;
      }
      if (this.arabic.length > 0 && isArabicScript(token) && matchAt(this.arabic, tokens, i, found) && first) return true;
    }
    return found.size > 0;
  }
}

/** Adds to `found` the labels not found yet of the phrases matching the tokens from `start` on; true if one did (plain loops: this runs for every token of every message). */
function matchAt<L>(phrases: readonly Phrase<L>[], tokens: readonly string[], start: number, found: Set<L>): boolean {
  let matched = false;
  for (const { label, tests } of phrases) {
    if (start + tests.length > tokens.length || found.has(label)) continue;
    let k = 0;
    while (k < tests.length && tests[k]!(tokens[start + k]!)) k++;
    if (k === tests.length) {
      found.add(label);
      matched = true;
    }
  }
  return matched;
}

/** One list of phrases: `test` tells whether the tokens hold one of them. */
export const phrases = (list: string): PhraseIndex<'phrase'> => new PhraseIndex({ phrase: list });
