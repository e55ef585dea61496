import type { PrismaClient } from '@vocalia/db';
import type { Logger, Producer } from '@vocalia/service-kit';
import type { DeliveryStore } from './deliveries/delivery-store';
import type { GuardedAgent } from './deliveries/guarded-agent';

/** What the delivery code touches, passed in: built by main.ts, or by test/support. */
export interface DeliveryDeps {
  logger: Logger;
  /** webhook-router reads endpoints and writes delivery attempts (webhook_deliveries, webhook_attempts, webhook_endpoints.enabled). */
  prisma: PrismaClient;
  /** The hot path's reads and writes of those tables, batched across concurrent attempts (raw SQL on Prisma's pool). */
  store: DeliveryStore;
  /** Enqueues the next attempt of a delivery (and the sweeper's re-enqueues). */
  producer: Producer<'webhook-deliveries'>;
  agent: GuardedAgent;
  timeoutMs: number;
  /** Wait after failed attempt n is retryDelaysMs[n-1]; no entry left = failed for good. */
  retryDelaysMs: number[];
  jitter: (ms: number) => number;
  clock: () => Date;
}
