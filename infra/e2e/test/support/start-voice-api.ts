import type { RequestListener } from 'node:http';
import { createEngine, engineConfigFromEnv } from '@vocalia/agent';
import { createApp, composeVoiceApi } from '@vocalia/voice-api';
import { createLogger, createRedis } from '@vocalia/service-kit';
import { widgetBundle } from '@vocalia/widget';
import { whenReady } from './redis-keys';
import { INTERNAL_API_TOKEN, LOG_LEVEL, REDIS_URL, WIDGET_TOKEN_SECRET } from './test-env';

export interface VoiceApiOptions {
  dbApiUrl: string;
  /** BullMQ prefix: db-api's, so its workers consume what this voice-api publishes. */
  queuePrefix: string;
  /** Redis prefix for histories and rate limits. */
  keyPrefix: string;
  /** The rate-limit window (60 s in production). */
  rateWindowSec: number;
  /** The clock rate-limit windows follow: the test's own, so a window ends when the test says. */
  rateClock?: () => number;
  /** Model provider variables as voice-api's env would carry them (OPENAI_API_KEY, OPENAI_BASE_URL, LLM_TIMEOUT_MS...). */
  llmEnv?: Record<string, string>;
  /** PUBLIC_BASE_URL: the edge in front of this voice-api. */
  publicBaseUrl: string;
}

export interface RunningVoiceApi {
  handler: RequestListener;
  close(): Promise<void>;
}

/** voice-api wired as its main.ts does (real engine, Redis, BullMQ, HTTP to db-api); no listen here. */
export async function startVoiceApi(opts: VoiceApiOptions): Promise<RunningVoiceApi> {
  const logger = createLogger('voice-api', LOG_LEVEL);
  const redis = createRedis(REDIS_URL, 'client');
  const producerRedis = createRedis(REDIS_URL, 'producer');
  const subscriber = createRedis(REDIS_URL, 'subscriber');
  await Promise.all([redis, producerRedis, subscriber].map(whenReady));
  const composed = composeVoiceApi({
    logger,
    redis,
    producerRedis,
    keyPrefix: opts.keyPrefix,
    queuePrefix: opts.queuePrefix,
    dbApi: { baseUrl: opts.dbApiUrl, internalToken: INTERNAL_API_TOKEN, timeoutMs: 5000 },
    engine: createEngine({
      ...engineConfigFromEnv(opts.llmEnv ?? {}),
      onProviderError: (provider, error) => logger.warn('provider failed; falling back', { provider, error: error instanceof Error ? error.message : String(error) }),
    }),
    widgetBundle: widgetBundle(),
    widgetToken: { secret: WIDGET_TOKEN_SECRET, ttlSec: 600 },
    // Every request comes from 127.0.0.1: the per-IP limit is not what these tests watch.
    limits: { windowSec: opts.rateWindowSec, ipPoints: 10_000, now: opts.rateClock },
    history: { maxTurns: 20, ttlSec: 600 },
    snapshotTtlSec: 60,
    socialProofTtlSec: 30,
    trustProxyHops: 1,
    publicBaseUrl: opts.publicBaseUrl,
    eventRetryEveryMs: 100,
  });
  await composed.listenForTenantUpdates(subscriber);
  return {
    handler: createApp(composed.deps) as unknown as RequestListener,
    async close() {
      await composed.closeEvents();
      await Promise.all([redis.quit(), producerRedis.quit(), subscriber.quit()]);
    },
  };
}
