import { createLogger, createProducer, createRedis, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { loadServiceEnv } from './env';
import { startDeliveries } from './start-deliveries';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('webhook-router', env.LOG_LEVEL);
  const redis = createRedis(env.REDIS_URL, 'client');
  const producerConnection = createRedis(env.REDIS_URL, 'producer');
  const deliveries = startDeliveries(env, logger);
  const inboundProducer = createProducer('inbound-events', { connection: producerConnection });
  const inbound = { logger, prisma: deliveries.deps.prisma, producer: inboundProducer, stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET };
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
  });
}

runMain('webhook-router', main);
