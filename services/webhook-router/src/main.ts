import { createLogger, createRedis, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { loadServiceEnv } from './env';
import { startDeliveries } from './start-deliveries';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('webhook-router', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  const deliveries = startDeliveries(env, logger);
  await runService({
    service: 'webhook-router',
    port: env.PORT,
    logger,
    app: createApp({ logger, redis }),
    closers: [
      { name: 'deliveries', close: () => deliveries.close() },
      { name: 'redis', close: () => redis.quit() },
    ],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
  });
}

runMain('webhook-router', main);
