import { createLogger, createRedis, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { composeRealtime } from './compose';
import { loadServiceEnv } from './env';
import { realtimeModel } from './model/realtime-model';
import type { ReadyHeartbeat } from './ready-heartbeat';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('realtime', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerRedis = createRedis(env.REDIS_URL, 'producer');
  const subscriber = createRedis(env.REDIS_URL, 'subscriber');
  const speech =
    env.REALTIME_MODEL_URL && env.REALTIME_API_KEY
      ? realtimeModel({ url: env.REALTIME_MODEL_URL, apiKey: env.REALTIME_API_KEY, model: env.REALTIME_MODEL, voice: env.REALTIME_VOICE, transcriptionModel: env.REALTIME_TRANSCRIPTION_MODEL })
      : undefined;
  const composed = composeRealtime({
    logger,
    redis,
    producerRedis,
    keyPrefix: 'vocalia',
    dbApi: { baseUrl: env.DB_API_INTERNAL_URL, internalToken: env.INTERNAL_API_TOKEN, timeoutMs: env.SNAPSHOT_FETCH_TIMEOUT_MS },
    widgetTokenSecret: env.WIDGET_TOKEN_SECRET,
    history: { maxTurns: env.HISTORY_MAX_TURNS, ttlSec: env.HISTORY_TTL_SEC },
    snapshotTtlSec: env.SNAPSHOT_TTL_SEC,
    openModel: speech,
    limits: {
      startTimeoutMs: env.REALTIME_START_TIMEOUT_MS,
      maxSessionMs: env.REALTIME_MAX_SESSION_SEC * 1000,
      idleMs: env.REALTIME_IDLE_SEC * 1000,
      pingEveryMs: 20_000,
      maxEarlyFrames: 100,
      maxOutgoingBytes: 4 * 1024 * 1024,
      maxSessionsPerTenant: env.REALTIME_MAX_SESSIONS_PER_TENANT,
      modelName: env.REALTIME_MODEL,
    },
  });
  if (!speech) logger.warn('no realtime model configured (REALTIME_MODEL_URL, REALTIME_API_KEY): /realtime refuses sessions and voice-api offers browser speech only');
  composed.conversation.listenForTenantUpdates(subscriber).catch((err: unknown) => logger.error('tenant-updated subscription failed', { err }));
  // Announced once listening, stopped first on shutdown.
  const announced: { heartbeat?: ReadyHeartbeat } = {};
  await runService({
    service: 'realtime',
    port: env.PORT,
    logger,
    app: createApp({ logger, redis }),
    attach: (server) => composed.realtime.attach(server),
    closers: [
      { name: 'heartbeat', close: async () => announced.heartbeat?.stop() },
      { name: 'voice sessions', close: () => composed.realtime.drain(env.SHUTDOWN_DEADLINE_MS / 2) },
      { name: 'events', close: () => composed.conversation.close() },
      { name: 'subscriber', close: () => subscriber.quit() },
      { name: 'redis', close: () => Promise.all([redis.quit(), producerRedis.quit()]) },
    ],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
  });
  announced.heartbeat = composed.announce();
}

runMain('realtime', main);
