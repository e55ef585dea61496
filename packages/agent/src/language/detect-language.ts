import type { Language } from '@vocalia/contracts';
import { foldText, isArabicScript, scriptCounts, wordTokens } from '../text/fold';
import { ARABIZI_TOKEN, NOT_ARABIZI, DARIJA_MARKERS, ES_LETTERS, FR_LETTERS, LATIN_MARKERS, MSA_MARKERS } from './language-markers';

export interface LanguageGuess {
  language: Language;
  /** False when the message gave no evidence and the fallback was used. */
  detected: boolean;
  /** True when the fallback chose: no evidence, or languages tied on the evidence. Otherwise any fallback gives this guess. */
  byFallback: boolean;
}

/** Verb prefixes (كن/كت/كي + stem) and the negation frame ما...ش are Darija morphology. */
function darijaMorphology(token: string): number {
  if (/^(كن|كت|كي|كا)[\u0621-\u064a]{3,}$/.test(token)) return 1;
  if (/^ما[\u0621-\u064a]{2,}ش$/.test(token)) return 2;
  return 0;
}

/**
 * Darija or Modern Standard Arabic by their markers; a message with as much of one as of the other
 * ("باسم كريم") keeps the conversation's Arabic (the fallback) when it was one of them, else is Arabic.
 */
function detectArabicScript(tokens: string[], fallback: Language): Omit<LanguageGuess, 'detected'> {
  let darija = 0;
  let msa = 0;
  for (const t of tokens) {
    if (!isArabicScript(t)) continue;
    if (DARIJA_MARKERS.has(t)) darija += 2;
    else darija += darijaMorphology(t);
    if (MSA_MARKERS.has(t)) msa += 1;
  }
  if (darija !== msa) return { language: darija > msa ? 'ary' : 'ar', byFallback: false };
  return fallback === 'ary' || fallback === 'ar' ? { language: fallback, byFallback: true } : { language: 'ar', byFallback: false };
}

function detectLatin(raw: string, tokens: string[], fallback: Language): Omit<LanguageGuess, 'detected'> | undefined {
  const score: Record<'fr' | 'en' | 'es' | 'ary', number> = { fr: 0, en: 0, es: 0, ary: 0 };
  for (const t of tokens) {
    for (const lang of ['fr', 'en', 'es', 'ary'] as const) if (LATIN_MARKERS[lang].has(t)) score[lang] += 1;
    if (ARABIZI_TOKEN.test(t) && !NOT_ARABIZI.test(t)) score.ary += 2;
  }
  score.fr += (raw.match(FR_LETTERS)?.length ?? 0) * 0.5;
  score.es += (raw.match(ES_LETTERS)?.length ?? 0) * 1.5;
  const best = Math.max(...Object.values(score));
  if (best <= 0) return undefined;
  const tied = (Object.keys(score) as (keyof typeof score)[]).filter((l) => score[l] === best);
  const language = tied.find((l) => l === fallback) ?? tied[0]!;
  return { language, byFallback: tied.length > 1 && language === fallback };
}

/**
 * The language of a visitor's message among fr, en, es, ar and ary (Darija in Arabic script or
 * Arabizi). With no evidence (e.g. "ok", "14h30") it answers `fallback`.
 */
export function detectLanguage(message: string, fallback: Language): LanguageGuess {
  const tokens = wordTokens(foldText(message));
  const { arabic, latin } = scriptCounts(message);
  if (arabic > 0 && arabic >= latin) return Object.assign(detectArabicScript(tokens, fallback), { detected: true });
  const latinGuess = detectLatin(message, tokens, fallback);
  return latinGuess ? { language: latinGuess.language, detected: true, byFallback: latinGuess.byFallback } : { language: fallback, detected: false, byFallback: true };
}
