/** Combining marks left by NFKD (Latin accents, Arabic hamza/madda) plus Arabic tashkeel and tatweel. */
const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_LETTERS = /[\u0600-\u06ff]/g;
const LATIN_LETTERS = /[a-z\u00c0-\u024f]/gi;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lowercase, fold accents, normalise Arabic (alef variants, alef maqsura -> ya, ta marbuta -> ha,
 * hamza carriers, diacritics) and Eastern Arabic digits, so every comparison sees one spelling.
 */
export function foldText(text: string): string {
  // Plain ASCII has no marks, no Arabic and no compatibility forms: lower-casing is all folding does to it.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/\u0671/g, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

/** Word tokens of already-folded text: letters and digits (digits stay inside words for Arabizi, e.g. "3afak"). */
export function wordTokens(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function isArabicScript(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 0x600 && c <= 0x6ff;
}

export function scriptCounts(text: string): { arabic: number; latin: number } {
  return { arabic: text.match(ARABIC_LETTERS)?.length ?? 0, latin: text.match(LATIN_LETTERS)?.length ?? 0 };
}

/** The folded word tokens of a written list of words, as a set (lexicons written as text). */
export function wordSet(list: string): Set<string> {
  return new Set(wordTokens(foldText(list)));
}
