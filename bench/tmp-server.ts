import { createEngine, engineConfigFromEnv } from '@vocalia/agent';
import { createRedis, listen } from '@vocalia/service-kit';
import { composeVoiceApi, createApp } from '@vocalia/voice-api';
import { BENCH_ORIGIN, BENCH_TENANT, benchSnapshot } from './support/bench-tenant';
import { nextBody } from './support/load';
import { startSnapshotServer } from './support/snapshot-server';
import { discardingLogger, urlOf } from './support/servers';
(async () => {
  const snapshots = await startSnapshotServer(benchSnapshot());
  const redis = createRedis('redis://127.0.0.1:6379', 'client');
  const producerRedis = createRedis('redis://127.0.0.1:6379', 'producer');
  await new Promise((r) => setTimeout(r, 300));
  const composed = composeVoiceApi({
    logger: discardingLogger(), redis, producerRedis, keyPrefix: 'probe', queuePrefix: 'probe-bull',
    dbApi: { baseUrl: snapshots.url, internalToken: 'x'.repeat(20), timeoutMs: 2000 },
    engine: process.env.FAKE ? { name: 'fake', respond: async () => ({ answer: 'ok', language: 'en', intent: 'x', lead: { score: 0, bant: { budget: 0, authority: 0, need: 0, timeline: 0 } }, actions: [], sources: [], provider: 'fake', handoff: false }) } : createEngine(engineConfigFromEnv({})),
    widgetBundle: { code: '', hash: 'b' }, widgetToken: { secret: 's'.repeat(40), ttlSec: 3600 },
    limits: { windowSec: 60, ipPoints: 1e9, tenantPoints: () => 1e9 }, history: { maxTurns: 20, ttlSec: 600 },
    snapshotTtlSec: 60, socialProofTtlSec: 30, realtimeConfigured: false, trustProxyHops: 1,
  });
  const server = await listen(createApp(composed.deps), 3999, undefined, '127.0.0.1');
  const token = composed.deps.sessionTokens.issue({ tenantId: BENCH_TENANT, origin: BENCH_ORIGIN }).token;
  process.stdout.write(JSON.stringify({ url: urlOf(server), token }) + '\n');
  setTimeout(() => process.exit(0), Number(process.env.UP_MS ?? 12000));
  return;
  const url = urlOf(server) + '/respond';
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now(); const N = 500; const lat: number[] = [];
    for (let i = 0; i < N; i++) {
      const s = performance.now();
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN, authorization: `Bearer ${token}` }, body: nextBody() });
      await r.text(); lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    process.stdout.write(`round ${round}: ${((performance.now() - t0) / N).toFixed(3)} ms/req p50 ${lat[N / 2]!.toFixed(2)} p99 ${lat[Math.floor(N * 0.99)]!.toFixed(2)}\n`);
  }
  process.exit(0);
})();
