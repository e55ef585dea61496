import { INTENT_CUES, type IntentConcept } from '../lexicon/intent-cues';
import { CueMatcher, type CueMatch } from '../lexicon/cue-matcher';
import { TOPIC_CUES } from '../lexicon/topic-cues';
import { foldText, wordTokens } from '../text/fold';
import { termOf } from '../text/analyze';
import { isQuestion } from './question-form';
import type { Intent, Language } from '@vocalia/contracts';

export type Concept = IntentConcept | keyof typeof TOPIC_CUES;

const matcher = new CueMatcher<Concept>({ ...INTENT_CUES, ...TOPIC_CUES });

/** Substantive intents in tie-break order: asking for a person or complaining outranks everything. */
const SUBSTANTIVE: readonly Intent[] = ['handoff', 'complaint', 'booking', 'order_status', 'pricing', 'hours', 'product_search'];
/** "Do you have..." is said about everything (slots, parking...): product cues only win when nothing else matched as well. */
const WEIGHT: Partial<Record<Intent, number>> = { product_search: 0.5 };

/** Phrases that take an intent's cue word ("réservé aux femmes" books nothing; "combien de chambres" asks how many, not a price). */
const WORD_TAKERS: readonly (readonly [Concept, Concept])[] = [
  ['not_booking', 'booking'],
  ['quantity', 'pricing'],
];

export interface IntentAnalysis {
  intent: Intent;
  /** Folded word tokens of the message. */
  tokens: string[];
  concepts: Map<Concept, CueMatch>;
}

function leftoverContent(tokens: string[], used: Set<number>, language: Language): number {
  let n = 0;
  tokens.forEach((t, i) => {
    if (!used.has(i) && termOf(t, language)) n++;
  });
  return n;
}

/** The visitor's intent: the strongest substantive cue, else greeting/goodbye for short social turns, else question. */
export function detectIntent(message: string, language: Language): IntentAnalysis {
  const tokens = wordTokens(foldText(message));
  const concepts = matcher.match(tokens);
  for (const [phrase, intent] of WORD_TAKERS) {
    const taker = concepts.get(phrase);
    if (taker && concepts.get(intent)?.positions.every((p) => taker.positions.includes(p))) concepts.delete(intent);
  }
  let best: Intent | undefined;
  let bestScore = 0;
  for (const intent of SUBSTANTIVE) {
    const score = (concepts.get(intent as Concept)?.score ?? 0) * (WEIGHT[intent] ?? 1);
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  if (best) return { intent: best, tokens, concepts };
  const bye = concepts.get('goodbye');
  const hello = concepts.get('greeting');
  const topic = Object.keys(TOPIC_CUES).some((t) => concepts.has(t as Concept));
  if ((bye || hello) && !topic) {
    const used = new Set([...(bye?.positions ?? []), ...(hello?.positions ?? [])]);
    const leftover = leftoverContent(tokens, used, language);
    if (leftover === 0 || (leftover === 1 && !isQuestion(message))) {
      return { intent: bye && bye.score >= (hello?.score ?? 0) ? 'goodbye' : 'greeting', tokens, concepts };
    }
  }
  return { intent: 'question', tokens, concepts };
}
