import type { Language } from '@vocalia/contracts';
import type { IntentAnalysis } from '../intent/detect-intent';
import { CueMatcher } from '../lexicon/cue-matcher';
import { PRODUCT_CUES } from '../lexicon/product-cues';
import { analyzeText, isStopword } from '../text/analyze';
import { foldText, wordTokens } from '../text/fold';
import type { QueryGroup } from './bm25';
import { conceptTag } from './paraphrase-terms';
import { contentGroups } from './query-groups';

const products = new CueMatcher(PRODUCT_CUES);

/** A catalogue item's index terms: its stems, and a tag per product word it uses, shared by that word's spellings in every language. */
export function catalogTerms(text: string, language: Language): string[] {
  const tags = [...products.match(wordTokens(foldText(text))).keys()].map(conceptTag);
  return [...analyzeText(text, language), ...tags];
}

/**
 * A shopper's catalogue query: a group per product word (any language: "chaussures", "صبابط" and
 * "shoes" meet on one tag; a word of two products, "tapis", is one group of both), and the message's
 * other content words (less the function words of its own language), stemmed as the catalogue is.
 */
export function catalogGroups(analysis: IntentAnalysis, catalogLanguage: Language, messageLanguage: Language): QueryGroup[] {
  const found = products.match(analysis.tokens);
  const byWords = new Map<string, string[]>();
  for (const [concept, match] of found) {
    const words = match.positions.join(' ');
    byWords.set(words, [...(byWords.get(words) ?? []), conceptTag(concept)]);
  }
  const used = new Set([...found.values()].flatMap((m) => m.positions));
  const tokens = analysis.tokens.map((t, i) => (used.has(i) || isStopword(t, messageLanguage) ? '' : t));
  const words = contentGroups({ intent: analysis.intent, concepts: analysis.concepts, tokens }, catalogLanguage);
  return [...[...byWords.values()].map((members) => ({ members, concept: true })), ...words];
}
