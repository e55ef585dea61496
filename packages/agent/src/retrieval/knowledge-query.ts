import type { Language } from '@vocalia/contracts';
import type { IntentAnalysis } from '../intent/detect-intent';
import type { QueryGroup } from './bm25';
import { paraphraseGroups } from './paraphrase-terms';
import { buildQueryGroups } from './query-groups';
import type { RetrievalMode } from './tenant-index';

/** The knowledge query of a message for an index's ranking mode (`language` is the message's, `reply` the answer's). */
export function knowledgeQuery(mode: RetrievalMode, message: string, analysis: IntentAnalysis, language: Language, reply: Language): QueryGroup[] {
  return mode === 'paraphrase' ? paraphraseGroups(message, language, reply) : buildQueryGroups(analysis, language);
}
