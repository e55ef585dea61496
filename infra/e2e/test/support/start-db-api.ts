import type { RequestListener } from 'node:http';
import { createLogger } from '@vocalia/service-kit';
import { createApp } from '@vocalia/db-api/src/app';
import { buildDeps } from '@vocalia/db-api/src/build-deps';
import type { Deps } from '@vocalia/db-api/src/deps';
import { parseServiceEnv } from '@vocalia/db-api/src/env';
import { startWorkers } from '@vocalia/db-api/src/start-workers';
import { freshDatabase, migratedDatabase } from './fresh-database';
import { whenReady } from './redis-keys';
import { INTERNAL_API_TOKEN, LOG_LEVEL, REDIS_URL } from './test-env';

export interface RunningDbApi {
  handler: RequestListener;
  deps: Deps;
  /** Workers, connections, then the database itself. */
  close(): Promise<void>;
}

/**
 * db-api as main.ts builds it (real deps, queue workers running) on a fresh database, or on
 * `databaseUrl` (migrated, kept) when a test owns its PostgreSQL; no listen here.
 */
export async function startDbApi(opts: { publicBaseUrl: string; queuePrefix: string; databaseUrl?: string; smtpUrl?: string; env?: Record<string, string> }): Promise<RunningDbApi> {
  const database = opts.databaseUrl ? await migratedDatabase(opts.databaseUrl) : await freshDatabase();
  const env = parseServiceEnv({
    NODE_ENV: 'test',
    LOG_LEVEL,
    DATABASE_URL: database.url,
    REDIS_URL,
    DB_POOL_SIZE: '5',
    PUBLIC_BASE_URL: opts.publicBaseUrl,
    INTERNAL_API_TOKEN,
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...opts.env,
  });
  const logger = createLogger('db-api', env.LOG_LEVEL);
  const { deps, closers } = buildDeps(env, logger, { queuePrefix: opts.queuePrefix });
  const workers = startWorkers(deps);
  await Promise.all([deps.redis, deps.publisher].map(whenReady));
  return {
    handler: createApp(deps) as unknown as RequestListener,
    deps,
    async close() {
      await workers.close();
      for (const closer of closers) await closer.close();
      await database.drop();
    },
  };
}
