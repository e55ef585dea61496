import type { RequestListener, Server } from 'node:http';
import { createEngine } from '@vocalia/agent';
import { composeRealtime, createApp, openAiSpeech, openAiTranscription, realtimeModel, type ComposeOptions } from '@vocalia/realtime';
import { createLogger, createRedis } from '@vocalia/service-kit';
import { whenReady } from './redis-keys';
import { INTERNAL_API_TOKEN, LOG_LEVEL, REDIS_URL, WIDGET_TOKEN_SECRET } from './test-env';

export interface RealtimeOptions {
  dbApiUrl: string;
  queuePrefix: string;
  /** voice-api's Redis prefix: the ready heartbeat voice-api reads and the session histories live there. */
  keyPrefix: string;
  /** A server speaking the OpenAI realtime protocol (REALTIME_MODEL_URL). */
  modelUrl?: string;
  /** Without a model: the cascaded path on a server speaking OpenAI's speech API (SPEECH_TO_TEXT_URL and TEXT_TO_SPEECH_URL), the local engine answering. */
  speechUrl?: string;
}

export interface RunningRealtime {
  handler: RequestListener;
  /** Takes the `/realtime` upgrades of this HTTP server. */
  attach(server: Server): void;
  close(): Promise<void>;
}

/** realtime wired as its main.ts does (Redis, BullMQ, HTTP to db-api, the model over WebSocket), announcing itself ready; no listen here. */
export async function startRealtime(opts: RealtimeOptions): Promise<RunningRealtime> {
  const logger = createLogger('realtime', LOG_LEVEL);
  const redis = createRedis(REDIS_URL, 'client');
  const producerRedis = createRedis(REDIS_URL, 'producer');
  await Promise.all([redis, producerRedis].map(whenReady));
  const composed = composeRealtime({
    logger,
    redis,
    producerRedis,
    keyPrefix: opts.keyPrefix,
    queuePrefix: opts.queuePrefix,
    dbApi: { baseUrl: opts.dbApiUrl, internalToken: INTERNAL_API_TOKEN, timeoutMs: 5000 },
    widgetTokenSecret: WIDGET_TOKEN_SECRET,
    history: { maxTurns: 20, ttlSec: 600 },
    snapshotTtlSec: 60,
    openModel: opts.modelUrl ? realtimeModel({ url: opts.modelUrl, apiKey: 'e2e-realtime-key', model: 'fake-realtime', voice: 'alloy', transcriptionModel: 'whisper-1' }) : undefined,
    ...(opts.speechUrl ? cascaded(opts.speechUrl) : {}),
    limits: { startTimeoutMs: 5000, maxSessionMs: 120_000, idleMs: 60_000, pingEveryMs: 20_000, maxEarlyFrames: 100, maxOutgoingBytes: 8 * 1024 * 1024, maxSessionsPerTenant: 5, maxSessions: 100, modelName: 'fake-realtime' },
    eventRetryEveryMs: 100,
  });
  const heartbeat = composed.announce();
  return {
    handler: createApp({ logger, redis }) as unknown as RequestListener,
    attach: (server) => composed.realtime.attach(server),
    async close() {
      await heartbeat?.stop();
      await composed.realtime.drain(1000);
      await composed.conversation.close();
      await Promise.all([redis.quit(), producerRedis.quit()]);
    },
  };
}

function cascaded(url: string): Pick<ComposeOptions, 'cascaded' | 'engine'> {
  return {
    engine: createEngine({ providers: [{ kind: 'local' }] }),
    cascaded: {
      transcribe: openAiTranscription({ baseURL: url, apiKey: 'e2e-stt-key', model: 'whisper-1', timeoutMs: 10_000 }),
      synthesize: openAiSpeech({ baseURL: url, apiKey: 'e2e-tts-key', model: 'tts-1', voice: 'alloy', voices: {}, timeoutMs: 10_000 }),
      utterance: { endSilenceMs: 700, startSpeechMs: 150, preRollMs: 300, maxUtteranceMs: 30_000, aggressiveness: 2 },
    },
  };
}
