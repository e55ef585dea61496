/**
 * Outbound webhook deliveries: webhook-router's delivery worker (real PostgreSQL, real Redis, the
 * production code path: claim, sign, POST, log the attempt) against a local receiver, beside BullMQ's
 * own throughput for empty jobs measured in the same run. Lag = delivery row committed -> receiver got it.
 * After a warm-up, two phases: a burst (every row committed at once: throughput, lag includes the backlog) and a steady
 * stream at BENCH_WEBHOOK_RATE rows/s (lag at that load). Rows are written as db-api writes them (one
 * multi-row insert, then the jobs), in raw SQL so the producer's cost stays small beside the worker's.
 * Prints figures, asserts nothing. Run: `npx tsx bench/webhooks.bench.ts`
 * (BENCH_WEBHOOKS deliveries per phase, default 3000; BENCH_ENDPOINTS, default 50; BENCH_WEBHOOK_RATE,
 * default 1000; DATABASE_URL, REDIS_URL).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPgPool, dropDatabase, ensureDatabase, migrateDatabase, type PgPool } from '@vocalia/db';
import { createProducer, createRedis, createWorker, type Producer, type Redis } from '@vocalia/service-kit';
import { Env, startDeliveries } from '@vocalia/webhook-router';
import { writeBenchJson } from './support/bench-json';
import { discardingLogger } from './support/servers';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 3000);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 50);
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 1000);
const BATCH = 100;
/** Deliveries sent first and not measured, so neither phase pays for the JIT's first compilations. */
const WARMUP = 500;
const out = (line = '') => process.stdout.write(`${line}\n`);

/** This process's CPU (user + system) per job, in ms: less sensitive than rates to other processes sharing the cores. */
const cpuMsPer = (used: NodeJS.CpuUsage, jobs: number) => (used.user + used.system) / 1000 / jobs;

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
async function bullmqBaseline(prefix: string): Promise<{ perSec: number; cpuMs: number }> {
  const connection = createRedis(REDIS_URL, 'worker');
  const producer = createProducer('webhook-deliveries', { connection, prefix });
  let done = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const worker = createWorker('webhook-deliveries', async () => (++done === COUNT ? finished() : undefined), { connection: createRedis(REDIS_URL, 'worker'), prefix, logger: discardingLogger() });
  const at = new Date().toISOString();
  const cpu = process.cpuUsage();
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
  const cpuMs = cpuMsPer(process.cpuUsage(cpu), COUNT);
  await worker.close();
  await producer.close();
  await deleteKeys(connection, prefix);
  await connection.quit();
  return { perSec, cpuMs };
}

/** Receives every delivery and notes when each event id arrived. */
async function startReceiver() {
  const arrivals = new Map<string, number>();
  const waiters: { ids: Set<string>; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      arrivals.set(id, performance.now());
      res.writeHead(204).end();
      for (const w of waiters) if (w.ids.delete(id) && w.ids.size === 0) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    /** Resolves once every one of these event ids has arrived. */
    all: (ids: string[]) => new Promise<void>((resolve) => waiters.push({ ids: new Set(ids.filter((id) => !arrivals.has(id))), resolve })).catch(() => undefined),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

interface Phase {
  perSec: number;
  cpuMs: number;
  lags: number[];
}

/**
 * Commits `count` delivery rows in batches of BATCH (all at once, or paced at `rate` rows/s) and enqueues their
 * jobs as db-api does, then waits for the receiver to have every one.
 */
async function phase(
  ctx: { pool: PgPool; producer: Producer<'webhook-deliveries'>; receiver: Awaited<ReturnType<typeof startReceiver>>; tenantId: string; endpointIds: string[] },
  tag: string,
  rate: number | null,
  count = COUNT,
): Promise<Phase> {
  const committed = new Map<string, number>();
  const eventIds = Array.from({ length: count }, (_v, i) => `evt_${tag}_${i}`);
  const arrived = ctx.receiver.all(eventIds);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i += BATCH) {
    if (rate) await sleep(Math.max(0, started + (i / rate) * 1000 - performance.now()));
    const rows = eventIds.slice(i, i + BATCH).map((eventId, j) => ({ id: `dlv_${tag}_${i + j}_${randomBytes(4).toString('hex')}`, eventId, endpointId: ctx.endpointIds[(i + j) % ctx.endpointIds.length] as string }));
    const payloads = rows.map((r, j) => JSON.stringify({ type: 'lead.qualified', timestamp: new Date().toISOString(), data: { score: 80, n: i + j, eventId: r.eventId } }));
    await ctx.pool.query(
      `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload, updated_at)
       SELECT id, $2, endpoint_id, event_id, 'lead.qualified', payload::jsonb, now() FROM unnest($1::text[], $3::text[], $4::text[], $5::text[]) AS v(id, endpoint_id, event_id, payload)`,
      [rows.map((r) => r.id), ctx.tenantId, rows.map((r) => r.endpointId), rows.map((r) => r.eventId), payloads],
    );
    const at = performance.now();
    for (const r of rows) committed.set(r.eventId, at);
    const now = new Date().toISOString();
    await ctx.producer.queue.addBulk(
      rows.map((r) => ({ name: 'webhook-deliveries', data: { v: 1, eventId: r.id, tenantId: ctx.tenantId, requestId: 'bench', at: now, deliveryId: r.id, endpointId: r.endpointId, eventType: 'lead.qualified' }, opts: { jobId: r.id } })),
    );
  }
  await arrived;
  const perSec = count / ((performance.now() - started) / 1000);
  const cpuMs = cpuMsPer(process.cpuUsage(cpu), count);
  const lags = eventIds.map((id) => (ctx.receiver.arrivals.get(id) ?? NaN) - (committed.get(id) ?? NaN)).sort((a, b) => a - b);
  return { perSec, cpuMs, lags };
}

async function main(): Promise<void> {
  const url = new URL(DATABASE_URL);
  url.pathname = `/vocalia_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const prefix = `bench-webhooks-${randomBytes(4).toString('hex')}`;
  const receiver = await startReceiver();

  const env = { ...Env.parse({ LOG_LEVEL: 'silent', REDIS_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }), DATABASE_URL: databaseUrl };
  const running = startDeliveries(env, discardingLogger(), { queuePrefix: prefix, sweeper: false });
  const { prisma } = running.deps;
  const tenant = await prisma.tenant.create({ data: { name: 'Bench', slug: `bench-${randomBytes(4).toString('hex')}`, plan: 'pro' } });
  const endpoints = await Promise.all(
    Array.from({ length: ENDPOINTS }, (_v, i) => prisma.webhookEndpoint.create({ data: { tenantId: tenant.id, url: `${receiver.url}/hook/${i}`, secret: `whsec_${randomBytes(32).toString('base64')}` } })),
  );
  const pool = createPgPool(databaseUrl, { poolSize: 2 });
  const ctx = { pool, producer: running.deps.producer, receiver, tenantId: tenant.id, endpointIds: endpoints.map((e) => e.id) };
  await phase(ctx, 'warmup', null, WARMUP);
  const burst = await phase(ctx, 'burst', null);
  const steady = await phase(ctx, 'steady', RATE);
  const delivered = await prisma.webhookDelivery.count({ where: { status: 'delivered' } });
  const attempts = await prisma.webhookAttempt.count();

  await running.close();
  await pool.end();
  await receiver.close();
  const cleanup = createRedis(REDIS_URL, 'worker');
  await deleteKeys(cleanup, prefix);
  await cleanup.quit();
  const baseline = await bullmqBaseline(`${prefix}-base`);
  await dropDatabase(databaseUrl);

  const lag = (p: Phase) => `${percentile(p.lags, 50).toFixed(0)} / ${percentile(p.lags, 99).toFixed(0)}`;
  out(`webhook deliveries: ${COUNT} per phase to ${ENDPOINTS} endpoints on one local receiver, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`);
  out(`  delivered rows / attempts logged       ${delivered} / ${attempts} (of ${WARMUP + 2 * COUNT})`);
  out(`  burst: deliveries/s                    ${burst.perSec.toFixed(0)}  (${(burst.perSec / baseline.perSec).toFixed(2)} of BullMQ's empty-job rate)`);
  out(`  burst: lag p50 / p99 (ms)              ${lag(burst)}  (row committed -> receiver got it; includes the backlog)`);
  out(`  steady ${RATE}/s offered: deliveries/s   ${steady.perSec.toFixed(0)}`);
  out(`  steady ${RATE}/s offered: lag p50 / p99  ${lag(steady)}`);
  out(`  BullMQ empty jobs/s                    ${baseline.perSec.toFixed(0)}  (same concurrency, no work)`);
  out(`  CPU ms per delivery (burst / steady)   ${burst.cpuMs.toFixed(2)} / ${steady.cpuMs.toFixed(2)}  (this process: worker, receiver, producer; BullMQ empty job ${baseline.cpuMs.toFixed(2)})`);
  writeBenchJson('webhooks', { deliveries: COUNT, endpoints: ENDPOINTS, delivered, perSec: burst.perSec, lagP50Ms: percentile(steady.lags, 50), lagP99Ms: percentile(steady.lags, 99), baselineJobsPerSec: baseline.perSec });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`webhooks bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
