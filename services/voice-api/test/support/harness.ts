import type { Express } from 'express';
import { createRedis, type Redis } from '@vocalia/service-kit';
import { createApp, type Deps } from '../../src/app';
import { composeVoiceApi, type ComposeOptions, type Composed } from '../../src/compose';
import type { TenantSnapshot } from '@vocalia/contracts';
import { FakeDbApi, INTERNAL_TOKEN, ScriptedEngine, testLogger } from '@vocalia/conversation/testing';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The edge in front, as PUBLIC_BASE_URL names it (a path prefix, to show only its origin counts). */
export const PUBLIC_BASE_URL = 'https://edge.example.com/vocalia';
export const WIDGET_SECRET = 'test-widget-secret-0123456789abcdef0123456789';

export interface Harness {
  app: Express;
  deps: Deps;
  composed: Composed;
  db: FakeDbApi;
  engine: ScriptedEngine;
  redis: Redis;
  producerRedis: Redis;
  subscriber: Redis;
  keyPrefix: string;
  queuePrefix: string;
  addTenant(snapshot: TenantSnapshot): void;
  tokenFor(tenantId: string, origin: string): string;
  close(): Promise<void>;
}

export function waitReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** voice-api wired for real (Redis, BullMQ, HTTP to a fake db-api) with a key prefix of its own. */
export async function startHarness(name: string, overrides: Partial<ComposeOptions> = {}): Promise<Harness> {
  const keyPrefix = `test-voice-${name}-${process.pid}-${Date.now()}`;
  const queuePrefix = `${keyPrefix}-bull`;
  const db = await new FakeDbApi().start();
  const engine = new ScriptedEngine();
  const redis = createRedis(REDIS_URL, 'client');
  const producerRedis = createRedis(REDIS_URL, 'producer');
  const subscriber = createRedis(REDIS_URL, 'subscriber');
  await Promise.all([waitReady(redis), waitReady(producerRedis), waitReady(subscriber)]);
  const composed = composeVoiceApi({
    logger: testLogger(),
    redis,
    producerRedis,
    keyPrefix,
    queuePrefix,
    dbApi: { baseUrl: db.url, internalToken: INTERNAL_TOKEN, timeoutMs: 1000 },
    engine,
    widgetBundle: { code: '(function(){window.VocalIA=1})();', hash: '0123456789abcdef' },
    widgetToken: { secret: WIDGET_SECRET, ttlSec: 600 },
    limits: { windowSec: 60, ipPoints: 10_000, tenantPoints: () => 10_000 },
    history: { maxTurns: 6, ttlSec: 60 },
    snapshotTtlSec: 60,
    socialProofTtlSec: 30,
    realtimeCacheMs: 0,
    trustProxyHops: 1,
    publicBaseUrl: PUBLIC_BASE_URL,
    eventRetryEveryMs: 100,
    ...overrides,
  });
  await composed.listenForTenantUpdates(subscriber);
  return {
    app: createApp(composed.deps),
    deps: composed.deps,
    composed,
    db,
    engine,
    redis,
    producerRedis,
    subscriber,
    keyPrefix,
    queuePrefix,
    addTenant: (snapshot) => void db.snapshots.set(snapshot.tenant.id, snapshot),
    tokenFor: (tenantId, origin) => composed.deps.sessionTokens.issue({ tenantId, origin }).token,
    async close() {
      await composed.closeEvents();
      await deleteKeys(redis, `${keyPrefix}*`);
      await Promise.all([redis.quit(), producerRedis.quit(), subscriber.quit(), db.stop()]);
    },
  };
}
