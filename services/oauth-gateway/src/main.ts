import { createLogger, createRedis, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { loadServiceEnv } from './env';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('oauth-gateway', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  await runService({
    service: 'oauth-gateway',
    port: env.PORT,
    logger,
    app: createApp({ logger, redis }),
    closers: [{ name: 'redis', close: () => redis.quit() }],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
  });
}

runMain('oauth-gateway', main);
