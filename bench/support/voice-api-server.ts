import { createEngine, engineConfigFromEnv } from '@vocalia/agent';
import { createRedis, listen, type Redis } from '@vocalia/service-kit';
import { composeVoiceApi, createApp } from '@vocalia/voice-api';
import { BENCH_ORIGIN, BENCH_TENANT, benchSnapshot } from './bench-tenant';
import { startSnapshotServer } from './snapshot-server';
import { discardingLogger } from './servers';

const ready = (r: Redis) => (r.status === 'ready' ? Promise.resolve() : new Promise<void>((ok) => r.once('ready', () => ok())));

/** voice-api in-process as main.ts wires it (local provider, real Redis and BullMQ), a fake db-api serving the bench tenant. */
export async function startVoiceApi(prefix: string, redisUrl: string) {
  const snapshot = benchSnapshot();
  const snapshots = await startSnapshotServer(snapshot);
  const engine = createEngine(engineConfigFromEnv({}));
  const redis = createRedis(redisUrl, 'client');
  const producerRedis = createRedis(redisUrl, 'producer');
  await Promise.all([ready(redis), ready(producerRedis)]);
  const composed = composeVoiceApi({
    logger: discardingLogger(),
    redis,
    producerRedis,
    keyPrefix: prefix,
    queuePrefix: `${prefix}-bull`,
    dbApi: { baseUrl: snapshots.url, internalToken: 'bench-internal-token', timeoutMs: 2000 },
    engine,
    widgetBundle: { code: '', hash: 'bench' },
    widgetToken: { secret: 'bench-widget-secret-0123456789abcdef0123', ttlSec: 3600 },
    // Limits high enough never to refuse, but still counted in Redis on every request as in production.
    limits: { windowSec: 60, ipPoints: 1e9, tenantPoints: () => 1e9 },
    history: { maxTurns: 20, ttlSec: 600 },
    publicBaseUrl: 'http://localhost:8080',
    snapshotTtlSec: 60,
    socialProofTtlSec: 30,
    trustProxyHops: 1,
  });
  const server = await listen(createApp(composed.deps), 0, undefined, '127.0.0.1');
  const token = composed.deps.sessionTokens.issue({ tenantId: BENCH_TENANT, origin: BENCH_ORIGIN }).token;
  const close = async () => {
    await new Promise((r) => server.close(r));
    server.closeAllConnections();
    await composed.closeEvents();
    await deleteKeys(redis, `${prefix}*`);
    await Promise.all([redis.quit(), producerRedis.quit()]);
    snapshots.server.close();
  };
  return { server, engine, snapshot, headers: { origin: BENCH_ORIGIN, authorization: `Bearer ${token}` }, close };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

