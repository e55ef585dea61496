import { z } from 'zod';
import { BaseEnv, EnvError, exitOnEnvError, parseEnv } from '@vocalia/service-kit';

export const DEV_INTERNAL_API_TOKEN = 'dev-internal-token-not-for-production';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3011),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** Prepare each statement once per connection; false behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
  DB_PREPARED_STATEMENTS: bool.default(true),
  /** Local development only: deliver to loopback and private addresses. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** Time a tenant's endpoint has to answer one attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** Attempts in flight to one endpoint across every replica; the rest wait, so a slow endpoint delays only itself. */
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often due deliveries with no job (Redis lost them) are enqueued again. */
  WEBHOOK_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Stripe's endpoint secret for /webhooks/stripe (platform level). */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a Stripe endpoint secret (whsec_...)').optional(),
  /** Where tenants' Shopify, HubSpot and Klaviyo signing secrets are read (db-api's /internal/). */
  DB_API_INTERNAL_URL: z.url().default('http://127.0.0.1:3013'),
  INTERNAL_API_TOKEN: z.string().min(16).default(DEV_INTERNAL_API_TOKEN),
  DB_API_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /** How long a provider secret read from db-api is reused (a disconnected provider is refused at most this late). */
  INTEGRATION_SECRET_CACHE_SEC: z.coerce.number().int().min(0).max(3600).default(60),
});
export type Env = Omit<z.infer<typeof Env>, 'DATABASE_URL'> & { DATABASE_URL: string };

const DEV_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/vocalia';

/** Production must name its database (it writes delivery attempts) and the internal token; development gets local defaults. */
export function parseServiceEnv(source: NodeJS.ProcessEnv): Env {
  const raw = parseEnv('webhook-router', Env, source);
  if (raw.NODE_ENV === 'production') {
    const missing = [];
    if (!raw.DATABASE_URL) missing.push('DATABASE_URL (required in production)');
    if (raw.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) missing.push('INTERNAL_API_TOKEN (required in production)');
    if (missing.length) throw new EnvError('webhook-router', missing);
  }
  return { ...raw, DATABASE_URL: raw.DATABASE_URL ?? DEV_DATABASE_URL };
}

/** For main.ts: a bad environment prints one line naming every bad variable and exits 1. */
export const loadServiceEnv = (): Env => exitOnEnvError(() => parseServiceEnv(process.env));
