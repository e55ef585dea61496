import { z } from 'zod';
import { BaseEnv, EnvError, exitOnEnvError, parseEnv } from '@vocalia/service-kit';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3011),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
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
export type Env = Omit<z.infer<typeof Env>, 'DATABASE_URL'> & { DATABASE_URL: string };

const DEV_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/vocalia';

/** Production must name its database (it writes delivery attempts); development gets the local default. */
export function parseServiceEnv(source: NodeJS.ProcessEnv): Env {
  const raw = parseEnv('webhook-router', Env, source);
  if (raw.NODE_ENV === 'production' && !raw.DATABASE_URL) throw new EnvError('webhook-router', ['DATABASE_URL (required in production)']);
  return { ...raw, DATABASE_URL: raw.DATABASE_URL ?? DEV_DATABASE_URL };
}

/** For main.ts: a bad environment prints one line naming every bad variable and exits 1. */
export const loadServiceEnv = (): Env => exitOnEnvError(() => parseServiceEnv(process.env));
