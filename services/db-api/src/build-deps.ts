import { createPrisma } from '@vocalia/db';
import { createDeadLetterProbe, createProducer, createRedis, createWebhookDeliveryEnqueuer, type Closer, type Logger } from '@vocalia/service-kit';
import type { Deps } from './deps';
import { createStripeClient } from './billing/stripe-client';
import type { Env } from './env';
import { createSecretBox } from './integrations/secret-box';
import { loadJwtKeys } from './credentials/jwt-keys';
import { createKnowledgeEmbedder } from './knowledge/embed-chunks';
import { createMailer } from './mail/mailer';
import { createAuthRateLimiters } from './rate-limit/auth-rate-limiters';
import { createTwilioAccount } from './twilio/twilio-account';

/** The queues db-api's workers consume: their dead letters are counted on `/ready`. */
const CONSUMED_QUEUES = ['conversation-events', 'call-events', 'usage-events', 'audit-events', 'inbound-events'] as const;

export interface BuiltDeps {
  deps: Deps;
  /** Producers, then Redis, then Prisma; run after the HTTP server and workers have stopped. */
  closers: Closer[];
}

/** Connections and producers for one process: one Prisma pool, one Redis connection per role. */
export function buildDeps(env: Env, logger: Logger, opts: { queuePrefix?: string; clock?: () => Date } = {}): BuiltDeps {
  const queuePrefix = opts.queuePrefix ?? 'vocalia';
  const clock = opts.clock ?? (() => new Date());
  const prisma = createPrisma(env.DATABASE_URL, { poolSize: env.DB_POOL_SIZE, preparedStatements: env.DB_PREPARED_STATEMENTS });
  const redis = createRedis(env.REDIS_URL, 'client');
  const publisher = createRedis(env.REDIS_URL, 'client');
  const producerConnection = createRedis(env.REDIS_URL, 'producer');
  const queueOptions = { connection: producerConnection, prefix: queuePrefix, deadLetters: { count: env.DEAD_LETTER_MAX_COUNT, ageSec: env.DEAD_LETTER_MAX_AGE_SEC } };
  const producers = {
    audit: createProducer('audit-events', queueOptions),
    webhooks: createProducer('webhook-deliveries', queueOptions),
    outboundCalls: createProducer('outbound-calls', queueOptions),
  };
  const deadLetters = createDeadLetterProbe(CONSUMED_QUEUES, queueOptions);
  const rateLimits = createAuthRateLimiters(redis, logger, {
    perIp: env.AUTH_RATE_PER_IP,
    perEmail: env.AUTH_RATE_PER_EMAIL,
    windowSec: env.AUTH_RATE_WINDOW_SEC,
    keyPrefix: queuePrefix,
    knownAddressDays: env.AUTH_KNOWN_ADDRESS_DAYS,
    clock,
  });
  const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM, logger);
  const deps: Deps = {
    env, logger, prisma, redis, publisher, queuePrefix, producers, webhookDeliveries: createWebhookDeliveryEnqueuer(producers.webhooks, clock), deadLetters, jwt: loadJwtKeys(env, logger), rateLimits, mailer,
    twilio: createTwilioAccount(env), stripe: createStripeClient(env), embeddings: createKnowledgeEmbedder(env),
    integrationSecrets: createSecretBox(env.INTEGRATION_SECRETS_KEY), clock,
  };
  const closers: Closer[] = [
    { name: 'producers', close: () => Promise.all([...Object.values(producers).map((p) => p.close()), deadLetters.close()]) },
    { name: 'redis', close: () => Promise.all([redis, publisher, producerConnection].map((c) => c.quit().catch(() => c.disconnect()))) },
    { name: 'prisma', close: () => prisma.$disconnect() },
    { name: 'mailer', close: async () => mailer.close() },
  ];
  return { deps, closers };
}
