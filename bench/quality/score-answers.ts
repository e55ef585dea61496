import { createEngine, type RetrievalMode } from '@vocalia/agent';
import { LANGUAGES, type Language } from '@vocalia/contracts';
import type { LabelledBusiness } from './labelled-set';
import { snapshotOf } from './tenant-snapshot';

export type Outcome = 'hit' | 'missed' | 'false' | 'refused';

export interface ScoredQuestion {
  business: string;
  language: Language;
  text: string;
  fact?: string;
  outcome: Outcome;
  answer: string;
}

export interface LanguageFigures {
  answerable: number;
  hits: number;
  unanswerable: number;
  refused: number;
  falseAnswers: number;
}

/**
 * Each question as a fresh widget session through the engine voice-api runs (local provider only):
 * an answerable one is a hit when the reply quotes knowledge stating its fact, false when it quotes
 * knowledge without it; an unanswerable one is refused when no knowledge is quoted, false otherwise.
 */
export async function scoreAnswers(businesses: readonly LabelledBusiness[], retrieval: RetrievalMode): Promise<ScoredQuestion[]> {
  const engine = createEngine({ providers: [{ kind: 'local' }], retrieval });
  const scored: ScoredQuestion[] = [];
  for (const business of businesses) {
    const snapshot = snapshotOf(business);
    for (const [i, q] of business.questions.entries()) {
      const result = await engine.respond({ snapshot, sessionId: `quality-${business.id}-${i}`, message: q.text, history: [] });
      const quoted = result.sources.length > 0;
      const outcome: Outcome = q.fact
        ? !quoted ? 'missed' : business.facts[q.fact]!.test(result.answer) ? 'hit' : 'false'
        : quoted ? 'false' : 'refused';
      scored.push({ business: business.id, language: q.language, text: q.text, fact: q.fact, outcome, answer: result.answer });
    }
  }
  return scored;
}

export function figuresByLanguage(scored: readonly ScoredQuestion[]): Record<Language | 'all', LanguageFigures> {
  const empty = (): LanguageFigures => ({ answerable: 0, hits: 0, unanswerable: 0, refused: 0, falseAnswers: 0 });
  const figures = Object.fromEntries([...LANGUAGES, 'all'].map((l) => [l, empty()])) as Record<Language | 'all', LanguageFigures>;
  for (const s of scored) {
    for (const f of [figures[s.language], figures.all]) {
      if (s.fact) f.answerable++;
      else f.unanswerable++;
      if (s.outcome === 'hit') f.hits++;
      if (s.outcome === 'refused') f.refused++;
      if (s.outcome === 'false') f.falseAnswers++;
    }
  }
  return figures;
}
