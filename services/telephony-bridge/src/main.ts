import './tracing';
import { createEngine, engineConfigFromEnv, historyOptions, llmEnv } from '@vocalia/agent';
import { createLogger, createRedis, observeModelLatency, runMain, runService, stalledJobRecovery, type Logger } from '@vocalia/service-kit';
import { createApp } from './app';
import { composeTelephonyBridge } from './compose';
import { loadServiceEnv, realtimeConfig, twilioAccount, type Env } from './env';
import { createTelephonyOffApp } from './telephony-off-app';
import { attachMediaStreams, type MediaStreams } from './stream/stream-server';
import { createOutboundWorker } from './outbound/outbound-worker';

async function runTelephonyOff(env: Env, logger: Logger): Promise<void> {
  logger.warn('no Twilio account configured: /voice/ answers 503 and no outbound call is placed');
  const redis = createRedis(env.REDIS_URL, 'client');
  await runService({
    service: 'telephony-bridge',
    port: env.PORT,
    logger,
    app: createTelephonyOffApp({ logger, redis, trustProxyHops: env.TRUST_PROXY_HOPS }),
    closers: [{ name: 'redis', close: () => redis.quit() }],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

/** How long a leaving replica lets each live call finish hearing its reply before handing it over. */
const HAND_OVER_WAIT_MS = 5_000;

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('telephony-bridge', env.LOG_LEVEL);
  const account = twilioAccount(env);
  if (!account) return runTelephonyOff(env, logger);
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerRedis = createRedis(env.REDIS_URL, 'producer');
  const workerRedis = createRedis(env.REDIS_URL, 'worker');
  const subscriber = createRedis(env.REDIS_URL, 'subscriber');
  const composed = composeTelephonyBridge({
    logger,
    redis,
    producerRedis,
    keyPrefix: 'vocalia',
    dbApi: { baseUrl: env.DB_API_INTERNAL_URL, internalToken: env.INTERNAL_API_TOKEN, timeoutMs: env.DB_API_TIMEOUT_MS },
    engine: createEngine({
      ...engineConfigFromEnv(llmEnv(env)),
      onProviderError: (provider, error) => logger.warn('provider failed; falling back', { provider, error: error instanceof Error ? error.message : String(error) }),
      onProviderCall: observeModelLatency,
    }),
    history: historyOptions(env),
    snapshotTtlSec: env.SNAPSHOT_TTL_SEC,
    numberCacheTtlSec: env.NUMBER_CACHE_TTL_SEC,
    twilio: { ...account, baseUrl: env.TWILIO_API_BASE_URL },
    publicBaseUrl: env.PUBLIC_BASE_URL,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    realtime: realtimeConfig(env),
    streamToken: { secret: env.STREAM_TOKEN_SECRET, ttlSec: env.STREAM_TOKEN_TTL_SEC },
  });
  composed.listenForTenantUpdates(subscriber).catch((err: unknown) => logger.error('tenant-updated subscription failed', { err }));
  const worker = createOutboundWorker(composed.outbound, {
    connection: workerRedis,
    logger,
    deadLetters: { count: env.DEAD_LETTER_MAX_COUNT, ageSec: env.DEAD_LETTER_MAX_AGE_SEC },
    stalledJobs: stalledJobRecovery(env),
  });
  let streams: MediaStreams | undefined;
  const closeStreams = async () => {
    await streams?.handOver(HAND_OVER_WAIT_MS);
    await new Promise<void>((resolve) => (streams ? streams.close(() => resolve()) : resolve()));
  };
  const { stream } = composed;
  await runService({
    service: 'telephony-bridge',
    port: env.PORT,
    logger,
    app: createApp(composed.deps),
    attach: stream && ((server) => void (streams = attachMediaStreams(server, stream))),
    // Calls in progress finish their webhooks first; then no new outbound call starts, live calls move to
    // another replica (each stream closed once its reply is heard: Twilio reconnects it), then queued events go out.
    closers: [
      { name: 'outbound worker', close: () => worker.close() },
      { name: 'media streams', close: closeStreams },
      { name: 'events', close: () => composed.closeEvents() },
      { name: 'subscriber', close: () => subscriber.quit() },
      { name: 'redis', close: () => Promise.all([redis.quit(), producerRedis.quit(), workerRedis.quit()]) },
    ],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

runMain('telephony-bridge', main);
