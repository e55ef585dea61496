import type { Express } from 'express';
import type { Redis } from '@vocalia/service-kit';
import { createApp, type Deps } from '../../src/app';
import { composeVoiceApi, type ComposeOptions, type Composed } from '../../src/compose';
import type { TenantSnapshot } from '@vocalia/contracts';
import { FakeDbApi, ScriptedEngine, startRuntimeHarness, testLogger } from '@vocalia/conversation/testing';

export { REDIS_URL, waitReady } from '@vocalia/conversation/testing';

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

/** voice-api wired for real (Redis, BullMQ, HTTP to a fake db-api) with a key prefix of its own. */
export async function startHarness(name: string, overrides: Partial<ComposeOptions> = {}): Promise<Harness> {
  const runtime = await startRuntimeHarness('voice', name);
  const { db, redis, producerRedis, subscriber, keyPrefix, queuePrefix } = runtime;
  const engine = new ScriptedEngine();
  const composed = composeVoiceApi({
    logger: testLogger(),
    redis,
    producerRedis,
    keyPrefix,
    queuePrefix,
    dbApi: runtime.dbApi,
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
      await runtime.close();
    },
  };
}
