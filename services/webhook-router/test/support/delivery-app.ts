import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrateDatabase, type WebhookDelivery } from '@vocalia/db';
import { createLogger, createRedis } from '@vocalia/service-kit';
import { parseServiceEnv } from '../../src/env';
import { startDeliveries, type DeliveryOverrides, type RunningDeliveries } from '../../src/start-deliveries';

const BASE_DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface DeliveryTestApp extends RunningDeliveries {
  queuePrefix: string;
  databaseUrl: string;
  /** A tenant with one endpoint at `url`. */
  endpoint(url: string, extra?: { previousSecret?: string; previousSecretExpiresAt?: Date }): Promise<{ tenantId: string; endpointId: string; secret: string }>;
  /** A pending delivery row, as db-api records it; `enqueue` also adds the job db-api would add (job id = delivery id). */
  delivery(e: { tenantId: string; endpointId: string }, opts?: { enqueue?: boolean; type?: string }): Promise<WebhookDelivery>;
  /** Another replica of the delivery side on the same database and queue prefix (stopped by `stop`). */
  replica(): RunningDeliveries;
  /** Resolves when the delivery has left `pending`. */
  settled(id: string, timeoutMs?: number): Promise<WebhookDelivery>;
  stop(): Promise<void>;
}

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * webhook-router's delivery side on a fresh migrated database and Redis key prefix; `stop()` drops both.
 * `via` turns the database's URL into the one the service connects to (a pooler in front of it); the
 * migration and the drop use the database directly.
 */
export async function startDeliveryTestApp(env: Record<string, string> = {}, overrides: DeliveryOverrides = {}, via: (databaseUrl: string) => string = (u) => u): Promise<DeliveryTestApp> {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/vocalia_whr_${randomBytes(6).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const queuePrefix = `test-whr-${randomBytes(6).toString('hex')}`;
  const parsed = parseServiceEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: via(databaseUrl), REDIS_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ...env });
  const running = startDeliveries(parsed, createLogger('webhook-router', parsed.LOG_LEVEL), { queuePrefix, sweeper: false, ...overrides });
  const { prisma } = running.deps;
  const replicas: RunningDeliveries[] = [];
  let n = 0;
  return {
    ...running,
    queuePrefix,
    databaseUrl,
    async endpoint(target, extra = {}) {
      n += 1;
      const tenant = await prisma.tenant.create({ data: { name: `T${n}`, slug: `t${n}-${randomBytes(4).toString('hex')}`, plan: 'pro' } });
      const secret = newSecret();
      const e = await prisma.webhookEndpoint.create({ data: { tenantId: tenant.id, url: target, secret, ...extra } });
      return { tenantId: tenant.id, endpointId: e.id, secret };
    },
    async delivery(e, opts = {}) {
      n += 1;
      const eventId = `evt_${randomBytes(16).toString('hex')}`;
      const type = opts.type ?? 'lead.qualified';
      const row = await prisma.webhookDelivery.create({
        data: { tenantId: e.tenantId, endpointId: e.endpointId, eventId, eventType: type, payload: { type, timestamp: new Date().toISOString(), data: { n } } },
      });
      if (opts.enqueue !== false) {
        await running.deps.producer.add({ v: 1, eventId: row.id, tenantId: e.tenantId, requestId: `req-${n}`, at: new Date().toISOString(), deliveryId: row.id, endpointId: e.endpointId, eventType: type });
      }
      return row;
    },
    replica() {
      const another = startDeliveries(parsed, createLogger('webhook-router', parsed.LOG_LEVEL), { queuePrefix, sweeper: false, ...overrides });
      replicas.push(another);
      return another;
    },
    async settled(id, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
        if (row.status !== 'pending') return row;
        if (Date.now() > until) throw new Error(`delivery ${id} still pending after ${row.attempts} attempts`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      await Promise.all([running, ...replicas].map((r) => r.close()));
      const redis = createRedis(parsed.REDIS_URL, 'worker');
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      await redis.quit();
      await dropDatabase(databaseUrl);
    },
  };
}
