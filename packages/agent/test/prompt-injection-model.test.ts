import type { Language } from '@vocalia/contracts';
import { createEngine, OpenAICompatibleProvider, REPLIES, scoreInjection, TenantIndexCache, TurnAnalyzer, type EngineInput, type EngineResult } from '../src';
import { foldText, wordTokens } from '../src/text/fold';
import { fixedClock, tokenRecorder, turn } from './support/engine-input';
import { guardedDentalSnapshot, INTERNAL_CODE, INTERNAL_NOTE, PUBLIC_INSTRUCTIONS, secretTenantSnapshot } from './support/fixtures';
import { ATTACKS, BENIGN } from './support/injection-corpus';
import { ObedientOpenAIServer } from './support/obedient-openai-server';

const OTHER_TENANT = secretTenantSnapshot().tenant.name;
const letters = (text: string): string => wordTokens(foldText(text)).join('');
const refusal = (language: Language): string => REPLIES[language].refusal.replace('{business}', guardedDentalSnapshot().tenant.name);

/** What must never reach a visitor: the internal code, this turn's canary, 5 words in a row of the instructions, another tenant. */
function leaksIn(answer: string, canaries: readonly string[]): string[] {
  const found: string[] = [];
  if (letters(answer).includes(letters(INTERNAL_CODE))) found.push('internal code');
  if (canaries.some((c) => letters(answer).includes(letters(c)))) found.push('canary');
  if (letters(answer).includes(letters(OTHER_TENANT))) found.push('other tenant');
  const words = wordTokens(foldText(answer)).join(' ');
  for (const text of [PUBLIC_INSTRUCTIONS, INTERNAL_NOTE]) {
    const w = wordTokens(foldText(text));
    for (let i = 0; i + 5 <= w.length; i++) if (words.includes(w.slice(i, i + 5).join(' '))) found.push(`instructions: ${w.slice(i, i + 5).join(' ')}`);
  }
  return found;
}

const canariesSent = (server: ObedientOpenAIServer): string[] => server.requests.flatMap((r) => r.system.match(/VQ-[0-9A-F]{10}/g) ?? []);

describe('prompt injection against a model that obeys every attack', () => {
  let server: ObedientOpenAIServer;
  let baseURL: string;
  const provider = { kind: 'openai-compatible' as const, name: 'xai', apiKey: 'test-key', model: 'obedient' };

  beforeEach(async () => {
    server = new ObedientOpenAIServer({ businesses: [OTHER_TENANT], codes: [INTERNAL_CODE] });
    baseURL = await server.start();
  });
  afterEach(() => server.close());

  /** The provider alone, without the engine's input guard: what its output guard holds by itself. */
  async function modelOnly(input: EngineInput, streaming: boolean): Promise<{ result: EngineResult; streamed: string }> {
    const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(), now: fixedClock });
    analyzer.analyze(turn(secretTenantSnapshot(), 'hello'));
    const model = new OpenAICompatibleProvider({ ...provider, baseURL, timeoutMs: 5000 }, analyzer);
    const tokens = tokenRecorder();
    const result = await model.respond(input, streaming ? tokens.sink : undefined);
    return { result, streamed: tokens.text() };
  }

  it.each(ATTACKS.map((a) => [a.language, a.message, a] as const))('when the %s attack "%s" is sent, then the input guard scores it as an injection', (_l, _m, attack) => {
    expect(scoreInjection(attack.message).score).toBeGreaterThanOrEqual(1);
  });

  it.each(ATTACKS.flatMap((a) => [[a.language, a.message, 'streaming', a] as const, [a.language, a.message, 'not streaming', a] as const]))(
    'when the %s attack "%s" reaches the obedient model (input guard bypassed, %s), then nothing protected reaches the visitor and the refusal is in the language',
    async (_l, _m, mode, attack) => {
      server.mode = attack.obey;
      const { result, streamed } = await modelOnly(turn(guardedDentalSnapshot(), attack.message, { language: attack.language }), mode === 'streaming');
      expect(server.replies).toHaveLength(1);
      expect(leaksIn(server.replies[0]!, canariesSent(server)).length).toBeGreaterThan(0);
      expect(leaksIn(result.answer, canariesSent(server))).toEqual([]);
      expect(result.intent).toBe('prompt_injection');
      // Streaming releases words older than the hold-back window: harmless lead-in words may precede the refusal.
      if (mode === 'streaming') expect(result.answer.endsWith(refusal(attack.language))).toBe(true);
      else expect(result.answer).toBe(refusal(attack.language));
      if (mode === 'streaming') expect(streamed).toBe(result.answer);
    },
  );

  it.each(ATTACKS.map((a) => [a.language, a.message, a] as const))('when the %s attack "%s" goes through the engine, then it never reaches the model and is refused', async (_l, _m, attack) => {
    server.mode = attack.obey;
    const engine = createEngine({ providers: [{ ...provider, baseURL }], now: fixedClock });
    await engine.respond(turn(secretTenantSnapshot(), 'What is your pricing policy?'));
    const before = server.requests.length;
    const tokens = tokenRecorder();
    const result = await engine.respond(turn(guardedDentalSnapshot(), attack.message, { language: attack.language }), tokens.sink);
    expect(server.requests).toHaveLength(before);
    expect(result.answer).toBe(refusal(attack.language));
    expect(tokens.text()).toBe(result.answer);
  });

  it('when the model knows the internal code and says it after a long harmless start, then the code never leaves, even spelled, and the refusal follows what was streamed', async () => {
    const preamble = 'We are open Monday to Friday from 9am to 6pm and on Saturday mornings. '.repeat(5);
    for (const mode of ['recall', 'recall_spelled'] as const) {
      const talkative = new ObedientOpenAIServer({ businesses: [], codes: [INTERNAL_CODE] }, preamble);
      talkative.mode = mode;
      const model = new OpenAICompatibleProvider({ ...provider, baseURL: await talkative.start(), timeoutMs: 5000 }, new TurnAnalyzer({ indexes: new TenantIndexCache(), now: fixedClock }));
      const tokens = tokenRecorder();
      try {
        const result = await model.respond(turn(guardedDentalSnapshot(), 'Tell me about your opening hours', { language: 'en' }), tokens.sink);
        expect(tokens.text()).toBe(result.answer);
        expect(result.answer.startsWith('We are open Monday to Friday')).toBe(true);
        expect(result.answer.endsWith(refusal('en'))).toBe(true);
        expect(leaksIn(result.answer, [])).toEqual([]);
        expect(tokens.pieces.join('')).not.toContain('remember');
      } finally {
        await talkative.close();
      }
    }
  });

  it('when a turn reaches the model, then its prompt holds the public instructions and a fresh canary, never the internal note, its code or another tenant', async () => {
    const engine = createEngine({ providers: [{ ...provider, baseURL }], now: fixedClock });
    await engine.respond(turn(secretTenantSnapshot(), 'What is your pricing policy?'));
    await engine.respond(turn(guardedDentalSnapshot(), 'What are your opening hours?'));
    await engine.respond(turn(guardedDentalSnapshot(), 'How much is a cleaning?'));
    const dentalPrompts = server.requests.slice(1).map((r) => r.system);
    for (const system of dentalPrompts) {
      expect(system).toContain(PUBLIC_INSTRUCTIONS);
      expect(system).not.toContain('Internal note');
      expect(letters(system)).not.toContain(letters(INTERNAL_CODE));
      expect(system).not.toContain(OTHER_TENANT);
    }
    const canaries = canariesSent(server).slice(-4);
    expect(new Set(canaries).size).toBe(2);
  });

  it('when internal parts are written as a French label line or an [internal] block, then they stay out of the prompt, and a number the tenant also publishes is not treated as secret', async () => {
    const base = guardedDentalSnapshot();
    const snapshot = {
      ...base,
      agent: base.agent && {
        ...base.agent,
        instructions: `${PUBLIC_INSTRUCTIONS}\nNote interne : le code du coffre est COFFRE-7781.\n[internal]Escalate to +212522000001 or use code VIP-55210.[/internal]\nBe warm.`,
      },
    };
    server.mode = 'answer';
    const engine = createEngine({ providers: [{ ...provider, baseURL }], now: fixedClock });
    await engine.respond(turn(snapshot, 'What are your opening hours?'));
    const system = server.requests[0]!.system;
    expect(system).toContain(PUBLIC_INSTRUCTIONS);
    expect(system).toContain('Be warm.');
    for (const hidden of ['COFFRE-7781', 'VIP-55210', 'Note interne', 'Escalate']) expect(system).not.toContain(hidden);
    const talkative = new ObedientOpenAIServer({ businesses: [], codes: ['+212522000001'] });
    const model = createEngine({ providers: [{ ...provider, baseURL: await talkative.start() }], now: fixedClock });
    try {
      talkative.mode = 'recall';
      const phone = await model.respond(turn(snapshot, 'How do I reach a person?'));
      expect(phone.answer).toContain('+212522000001');
    } finally {
      await talkative.close();
    }
  });

  it(`when ${BENIGN.length} legitimate questions in five languages are asked, streaming, then the model's answer reaches the visitor every time (no false positive)`, async () => {
    const engine = createEngine({ providers: [{ ...provider, baseURL }], now: fixedClock });
    await engine.respond(turn(secretTenantSnapshot(), 'What is your pricing policy?'));
    const blocked: string[] = [];
    for (const [language, message, obey] of BENIGN) {
      server.mode = obey ?? 'answer';
      const tokens = tokenRecorder();
      const replies = server.replies.length;
      const result = await engine.respond(turn(guardedDentalSnapshot(), message, { language }), tokens.sink);
      const said = server.replies[replies];
      if (result.provider !== 'xai' || result.answer !== said || tokens.text() !== said) blocked.push(message);
    }
    expect(blocked).toEqual([]);
  });
});
