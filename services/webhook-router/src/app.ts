import { createApp as createServiceApp, pingRedis, type Logger, type Redis } from '@vocalia/service-kit';
import type { InboundDeps } from './inbound/inbound-deps';
import { registerInboundRoutes } from './inbound/routes';

export interface Deps {
  logger: Logger;
  redis: Redis;
  /** The inbound provider webhooks (`/webhooks/<provider>`); without them only health routes answer. */
  inbound?: InboundDeps;
}

export function createApp(deps: Deps) {
  const inbound = deps.inbound;
  return createServiceApp({
    service: 'webhook-router',
    logger: deps.logger,
    readiness: [{ name: 'redis', check: () => pingRedis(deps.redis) }],
    before: inbound ? (app) => registerInboundRoutes(app, inbound) : undefined,
    routes: () => undefined,
  });
}
