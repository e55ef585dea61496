import { z } from 'zod';
import { BaseEnv, loadEnv } from '@vocalia/service-kit';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3011),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://postgres@127.0.0.1:5432/vocalia'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** Local development only: deliver to loopback and private addresses. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** Time a tenant's endpoint has to answer one attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** Attempts in flight to one endpoint from this process; the rest wait, so a slow endpoint delays only itself. */
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often due deliveries with no job (Redis lost them) are enqueued again. */
  WEBHOOK_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Stripe's endpoint secret for /webhooks/stripe (platform level). */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a Stripe endpoint secret (whsec_...)').optional(),
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('webhook-router', Env);
