import { createProducer, createRedis, type Closer, type Logger } from '@vocalia/service-kit';
import { dbApiClient } from './db-api-client';
import type { Deps } from './deps';
import type { Env } from './env';
import { buildProviders } from './providers/build-providers';
import { flowCookieCodec } from './sign-in/flow-cookie';
import { parseAllowList } from './sign-in/landing-allow-list';
import { oneTimeCodes } from './sign-in/one-time-codes';

export interface BuiltDeps {
  deps: Deps;
  /** The audit producer, then Redis; run after the HTTP server has stopped. */
  closers: Closer[];
}

/** Connections and clients for one process. `queuePrefix` also prefixes the one-time code keys, so tests never share them. */
export function buildDeps(env: Env, logger: Logger, opts: { queuePrefix?: string } = {}): BuiltDeps {
  const queuePrefix = opts.queuePrefix ?? 'vocalia';
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerConnection = createRedis(env.REDIS_URL, 'producer');
  const audit = createProducer('audit-events', { connection: producerConnection, prefix: queuePrefix, deadLetters: { count: env.DEAD_LETTER_MAX_COUNT, ageSec: env.DEAD_LETTER_MAX_AGE_SEC } });
  const deps: Deps = {
    logger,
    redis,
    providers: buildProviders(env),
    flowCookies: flowCookieCodec(env.OAUTH_COOKIE_SECRET),
    codes: oneTimeCodes(redis, `${queuePrefix}:`),
    dbApi: dbApiClient({ baseUrl: env.DB_API_INTERNAL_URL, internalToken: env.INTERNAL_API_TOKEN, timeoutMs: env.DB_API_TIMEOUT_MS }),
    audit,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    landings: parseAllowList(env.OAUTH_REDIRECT_ALLOWLIST),
  };
  const closers: Closer[] = [
    { name: 'audit producer', close: () => audit.close() },
    { name: 'redis', close: () => Promise.all([redis, producerConnection].map((c) => c.quit().catch(() => c.disconnect()))) },
  ];
  return { deps, closers };
}
