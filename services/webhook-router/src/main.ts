import './tracing';
import { createLogger, createProducer, createRedis, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { loadServiceEnv } from './env';
import { createIntegrationSecrets } from './inbound/integration-secrets';
import { startDeliveries } from './start-deliveries';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('webhook-router', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerConnection = createRedis(env.REDIS_URL, 'producer');
  const deliveries = startDeliveries(env, logger);
  const inboundProducer = createProducer('inbound-events', { connection: producerConnection });
  const integrationSecrets = createIntegrationSecrets({
    dbApiUrl: env.DB_API_INTERNAL_URL, token: env.INTERNAL_API_TOKEN, timeoutMs: env.DB_API_TIMEOUT_MS, ttlMs: env.INTEGRATION_SECRET_CACHE_SEC * 1000, clock: Date.now,
  });
  const inbound = {
    logger, prisma: deliveries.deps.prisma, producer: inboundProducer, stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
    integrationSecrets, publicBaseUrl: env.PUBLIC_BASE_URL, clock: () => new Date(),
  };
  await runService({
    service: 'webhook-router',
    port: env.PORT,
    logger,
    app: createApp({ logger, redis, inbound }),
    closers: [
      { name: 'inbound producer', close: () => inboundProducer.close() },
      { name: 'deliveries', close: () => deliveries.close() },
      { name: 'redis', close: () => Promise.all([redis, producerConnection].map((c) => c.quit().catch(() => c.disconnect()))) },
    ],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

runMain('webhook-router', main);
