import './tracing';
import { ensureDatabase, migrateDatabase } from '@vocalia/db';
import { createLogger, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { buildDeps } from './build-deps';
import { loadServiceEnv } from './env';
import { startWorkers } from './start-workers';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('db-api', env.LOG_LEVEL);
  if (env.MIGRATE_ON_START) {
    await ensureDatabase(env.DATABASE_URL);
    const { applied } = await migrateDatabase(env.DATABASE_URL);
    logger.info('database migrated', { applied });
  }
  const { deps, closers } = buildDeps(env, logger);
  const workers = startWorkers(deps);
  await runService({
    service: 'db-api',
    port: env.PORT,
    logger,
    app: createApp(deps),
    closers: [
      { name: 'workers', close: () => workers.close() },
      ...closers,
    ],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

runMain('db-api', main);
