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
    const at = (tests: WordTest[], i: number): boolean => i + tests.length <= tokens.length && tests.every((test, k) => test(tokens[i + k]!));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      for (const tests of this.byFirst.get(token) ?? []) if (at(tests, i)) return true;
      for (const tests of this.byPrefix.get(token.slice(0, 2)) ?? []) if (at(tests, i)) return true;
      if (isArabicScript(token)) for (const tests of this.arabic) if (at(tests, i)) return true;
    }
    return false;
  }
}

export const phrases = (list: string): PhraseSet => new PhraseSet(list);
