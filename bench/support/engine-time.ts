import type { ConversationProvider, HistoryTurn } from '@vocalia/agent';
import type { TenantSnapshot } from '@vocalia/contracts';
import { BENCH_MESSAGES } from './bench-tenant';

/** The engine alone, called in-process with a 10-turn history: the part of /respond that is not voice-api's. */
export async function engineMedianMs(engine: ConversationProvider, snapshot: TenantSnapshot, count: number): Promise<number> {
  const history: HistoryTurn[] = Array.from({ length: 10 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', text: BENCH_MESSAGES[i % BENCH_MESSAGES.length]!, language: 'en' }));
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await engine.respond({ snapshot, sessionId: `bench-engine-${i % 50}`, message: BENCH_MESSAGES[i % BENCH_MESSAGES.length]!, history });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}
