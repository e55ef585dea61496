import type { Language } from '@vocalia/contracts';
import { foldText, isArabicScript, wordTokens } from './fold';
import { stemArabic, stemLatin } from './stem';
import { STOPWORDS } from './stopwords';

/** A function word of `language` (Arabic-script tokens against the Arabic list, whatever the language). */
export function isStopword(token: string, language: Language): boolean {
  if (isArabicScript(token)) return STOPWORDS.arabic.has(token);
  if (language === 'ar' || language === 'ary') return STOPWORDS.arabizi.has(token);
  return STOPWORDS[language].has(token);
}

/** Fold one token already tokenised, drop it if it is a stopword, else stem it by script and language. */
export function termOf(token: string, language: Language): string | undefined {
  if (isStopword(token, language)) return undefined;
  if (token.length < 2 && !/\d/.test(token)) return undefined;
  return isArabicScript(token) ? stemArabic(token) : stemLatin(token, language);
}

/** Index/query terms of a text in a language: folded, tokenised, stopwords removed, stemmed. */
export function analyzeText(text: string, language: Language): string[] {
  const terms: string[] = [];
  for (const token of wordTokens(foldText(text))) {
    const term = termOf(token, language);
    if (term) terms.push(term);
  }
  return terms;
}
