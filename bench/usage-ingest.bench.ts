/**
 * Usage events ingested exactly once: db-api's own `usage-events` worker (production processor and
 * options: ledger row per event id, then settlement) on a fresh migrated PostgreSQL database, fed N
 * events plus every tenth one re-sent under another job id, beside BullMQ's own rate for empty jobs on
 * the same queue measured in the same run. Lag = job added -> job finished.
 * Run: `npx tsx bench/usage-ingest.bench.ts` (BENCH_USAGE_EVENTS, default 10000; DATABASE_URL, REDIS_URL).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { dropDatabase, ensureDatabase, migrateDatabase } from '@vocalia/db';
import { createProducer, createRedis, createWorker, type Producer, type Redis } from '@vocalia/service-kit';
import { buildDeps } from '../services/db-api/src/build-deps';
import { parseServiceEnv } from '../services/db-api/src/env';
import { createUsageEventsWorker } from '../services/db-api/src/workers/usage-events.worker';
import { percentile } from './support/percentile';
import { discardingLogger } from './support/servers';
import { writeBenchJson } from './support/bench-json';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BATCH = 500;

export interface UsageIngestFigures {
  events: number;
  duplicatesSent: number;
  rowsWritten: number;
  eventsPerSec: number;
  lagP50Ms: number;
  lagP99Ms: number;
  baselineJobsPerSec: number;
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

type UsageJob = { name: 'usage-events'; data: Record<string, unknown>; opts: { jobId: string } };

/** Adds the jobs in bulk and resolves when `expected` of them finished, with each one's lag (added -> finished). */
/** What a finished BullMQ job tells about its timing. */
type Finished = { timestamp: number; finishedOn?: number };

async function pump(producer: Producer<'usage-events'>, jobs: UsageJob[], onFinished: (listener: (job: Finished) => void) => void): Promise<{ seconds: number; lags: number[] }> {
  const lags: number[] = [];
  let finish: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finish = resolve));
  onFinished((job) => {
    lags.push((job.finishedOn ?? Date.now()) - job.timestamp);
    if (lags.length === jobs.length) finish();
  });
  const started = performance.now();
  for (let i = 0; i < jobs.length; i += BATCH) await producer.queue.addBulk(jobs.slice(i, i + BATCH));
  await all;
  return { seconds: (performance.now() - started) / 1000, lags: lags.sort((a, b) => a - b) };
}

export async function runUsageIngest(count: number): Promise<UsageIngestFigures> {
  const url = new URL(DATABASE_URL);
  url.pathname = `/vocalia_bench_usage_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const prefix = `bench-usage-${randomBytes(4).toString('hex')}`;
  const env = parseServiceEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, REDIS_URL });
  const logger = discardingLogger();
  const { deps, closers } = buildDeps(env, logger, { queuePrefix: prefix });
  const workerConnection = createRedis(REDIS_URL, 'worker');
  const producerConnection = createRedis(REDIS_URL, 'producer');
  try {
    const tenant = await deps.prisma.tenant.create({ data: { name: 'Bench', slug: `bench-${randomBytes(4).toString('hex')}`, plan: 'pro' } });
    const at = new Date().toISOString();
    const jobs: UsageJob[] = [];
    for (let i = 0; i < count; i++) {
      const data = { v: 1, eventId: `bench-usage-${i}`, tenantId: tenant.id, requestId: 'bench', at, kind: 'api_call', quantity: 1 };
      jobs.push({ name: 'usage-events', data, opts: { jobId: data.eventId } });
      if (i % 10 === 0) jobs.push({ name: 'usage-events', data, opts: { jobId: `${data.eventId}-again` } });
    }
    const producer = createProducer('usage-events', { connection: producerConnection, prefix });
    const worker = createUsageEventsWorker(deps, workerConnection);
    const run = await pump(producer, jobs, (listener) => worker.on('completed', listener));
    await worker.close();
    const rowsWritten = await deps.prisma.usageRecord.count({ where: { tenantId: tenant.id } });

    const basePrefix = `${prefix}-base`;
    const baseProducer = createProducer('usage-events', { connection: producerConnection, prefix: basePrefix });
    const baseWorker = createWorker('usage-events', async () => undefined, { connection: createRedis(REDIS_URL, 'worker'), prefix: basePrefix, logger });
    const base = await pump(baseProducer, jobs, (listener) => baseWorker.on('completed', listener));
    await baseWorker.close();
    await Promise.all([producer.close(), baseProducer.close()]);
    await deleteKeys(producerConnection, basePrefix);
    return {
      events: count,
      duplicatesSent: jobs.length - count,
      rowsWritten,
      eventsPerSec: jobs.length / run.seconds,
      lagP50Ms: percentile(run.lags, 0.5),
      lagP99Ms: percentile(run.lags, 0.99),
      baselineJobsPerSec: jobs.length / base.seconds,
    };
  } finally {
    for (const closer of closers) await closer.close();
    await deleteKeys(producerConnection, prefix);
    await Promise.all([workerConnection.quit(), producerConnection.quit()]);
    await dropDatabase(databaseUrl);
  }
}

async function main(): Promise<void> {
  const f = await runUsageIngest(Number(process.env.BENCH_USAGE_EVENTS ?? 10_000));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`usage events: ${f.events} events + ${f.duplicatesSent} re-sent, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`);
  out(`  ledger rows written      ${f.rowsWritten} (exactly once: ${f.rowsWritten === f.events ? 'yes' : 'NO'})`);
  out(`  jobs/s                   ${f.eventsPerSec.toFixed(0)}  (BullMQ empty jobs/s: ${f.baselineJobsPerSec.toFixed(0)}, x${(f.eventsPerSec / f.baselineJobsPerSec).toFixed(2)})`);
  out(`  lag p50 / p99 ms         ${f.lagP50Ms.toFixed(0)} / ${f.lagP99Ms.toFixed(0)}  (added -> finished, a burst of ${f.events + f.duplicatesSent})`);
  writeBenchJson('usage', f);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`usage bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
