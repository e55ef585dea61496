import { createPgPool, createPrisma } from '@vocalia/db';
import { createProducer, createRedis, createPlaces, PLACE_KINDS, stalledJobRecovery, type Logger } from '@vocalia/service-kit';
import type { DeliveryDeps } from './deps';
import type { Env } from './env';
import { createDeliveryStore } from './deliveries/delivery-store';
import { createAttemptGate } from './deliveries/attempt-gate';
import { createEndpointGate } from './deliveries/endpoint-gate';
import { createGuardedAgent } from './deliveries/guarded-agent';
import { jitter, RETRY_DELAYS_MS } from './deliveries/retry-schedule';
import { sweepDueDeliveries } from './deliveries/sweep-due-deliveries';
import { startWebhookDeliveriesWorker } from './workers/webhook-deliveries.worker';

/** An attempt's fleet place outlasts its POST's timeout by this (the claim and the record around it). */
const ATTEMPT_HOLD_MARGIN_MS = 10_000;
/** How long an attempt waits for its fleet place's answer from Redis before counting this process only. */
const PLACES_TIMEOUT_MS = 1000;

export interface DeliveryOverrides {
  queuePrefix?: string;
  retryDelaysMs?: number[];
  jitter?: (ms: number) => number;
  clock?: () => Date;
  /** Run the periodic sweeper (default true; tests call sweepDueDeliveries themselves). */
  sweeper?: boolean;
}

export interface RunningDeliveries {
  deps: DeliveryDeps;
  /** Workers first, then the sweeper, the producer, Redis (its three connections), Prisma and its pool. */
  close(): Promise<void>;
}

/** The outbound side of webhook-router: one PostgreSQL pool (Prisma and the batched raw SQL), the deliveries worker, and the sweeper. */
export function startDeliveries(env: Env, logger: Logger, opts: DeliveryOverrides = {}): RunningDeliveries {
  const prefix = opts.queuePrefix ?? 'vocalia';
  const pool = createPgPool(env.DATABASE_URL, { poolSize: env.DB_POOL_SIZE });
  const prisma = createPrisma(env.DATABASE_URL, { pool, preparedStatements: env.DB_PREPARED_STATEMENTS });
  const workerConnection = createRedis(env.REDIS_URL, 'worker');
  const producerConnection = createRedis(env.REDIS_URL, 'worker');
  // Waits for Redis while it connects, at most PLACES_TIMEOUT_MS: with Redis away the endpoint's places then count this process only.
  const placesConnection = createRedis(env.REDIS_URL, 'worker', { commandTimeout: PLACES_TIMEOUT_MS });
  const agent = createGuardedAgent(env.WEBHOOK_ALLOW_PRIVATE_TARGETS, env.WEBHOOK_TIMEOUT_MS);
  const clock = opts.clock ?? (() => new Date());
  const deps: DeliveryDeps = {
    logger,
    prisma,
    store: createDeliveryStore(pool, { clock, timeoutMs: env.WEBHOOK_TIMEOUT_MS, preparedStatements: env.DB_PREPARED_STATEMENTS }),
    producer: createProducer('webhook-deliveries', { connection: producerConnection, prefix }),
    agent,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    retryDelaysMs: opts.retryDelaysMs ?? RETRY_DELAYS_MS,
    jitter: opts.jitter ?? jitter,
    clock,
  };
  const gate = createAttemptGate(createEndpointGate(env.WEBHOOK_ENDPOINT_CONCURRENCY), {
    places: createPlaces({ redis: placesConnection, keyPrefix: prefix, kind: PLACE_KINDS.webhookAttempts }),
    limit: env.WEBHOOK_ENDPOINT_CONCURRENCY,
    holdMs: env.WEBHOOK_TIMEOUT_MS + ATTEMPT_HOLD_MARGIN_MS,
    logger,
  });
  const worker = startWebhookDeliveriesWorker(deps, gate, { connection: workerConnection, prefix, stalledJobs: stalledJobRecovery(env) });
  const sweep = () => sweepDueDeliveries(deps).catch((err: unknown) => logger.error('webhook sweep failed', { error: err instanceof Error ? err.message : String(err) }));
  const timer = opts.sweeper === false ? undefined : setInterval(sweep, env.WEBHOOK_SWEEP_INTERVAL_MS);
  timer?.unref();
  return {
    deps,
    async close() {
      await worker.close();
      clearInterval(timer);
      await deps.producer.close();
      await agent.destroy();
      await Promise.all([workerConnection, producerConnection, placesConnection].map((c) => c.quit().catch(() => c.disconnect())));
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
