import { createApp as createServiceApp, pingRedis, type Logger, type Redis } from '@vocalia/service-kit';
import type { CallDeps } from './calls/call-deps';
import { callRoutes } from './calls/routes';

export interface Deps {
  logger: Logger;
  redis: Redis;
  calls: CallDeps;
  /** The platform account's auth token (signatures) and the public URL Twilio calls. */
  twilioAuthToken: string;
  publicBaseUrl: string;
  trustProxyHops: number;
}

export function createApp(deps: Deps) {
  return createServiceApp({
    service: 'telephony-bridge',
    logger: deps.logger,
    trustProxyHops: deps.trustProxyHops,
    readiness: [{ name: 'redis', check: () => pingRedis(deps.redis) }],
    routes: (router) => callRoutes(router, deps.calls, { authToken: deps.twilioAuthToken, publicBaseUrl: deps.publicBaseUrl }),
  });
}
