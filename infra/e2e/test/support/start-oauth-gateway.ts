import type { RequestListener } from 'node:http';
import { createLogger } from '@vocalia/service-kit';
import { createApp } from '@vocalia/oauth-gateway/src/app';
import { buildDeps } from '@vocalia/oauth-gateway/src/build-deps';
import { parseServiceEnv } from '@vocalia/oauth-gateway/src/env';
import { whenReady } from './redis-keys';
import { INTERNAL_API_TOKEN, LOG_LEVEL, REDIS_URL } from './test-env';

export interface RunningOAuthGateway {
  handler: RequestListener;
  close(): Promise<void>;
}

/** oauth-gateway as main.ts builds it, with the provider settings given (issuer URLs, client ids and secrets); no listen here. */
export async function startOAuthGateway(opts: { publicBaseUrl: string; dbApiUrl: string; queuePrefix: string; providerEnv: Record<string, string> }): Promise<RunningOAuthGateway> {
  const env = parseServiceEnv({
    NODE_ENV: 'test',
    LOG_LEVEL,
    REDIS_URL,
    PUBLIC_BASE_URL: opts.publicBaseUrl,
    DB_API_INTERNAL_URL: opts.dbApiUrl,
    INTERNAL_API_TOKEN,
    OAUTH_COOKIE_SECRET: `e2e-oauth-cookie-${INTERNAL_API_TOKEN}`,
    // db-api's first sign-in on a cold, shared test machine can take seconds.
    DB_API_TIMEOUT_MS: '30000',
    ...opts.providerEnv,
  });
  const { deps, closers } = buildDeps(env, createLogger('oauth-gateway', env.LOG_LEVEL), { queuePrefix: opts.queuePrefix });
  await whenReady(deps.redis);
  return {
    handler: createApp(deps) as unknown as RequestListener,
    async close() {
      for (const closer of closers) await closer.close();
    },
  };
}
