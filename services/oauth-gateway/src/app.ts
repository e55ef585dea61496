import { createApp as createServiceApp, pingRedis } from '@vocalia/service-kit';
import type { Deps } from './deps';
import { registerRoutes } from './routes';

export type { Deps } from './deps';

/** The oauth-gateway HTTP app: no listen and no I/O here (main.ts and tests do that). */
export function createApp(deps: Deps) {
  return createServiceApp({
    service: 'oauth-gateway',
    logger: deps.logger,
    readiness: [{ name: 'redis', check: () => pingRedis(deps.redis) }],
    routes: (router) => registerRoutes(router, deps),
  });
}
