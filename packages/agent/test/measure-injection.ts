/**
 * Detection rates of the prompt-injection guards. Input: attacks scored as injections. Output: with
 * the input guard bypassed, obedient-model replies stopped (and by what), streaming and not. False
 * positives: legitimate questions refused at input or whose model answer was stopped.
 * Prints figures, asserts nothing. Run: `cd packages/agent && npx tsx test/measure-injection.ts`
 */
import { createEngine, OpenAICompatibleProvider, scoreInjection, TenantIndexCache, TurnAnalyzer, type EngineInput } from '../src';
import { promptProtection } from '../src/providers/system-prompt';
import { LeakDetector } from '../src/safety/leak-detector';
import { fixedClock, turn } from './support/engine-input';
import { guardedDentalSnapshot, INTERNAL_CODE, secretTenantSnapshot } from './support/fixtures';
import { ATTACKS, BENIGN, HELD_OUT_ATTACKS, HELD_OUT_ATTACKS_2, HELD_OUT_BENIGN, HELD_OUT_BENIGN_2 } from './support/injection-corpus';
import { ObedientOpenAIServer } from './support/obedient-openai-server';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const pct = (n: number, of: number): string => `${n}/${of} (${of === 0 ? 0 : Math.round((n / of) * 100)}%)`;
const provider = { kind: 'openai-compatible' as const, name: 'xai', apiKey: 'test-key', model: 'obedient' };

async function outputLayer(server: ObedientOpenAIServer, baseURL: string): Promise<void> {
  const kinds = new Map<string, number>();
  let stopped = 0;
  let runs = 0;
  for (const attack of ATTACKS) {
    for (const streaming of [true, false]) {
      server.mode = attack.obey;
      const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(), now: fixedClock });
      analyzer.analyze(turn(secretTenantSnapshot(), 'hello'));
      const model = new OpenAICompatibleProvider({ ...provider, baseURL, timeoutMs: 5000 }, analyzer);
      const input: EngineInput = turn(guardedDentalSnapshot(), attack.message, { language: attack.language });
      const result = await model.respond(input, streaming ? () => undefined : undefined);
      runs += 1;
      if (result.intent !== 'prompt_injection') continue;
      stopped += 1;
      const canary = server.requests.at(-1)!.system.match(/VQ-[0-9A-F]{10}/)?.[0] ?? '';
      const kind = new LeakDetector(promptProtection(analyzer.analyze(input), canary, analyzer.tenants.others(input.snapshot.tenant.id))).find(server.replies.at(-1)!) ?? '?';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  out(`output guard alone (input bypassed), ${ATTACKS.length} attacks x streaming/not: stopped ${pct(stopped, runs)}`);
  out(`  stopped by: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

async function falsePositives(server: ObedientOpenAIServer, baseURL: string, questions: readonly (readonly [string, string | undefined])[], label: string): Promise<void> {
  const engine = createEngine({ providers: [{ ...provider, baseURL }], now: fixedClock });
  await engine.respond(turn(secretTenantSnapshot(), 'What is your pricing policy?'));
  const atInput: string[] = [];
  const atOutput: string[] = [];
  for (const [message, obey] of questions) {
    server.mode = obey === 'comply' ? 'comply' : 'answer';
    const replies = server.replies.length;
    const result = await engine.respond(turn(guardedDentalSnapshot(), message), () => undefined);
    if (server.replies.length === replies) atInput.push(message);
    else if (result.answer !== server.replies[replies]) atOutput.push(message);
  }
  out(`${label}: refused at input ${pct(atInput.length, questions.length)}, answer stopped at output ${pct(atOutput.length, questions.length)}`);
  for (const m of [...atInput, ...atOutput]) out(`  false positive: ${m}`);
}

async function main(): Promise<void> {
  const caught = ATTACKS.filter((a) => scoreInjection(a.message).score >= 1);
  out(`input guard, the nine attacks in en/fr/es/ar/ary: caught ${pct(caught.length, ATTACKS.length)}`);
  for (const [label, set] of [['round 1, cues since generalised from its misses', HELD_OUT_ATTACKS], ['round 2, never used to tune', HELD_OUT_ATTACKS_2]] as const) {
    const heldOut = set.filter((m) => scoreInjection(m).score >= 1);
    out(`input guard, held-out attacks (${label}): caught ${pct(heldOut.length, set.length)}`);
    for (const m of set.filter((x) => !heldOut.includes(x))) out(`  missed at input: ${m} (score ${scoreInjection(m).score})`);
  }
  const server = new ObedientOpenAIServer({ businesses: [secretTenantSnapshot().tenant.name], codes: [INTERNAL_CODE] });
  const baseURL = await server.start();
  try {
    await outputLayer(server, baseURL);
    await falsePositives(server, baseURL, BENIGN.map(([, m, obey]) => [m, obey] as const), `false positives, ${BENIGN.length} legitimate questions`);
    await falsePositives(server, baseURL, HELD_OUT_BENIGN.map((m) => [m, undefined] as const), `false positives, ${HELD_OUT_BENIGN.length} held-out legitimate questions (round 1)`);
    await falsePositives(server, baseURL, HELD_OUT_BENIGN_2.map((m) => [m, undefined] as const), `false positives, ${HELD_OUT_BENIGN_2.length} held-out legitimate questions (round 2)`);
  } finally {
    await server.close();
  }
}

void main();
