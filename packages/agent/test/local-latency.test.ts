import { performance } from 'node:perf_hooks';
import type { KnowledgeChunkSnapshot, Language } from '@vocalia/contracts';
import { createEngine } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

/** A knowledge base of ~300 chunks: the fixture's chunks, plus varied generated ones in the five languages. */
function largeKnowledge(): KnowledgeChunkSnapshot[] {
  const base = dentalSnapshot().knowledge;
  const topics: Record<Language, string[]> = {
    fr: ['orthodontie', 'prothèse', 'couronne', 'bridge', 'carie', 'gencives', 'radiographie', 'anesthésie', 'enfants', 'urgence'],
    en: ['orthodontics', 'denture', 'crown', 'bridge', 'cavity', 'gums', 'x-ray', 'anaesthesia', 'children', 'emergency'],
    es: ['ortodoncia', 'prótesis', 'corona', 'puente', 'caries', 'encías', 'radiografía', 'anestesia', 'niños', 'urgencia'],
    ar: ['تقويم', 'طقم', 'تاج', 'جسر', 'تسوس', 'اللثة', 'أشعة', 'تخدير', 'الأطفال', 'طوارئ'],
    ary: ['التقويم', 'الطقم', 'التاج', 'القنطرة', 'السوسة', 'اللثة', 'الراديو', 'البنج', 'الدراري', 'الطوارئ'],
  };
  const generated: KnowledgeChunkSnapshot[] = [];
  for (const [language, words] of Object.entries(topics) as [Language, string[]][]) {
    for (let i = 0; i < 57; i++) {
      const w = words[i % words.length]!;
      const v = words[(i * 3 + 1) % words.length]!;
      generated.push({
        id: `g-${language}-${i}`, documentId: `doc-g-${language}-${i}`, title: `${w} ${i}`, language,
        text: `${w} ${v} ${i}. ${v} ${w} ${words[(i + 2) % words.length]} ${i * 7}. ${words[(i + 5) % words.length]} ${w} ${i + 100}.`,
      });
    }
  }
  return [...base, ...generated];
}

const MESSAGES = [
  'Quels sont vos horaires ?', 'How much is teeth whitening?', '¿Dónde están?', 'ما هي أوقات العمل؟', 'شحال كيسوا التبياض ديال السنان؟',
  'Do you treat children?', 'Je voudrais un rendez-vous demain à 10h', 'I want to talk to a human', 'salam, bghit nakhod rendez-vous', 'Vous faites les couronnes ?',
];

describe('local provider latency (measured, not asserted)', () => {
  it('when a tenant has ~300 chunks, then turns are answered from the cached index and the timing is reported', async () => {
    const snapshot = { ...dentalSnapshot({ version: 'large' }), knowledge: largeKnowledge() };
    const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
    // Warm the JIT on another version of the same knowledge, so the figures below are steady-state.
    for (let round = 0; round < 5; round++) for (const message of MESSAGES) await engine.respond(turn({ ...snapshot, version: 'warm-up' }, message));
    const coldStart = performance.now();
    await engine.respond(turn(snapshot, MESSAGES[0]!));
    const cold = performance.now() - coldStart;
    const times: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const message of MESSAGES) {
        const input = turn(snapshot, message);
        const start = performance.now();
        const result = await engine.respond(input, () => undefined);
        times.push(performance.now() - start);
        expect(result.answer.length).toBeGreaterThan(0);
      }
    }
    times.sort((a, b) => a - b);
    const at = (q: number): string => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
    const mean = (times.reduce((a, b) => a + b, 0) / times.length).toFixed(3);
    process.stdout.write(
      `\nlocal provider, ${snapshot.knowledge.length} chunks, ${times.length} turns: first turn of a new snapshot version (builds the index) ${cold.toFixed(1)} ms; per turn mean ${mean} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms\n`,
    );
    expect(times).toHaveLength(500);
  });
});
