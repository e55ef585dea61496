import type { ConversationProvider, EngineInput, EngineResult, TokenSink } from '../engine';
import { emitWords } from '../stream/word-stream';
import type { TurnAnalyzer } from '../turn/analyze-turn';
import { toResult } from '../turn/to-result';
import { composeReply } from './compose-reply';

/** The embedded provider: no key, no network, deterministic; answers from templates and the tenant's snapshot. */
export class LocalProvider implements ConversationProvider {
  readonly name = 'local';

  constructor(private readonly analyzer: TurnAnalyzer) {}

  async respond(input: EngineInput, onToken?: TokenSink): Promise<EngineResult> {
    const analysis = this.analyzer.analyze(input);
    const reply = composeReply(analysis);
    emitWords(reply.answer, onToken);
    return toResult(analysis, Object.assign({}, reply, { provider: this.name }));
  }
}
