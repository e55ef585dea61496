import type { ConversationProvider, EngineInput, EngineResult, TokenSink } from '@vocalia/agent';

/**
 * A scripted provider standing in for a model API: it echoes how much history it saw, raises the
 * lead score by 25 per message that mentions "buy", and streams its answer word by word.
 */
export class ScriptedEngine implements ConversationProvider {
  readonly name = 'scripted';
  readonly inputs: EngineInput[] = [];
  delayMs = 0;

  async respond(input: EngineInput, onToken?: TokenSink): Promise<EngineResult> {
    this.inputs.push(input);
    const previous = input.lead?.score ?? 0;
    const score = Math.min(100, previous + (/buy/i.test(input.message) ? 25 : 0));
    const answer = `You said: ${input.message} (history ${input.history.length})`;
    for (const word of answer.split(/(?<= )/)) {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      onToken?.(word);
    }
    return {
      answer,
      language: input.language ?? 'en',
      intent: 'faq',
      lead: { score, bant: { budget: Math.min(25, score), need: Math.min(25, Math.max(0, score - 25)), authority: Math.min(25, Math.max(0, score - 50)), timeline: Math.max(0, score - 75) } },
      actions: [],
      sources: [],
      provider: this.name,
      handoff: false,
      answerKind: 'other',
    };
  }
}
