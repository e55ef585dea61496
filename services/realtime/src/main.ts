import './tracing';
import { createEngine, engineConfigFromEnv, historyOptions, llmEnv } from '@vocalia/agent';
import { createLogger, createRedis, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { composeRealtime } from './compose';
import { loadServiceEnv, type Env } from './env';
import type { ComposeOptions } from './compose';
import { espeakSpeech, openAiSpeech } from './speech/synthesize';
import { openAiTranscription } from './speech/transcribe';
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
    history: historyOptions(env),
    snapshotTtlSec: env.SNAPSHOT_TTL_SEC,
    openModel: speech,
    ...(speech ? {} : cascadedPath(env, logger)),
    limits: {
      startTimeoutMs: env.REALTIME_START_TIMEOUT_MS,
      maxSessionMs: env.REALTIME_MAX_SESSION_SEC * 1000,
      idleMs: env.REALTIME_IDLE_SEC * 1000,
      pingEveryMs: 20_000,
      maxEarlyFrames: 100,
      maxOutgoingBytes: 4 * 1024 * 1024,
      maxSessionsPerTenant: env.REALTIME_MAX_SESSIONS_PER_TENANT,
      maxSessions: env.REALTIME_MAX_SESSIONS,
      modelName: env.REALTIME_MODEL,
    },
  });
  if (!speech && !env.SPEECH_TO_TEXT_URL) logger.warn('no speech path configured (REALTIME_MODEL_URL and REALTIME_API_KEY, or SPEECH_TO_TEXT_URL): /realtime refuses sessions and voice-api offers browser speech only');
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
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
  announced.heartbeat = composed.announce();
}

/** Without a realtime model but with a transcription endpoint: VAD, transcription, the engine, then speech (an API, else espeak-ng). */
function cascadedPath(env: Env, logger: ReturnType<typeof createLogger>): Pick<ComposeOptions, 'cascaded' | 'engine'> {
  if (!env.SPEECH_TO_TEXT_URL) return {};
  const timeoutMs = env.SPEECH_TIMEOUT_MS;
  const voices = env.TEXT_TO_SPEECH_VOICES;
  return {
    engine: createEngine({
      ...engineConfigFromEnv(llmEnv(env)),
      onProviderError: (provider, error) => logger.warn('provider failed; falling back', { provider, error: error instanceof Error ? error.message : String(error) }),
    }),
    cascaded: {
      transcribe: openAiTranscription({ baseURL: env.SPEECH_TO_TEXT_URL, apiKey: env.SPEECH_TO_TEXT_API_KEY ?? 'none', model: env.SPEECH_TO_TEXT_MODEL, timeoutMs }),
      synthesize: env.TEXT_TO_SPEECH_URL
        ? openAiSpeech({ baseURL: env.TEXT_TO_SPEECH_URL, apiKey: env.TEXT_TO_SPEECH_API_KEY ?? 'none', model: env.TEXT_TO_SPEECH_MODEL, voice: env.TEXT_TO_SPEECH_VOICE, voices, timeoutMs })
        : espeakSpeech({ voices, timeoutMs }),
      utterance: { endSilenceMs: env.SPEECH_END_SILENCE_MS, startSpeechMs: 150, preRollMs: 300, maxUtteranceMs: 30_000, aggressiveness: 2 },
    },
  };
}

runMain('realtime', main);
