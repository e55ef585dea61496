import './tracing';
import { createEngine, engineConfigFromEnv, historyOptions, llmEnv } from '@vocalia/agent';
import { widgetBundle } from '@vocalia/widget';
import { createLogger, createRedis, observeModelLatency, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { composeVoiceApi } from './compose';
import { loadServiceEnv } from './env';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('voice-api', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerRedis = createRedis(env.REDIS_URL, 'producer');
  const subscriber = createRedis(env.REDIS_URL, 'subscriber');
  const composed = composeVoiceApi({
    logger,
    redis,
    producerRedis,
    keyPrefix: 'vocalia',
    dbApi: { baseUrl: env.DB_API_INTERNAL_URL, internalToken: env.INTERNAL_API_TOKEN, timeoutMs: env.SNAPSHOT_FETCH_TIMEOUT_MS },
    engine: createEngine({
      ...engineConfigFromEnv(llmEnv(env)),
      onProviderError: (provider, error) => logger.warn('provider failed; falling back', { provider, error: error instanceof Error ? error.message : String(error) }),
      onProviderCall: observeModelLatency,
    }),
    widgetBundle: widgetBundle(),
    widgetToken: { secret: env.WIDGET_TOKEN_SECRET, ttlSec: env.WIDGET_TOKEN_TTL_SEC },
    limits: { windowSec: 60, ipPoints: env.IP_RATE_LIMIT_PER_MINUTE },
    history: historyOptions(env),
    snapshotTtlSec: env.SNAPSHOT_TTL_SEC,
    snapshotMaxTenants: env.SNAPSHOT_CACHE_MAX_TENANTS,
    snapshotMaxBytes: env.SNAPSHOT_CACHE_MAX_BYTES,
    snapshotMaxStaleSec: env.SNAPSHOT_MAX_STALE_SEC,
    socialProofTtlSec: env.SOCIAL_PROOF_TTL_SEC,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    publicBaseUrl: env.PUBLIC_BASE_URL,
  });
  // Not awaited: with Redis away at start we still serve, and the snapshot TTL bounds staleness until it subscribes.
  composed.listenForTenantUpdates(subscriber).catch((err: unknown) => logger.error('tenant-updated subscription failed', { err }));
  await runService({
    service: 'voice-api',
    port: env.PORT,
    logger,
    app: createApp(composed.deps),
    // The http closer runs first and waits for in-flight answers, streams included; then queued events go out.
    closers: [
      { name: 'events', close: () => composed.closeEvents() },
      { name: 'subscriber', close: () => subscriber.quit() },
      { name: 'redis', close: () => Promise.all([redis.quit(), producerRedis.quit()]) },
    ],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

runMain('voice-api', main);
