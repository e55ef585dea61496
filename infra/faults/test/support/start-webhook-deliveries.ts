import { createLogger } from '@vocalia/service-kit';
import { parseServiceEnv } from '@vocalia/webhook-router/src/env';
import { startDeliveries, type RunningDeliveries } from '@vocalia/webhook-router';

/** webhook-router's delivery side (worker and a 1 s sweeper) on the fleet's database and queues. */
export function startWebhookDeliveries(databaseUrl: string, queuePrefix: string): RunningDeliveries {
  const env = parseServiceEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_SWEEP_INTERVAL_MS: '1000',
    WEBHOOK_TIMEOUT_MS: '5000',
  });
  return startDeliveries(env, createLogger('webhook-router', env.LOG_LEVEL), { queuePrefix });
}
