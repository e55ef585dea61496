import type { RespondAction } from '@vocalia/contracts';
import type { EngineResult, TokenSink } from '../engine';
import { fill, REPLIES } from '../personas/replies';
import { emitWords } from '../stream/word-stream';
import type { TurnAnalysis } from '../turn/analyze-turn';
import { toResult } from '../turn/to-result';
import type { ToolOutcome } from './run-tool';
import { promptSources } from './system-prompt';
import type { StreamRelay } from './stream-relay';

export class EmptyAnswerError extends Error {
  constructor(provider: string) {
    super(`${provider} returned no text`);
    this.name = 'EmptyAnswerError';
  }
}

/** One action per type, the model's last word winning (it may search the catalogue twice). */
function lastPerType(outcomes: readonly ToolOutcome[]): RespondAction[] {
  const byType = new Map<string, RespondAction>();
  for (const o of outcomes) if (o.action) byType.set(o.action.type, o.action);
  return [...byType.values()];
}

/**
 * Ends a model turn: flushes the stream; if the guard caught a leak (canary, secret, instructions,
 * another tenant), the visitor gets the refusal in the reply language instead of the rest: after
 * the words already streamed, or alone when the caller does not stream. The lead score stays the
 * local scorer's.
 */
export function finishRemoteTurn(a: TurnAnalysis, relay: StreamRelay, outcomes: readonly ToolOutcome[], provider: string, onToken?: TokenSink): EngineResult {
  relay.finish();
  let answer = relay.text;
  let intent: string | undefined;
  if (relay.leak) {
    const refusal = fill(REPLIES[a.language].refusal, { business: a.input.snapshot.tenant.name });
    const tail = answer && !/\s$/.test(answer) ? ` ${refusal}` : refusal;
    emitWords(tail, onToken);
    answer += tail;
    intent = 'prompt_injection';
  }
  if (!answer.trim()) throw new EmptyAnswerError(provider);
  const sources = promptSources(a).map((h) => ({ documentId: h.chunk.documentId, title: h.chunk.title, score: Math.round(h.score * 1000) / 1000 }));
  return toResult(a, { answer, actions: lastPerType(outcomes), sources, provider, intent });
}
