/**
 * Outbound webhook deliveries: webhook-router's delivery worker (real PostgreSQL, real Redis, the
 * production code path: claim, sign, POST, log the attempt) against a local receiver, beside BullMQ's
 * own throughput for empty jobs measured in the same run. Lag = delivery row committed -> receiver got it.
 * Prints figures, asserts nothing. Run: `npx tsx bench/webhooks.bench.ts`
 * (BENCH_WEBHOOKS deliveries, default 3000; BENCH_ENDPOINTS, default 50; DATABASE_URL, REDIS_URL).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dropDatabase, ensureDatabase, migrateDatabase } from '@vocalia/db';
import { createProducer, createRedis, createWorker, type Redis } from '@vocalia/service-kit';
import { Env, startDeliveries } from '@vocalia/webhook-router';
import { writeBenchJson } from './support/bench-json';
import { discardingLogger } from './support/servers';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 3000);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 50);
const BATCH = 100;
const out = (line = '') => process.stdout.write(`${line}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** BullMQ alone: COUNT empty jobs added in bulk, a worker of the same concurrency doing nothing. */
async function bullmqBaseline(prefix: string): Promise<number> {
  const connection = createRedis(REDIS_URL, 'worker');
  const producer = createProducer('webhook-deliveries', { connection, prefix });
  let done = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const worker = createWorker('webhook-deliveries', async () => (++done === COUNT ? finished() : undefined), { connection: createRedis(REDIS_URL, 'worker'), prefix, logger: discardingLogger() });
  const at = new Date().toISOString();
  const started = performance.now();
  for (let i = 0; i < COUNT; i += BATCH) {
    await producer.queue.addBulk(
      Array.from({ length: Math.min(BATCH, COUNT - i) }, (_v, j) => ({
        name: 'webhook-deliveries',
        data: { v: 1, eventId: `baseline-${i + j}`, tenantId: 't', requestId: 'r', at, deliveryId: `d${i + j}`, endpointId: 'e', eventType: 'lead.qualified' },
        opts: { jobId: `baseline-${i + j}` },
      })),
    );
  }
  await all;
  const perSec = COUNT / ((performance.now() - started) / 1000);
  await worker.close();
  await producer.close();
  await deleteKeys(connection, prefix);
  await connection.quit();
  return perSec;
}

async function main(): Promise<void> {
  const url = new URL(DATABASE_URL);
  url.pathname = `/vocalia_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const prefix = `bench-webhooks-${randomBytes(4).toString('hex')}`;

  const arrivals = new Map<string, number>();
  let allArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (allArrived = resolve));
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.set(String(req.headers['webhook-id']), performance.now());
      res.writeHead(204).end();
      if (arrivals.size === COUNT) allArrived();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const env = Env.parse({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, REDIS_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  const running = startDeliveries(env, discardingLogger(), { queuePrefix: prefix, sweeper: false });
  const { prisma } = running.deps;
  const tenant = await prisma.tenant.create({ data: { name: 'Bench', slug: `bench-${randomBytes(4).toString('hex')}`, plan: 'pro' } });
  const endpoints = await Promise.all(
    Array.from({ length: ENDPOINTS }, (_v, i) => prisma.webhookEndpoint.create({ data: { tenantId: tenant.id, url: `${target}/hook/${i}`, secret: `whsec_${randomBytes(32).toString('base64')}` } })),
  );

  const committed = new Map<string, number>();
  const started = performance.now();
  for (let i = 0; i < COUNT; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, COUNT - i) }, (_v, j) => {
      const endpoint = endpoints[(i + j) % ENDPOINTS] as (typeof endpoints)[number];
      return { id: `dlv_${i + j}_${randomBytes(4).toString('hex')}`, tenantId: tenant.id, endpointId: endpoint.id, eventId: `evt_${i + j}`, eventType: 'lead.qualified', payload: { type: 'lead.qualified', timestamp: new Date().toISOString(), data: { score: 80, n: i + j } } };
    });
    await prisma.webhookDelivery.createMany({ data: rows });
    const at = performance.now();
    for (const r of rows) committed.set(r.eventId, at);
    const now = new Date().toISOString();
    await running.deps.producer.queue.addBulk(
      rows.map((r) => ({ name: 'webhook-deliveries', data: { v: 1, eventId: r.id, tenantId: tenant.id, requestId: 'bench', at: now, deliveryId: r.id, endpointId: r.endpointId, eventType: r.eventType }, opts: { jobId: r.id } })),
    );
  }
  await arrived;
  const elapsedSec = (performance.now() - started) / 1000;
  const lags = [...arrivals].map(([id, t]) => t - (committed.get(id) ?? t)).sort((a, b) => a - b);
  const delivered = await prisma.webhookDelivery.count({ where: { status: 'delivered' } });

  await running.close();
  await new Promise((resolve) => receiver.close(resolve));
  const cleanup = createRedis(REDIS_URL, 'worker');
  await deleteKeys(cleanup, prefix);
  await cleanup.quit();
  const baseline = await bullmqBaseline(`${prefix}-base`);
  await dropDatabase(databaseUrl);

  out(`webhook deliveries: ${COUNT} to ${ENDPOINTS} endpoints on one local receiver, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`);
  out(`  rows delivered when the last request arrived ${delivered}`);
  out(`  deliveries/s            ${(COUNT / elapsedSec).toFixed(0)}`);
  out(`  lag p50 / p99 (ms)      ${percentile(lags, 50).toFixed(0)} / ${percentile(lags, 99).toFixed(0)}  (row committed -> receiver got it; includes the backlog of a burst)`);
  out(`  BullMQ empty jobs/s     ${baseline.toFixed(0)}  (same concurrency, no work)`);
  out(`  ratio                   ${((COUNT / elapsedSec) / baseline).toFixed(2)} of BullMQ's empty-job rate`);
  writeBenchJson('webhooks', { deliveries: COUNT, endpoints: ENDPOINTS, delivered, perSec: COUNT / elapsedSec, lagP50Ms: percentile(lags, 50), lagP99Ms: percentile(lags, 99), baselineJobsPerSec: baseline });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`webhooks bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
