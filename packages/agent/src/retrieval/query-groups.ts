import { LANGUAGES, type Language } from '@vocalia/contracts';
import type { IntentAnalysis } from '../intent/detect-intent';
import { INTENT_CUES } from '../lexicon/intent-cues';
import type { CueTable } from '../lexicon/intent-cues';
import { TOPIC_CUES, TOPIC_EXPANSIONS } from '../lexicon/topic-cues';
import { analyzeText, termOf } from '../text/analyze';
import type { QueryGroup } from './bm25';
import { conceptTag } from './paraphrase-terms';

/** Concepts that name what a knowledge chunk is about (booking, greeting... are actions, not topics). */
const RETRIEVABLE = ['hours', 'pricing', 'order_status', 'location', 'contact', 'payment', 'insurance', 'parking'] as const;
type Retrievable = (typeof RETRIEVABLE)[number];

const ALL_CUES: Record<Retrievable, CueTable> = {
  hours: INTENT_CUES.hours,
  pricing: INTENT_CUES.pricing,
  order_status: INTENT_CUES.order_status,
  ...TOPIC_CUES,
};

function membersOf(concept: Retrievable): string[] {
  const members = new Set<string>();
  for (const language of LANGUAGES) {
    const cues = (ALL_CUES[concept][language] ?? '').replace(/\*/g, '').split('|');
    const extra = TOPIC_EXPANSIONS[concept]?.[language] ?? '';
    for (const text of [...cues, extra]) for (const term of analyzeText(text, language)) members.add(term);
  }
  return [...members];
}

/** Every spelling of each concept in all five languages, stemmed as documents in that language are. */
const CONCEPT_MEMBERS = new Map<Retrievable, string[]>(RETRIEVABLE.map((c) => [c, membersOf(c)]));

/**
 * Query groups for retrieval: one per retrievable concept the visitor mentioned (cross-language
 * expansion), plus one per remaining content word of the message.
 */
export function buildQueryGroups(analysis: IntentAnalysis, language: Language): QueryGroup[] {
  const used = new Set<number>();
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  for (const [concept, match] of analysis.concepts) {
    for (const p of match.positions) used.add(p);
    const members = CONCEPT_MEMBERS.get(concept as Retrievable);
    if (!members) continue;
    groups.push({ members, concept: true });
    // The visitor's own words for the concept favour chunks written the same way (same language).
    for (const p of match.positions) {
      const term = termOf(analysis.tokens[p]!, language);
      if (term && !seen.has(term)) {
        seen.add(term);
        groups.push({ members: [term], concept: false, optional: true });
      }
    }
  }
  analysis.tokens.forEach((token, i) => {
    if (used.has(i)) return;
    const term = termOf(token, language);
    if (!term || seen.has(term)) return;
    seen.add(term);
    groups.push({ members: [term], concept: false });
  });
  return groups;
}

/** Content-word groups only (no concepts): for catalogue search, where "how much" is not a product word. */
export function contentGroups(analysis: IntentAnalysis, language: Language): QueryGroup[] {
  return buildQueryGroups(analysis, language).filter((g) => !g.concept && !g.optional);
}

/** The query group of one concept alone (its spellings, and its tag for paraphrase indexes), e.g. to look up the opening hours for a model's prompt. */
export function conceptGroup(concept: Retrievable): QueryGroup {
  return { members: [...(CONCEPT_MEMBERS.get(concept) ?? []), conceptTag(concept)], concept: true };
}
