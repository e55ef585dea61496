import { createApp as createServiceApp, pingRedis, type Logger, type Redis } from '@vocalia/service-kit';

export interface Deps {
  logger: Logger;
  redis: Redis;
}

export function createApp(deps: Deps) {
  return createServiceApp({
    service: 'realtime',
    logger: deps.logger,
    readiness: [{ name: 'redis', check: () => pingRedis(deps.redis) }],
    routes: () => undefined,
  });
}
