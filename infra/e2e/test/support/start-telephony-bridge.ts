import type { RequestListener } from 'node:http';
import { createEngine, engineConfigFromEnv, historyOptions, llmEnv } from '@vocalia/agent';
import { createLogger, createRedis } from '@vocalia/service-kit';
import { composeTelephonyBridge, createApp, createOutboundWorker } from '@vocalia/telephony-bridge';
import { parseServiceEnv, twilioAccount } from '@vocalia/telephony-bridge/src/env';
import { whenReady } from './redis-keys';
import { fleetServiceEnv } from './test-env';

export interface RunningTelephonyBridge {
  handler: RequestListener;
  close(): Promise<void>;
}

/**
 * telephony-bridge wired as its main.ts does (env parsed by its own schema, real engine, Redis, the
 * outbound-calls worker, HTTP to db-api, the Twilio SDK at `twilioEnv`'s base URL); no listen here.
 */
export async function startTelephonyBridge(opts: { publicBaseUrl: string; dbApiUrl: string; queuePrefix: string; keyPrefix: string; twilioEnv: Record<string, string> }): Promise<RunningTelephonyBridge> {
  const env = parseServiceEnv({ ...fleetServiceEnv(opts.publicBaseUrl, opts.dbApiUrl), ...opts.twilioEnv });
  const account = twilioAccount(env);
  if (!account) throw new Error('telephony-bridge under test needs a Twilio account (the fake Twilio env)');
  const logger = createLogger('telephony-bridge', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerRedis = createRedis(env.REDIS_URL, 'producer');
  const workerRedis = createRedis(env.REDIS_URL, 'worker');
  const subscriber = createRedis(env.REDIS_URL, 'subscriber');
  await Promise.all([redis, producerRedis, workerRedis, subscriber].map(whenReady));
  const composed = composeTelephonyBridge({
    logger,
    redis,
    producerRedis,
    keyPrefix: opts.keyPrefix,
    queuePrefix: opts.queuePrefix,
    dbApi: { baseUrl: env.DB_API_INTERNAL_URL, internalToken: env.INTERNAL_API_TOKEN, timeoutMs: env.DB_API_TIMEOUT_MS },
    engine: createEngine(engineConfigFromEnv(llmEnv(env))),
    history: historyOptions(env),
    snapshotTtlSec: env.SNAPSHOT_TTL_SEC,
    numberCacheTtlSec: env.NUMBER_CACHE_TTL_SEC,
    twilio: { ...account, baseUrl: env.TWILIO_API_BASE_URL },
    publicBaseUrl: env.PUBLIC_BASE_URL,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    streamToken: { secret: env.STREAM_TOKEN_SECRET, ttlSec: env.STREAM_TOKEN_TTL_SEC },
    eventRetryEveryMs: 100,
  });
  await composed.listenForTenantUpdates(subscriber);
  const worker = createOutboundWorker(composed.outbound, { connection: workerRedis, prefix: opts.queuePrefix, logger });
  return {
    handler: createApp(composed.deps) as unknown as RequestListener,
    async close() {
      await worker.close();
      await composed.closeEvents();
      await Promise.all([redis.quit(), producerRedis.quit(), workerRedis.quit(), subscriber.quit()]);
    },
  };
}
