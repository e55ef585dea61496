import type { RequestListener } from 'node:http';
import { createLogger } from '@vocalia/service-kit';
import { createApp } from '@vocalia/oauth-gateway/src/app';
import { buildDeps } from '@vocalia/oauth-gateway/src/build-deps';
import { parseServiceEnv } from '@vocalia/oauth-gateway/src/env';
import { whenReady } from './redis-keys';
import { fleetServiceEnv, INTERNAL_API_TOKEN } from './test-env';

export interface RunningOAuthGateway {
  handler: RequestListener;
  close(): Promise<void>;
}

/** oauth-gateway as main.ts builds it, with the provider settings given (issuer URLs, client ids and secrets); no listen here. */
export async function startOAuthGateway(opts: { publicBaseUrl: string; dbApiUrl: string; queuePrefix: string; providerEnv: Record<string, string> }): Promise<RunningOAuthGateway> {
  const env = parseServiceEnv({ ...fleetServiceEnv(opts.publicBaseUrl, opts.dbApiUrl), OAUTH_COOKIE_SECRET: `e2e-oauth-cookie-${INTERNAL_API_TOKEN}`, ...opts.providerEnv });
  const { deps, closers } = buildDeps(env, createLogger('oauth-gateway', env.LOG_LEVEL), { queuePrefix: opts.queuePrefix });
  await whenReady(deps.redis);
  return {
    handler: createApp(deps) as unknown as RequestListener,
    async close() {
      for (const closer of closers) await closer.close();
    },
  };
}
