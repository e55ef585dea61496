import type { Express } from 'express';
import { createApp as createServiceApp, pingRedis } from '@vocalia/service-kit';
import type { Deps } from './deps';
import { registerRoutes } from './routes';

/** The db-api HTTP app: no listen and no I/O here (main.ts and test/support do that). */
export function createApp(deps: Deps): Express {
  return createServiceApp({
    service: 'db-api',
    logger: deps.logger,
    bodyLimit: '1mb',
    apiPaths: ['/api', '/internal'],
    readiness: [
      { name: 'postgres', check: () => deps.prisma.$queryRaw`SELECT 1` },
      { name: 'redis', check: () => pingRedis(deps.redis) },
    ],
    readinessDetails: async () => ({ deadLetters: await deps.deadLetters.counts() }),
    routes: (router) => registerRoutes(router, deps),
  });
}
