import { foldText, isArabicScript, wordTokens } from '../text/fold';

type WordTest = (token: string) => boolean;

function wordTest(raw: string): WordTest {
  const prefix = raw.endsWith('*');
  const word = wordTokens(foldText(prefix ? raw.slice(0, -1) : raw)).join('');
  if (prefix) return (t) => t.startsWith(word);
  if (!isArabicScript(word)) return (t) => t === word;
  // Arabic words carry clitics and suffixes (ال, ك, ديالك...). Short ones only absorb a few letters
  // around them; longer ones may sit anywhere in the word.
  return word.length >= 4 ? (t) => t.includes(word) : (t) => t.includes(word) && t.length <= word.length + 3;
}

/**
 * '|' separated phrases matched on a text's word tokens (folded): `word*` matches any word starting
 * with `word`, Arabic words match inside a word. Linear in the tokens, whatever the text.
 */
export class PhraseSet {
  private readonly byFirst = new Map<string, WordTest[][]>();
  /** Phrases starting with a Latin prefix, by the prefix's first two letters. */
  private readonly byPrefix = new Map<string, WordTest[][]>();
  /** Phrases starting with an Arabic word, tried on Arabic-script tokens only. */
  private readonly arabic: WordTest[][] = [];

  constructor(list: string) {
    for (const phrase of list.split('|').map((p) => p.trim()).filter(Boolean)) {
      const words = phrase.split(/\s+/);
      const tests = words.map(wordTest);
      const first = words[0]!;
      const key = wordTokens(foldText(first.replace(/\*$/, ''))).join('');
      if (isArabicScript(key)) this.arabic.push(tests);
      else if (first.endsWith('*')) this.byPrefix.set(key.slice(0, 2), [...(this.byPrefix.get(key.slice(0, 2)) ?? []), tests]);
      else this.byFirst.set(key, [...(this.byFirst.get(key) ?? []), tests]);
    }
  }

  test(tokens: readonly string[]): boolean {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const exact = this.byFirst.get(token);
      if (exact !== undefined && anyAt(exact, tokens, i)) return true;
      if (this.byPrefix.size > 0) {
        const prefixed = this.byPrefix.get(token.slice(0, 2));
        if (prefixed !== undefined && anyAt(prefixed, tokens, i)) return true;
      }
      if (this.arabic.length > 0 && isArabicScript(token) && anyAt(this.arabic, tokens, i)) return true;
    }
    return false;
  }
}

/** Whether one of the phrases matches the tokens from `start` on (plain loops: this runs for every token of every message). */
function anyAt(phrases: readonly WordTest[][], tokens: readonly string[], start: number): boolean {
  for (const tests of phrases) {
    if (start + tests.length > tokens.length) continue;
    let k = 0;
    while (k < tests.length && tests[k]!(tokens[start + k]!)) k++;
    if (k === tests.length) return true;
  }
  return false;
}

export const phrases = (list: string): PhraseSet => new PhraseSet(list);
