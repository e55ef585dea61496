/**
 * Usage events ingested exactly once: db-api's own `usage-events` worker (production processor and
 * options: ledger row per event id, then settlement) on a fresh migrated PostgreSQL database, fed N
 * events plus every tenth one re-sent, in two shapes in the same run: one job per event (as producers
 * sent before batches, still accepted), then batched as producers send them now (the conversation
 * package's event publisher, K events per event-loop turn -> one job); beside BullMQ's own rate for empty
 * jobs on the same queue. Lag = job added -> job finished, counted per event.
 * Run: `npx tsx bench/usage-ingest.bench.ts` (BENCH_USAGE_EVENTS, default 10000; BENCH_USAGE_PER_TURN,
 * default 10; DATABASE_URL, REDIS_URL).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { UsageEventJob } from '@vocalia/contracts';
import { createEventPublisher } from '../packages/conversation/src/events/event-publisher';
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
const ADD_BULK = 500;

/** One shape's run: events (re-sent ones included) and BullMQ jobs finished per second, lag per event, CPU per event of this process and of the Redis server. */
export interface ShapeFigures {
  eventsPerSec: number;
  jobsPerSec: number;
  lagP50Ms: number;
  lagP99Ms: number;
  cpuUsPerEvent: number;
  redisCpuUsPerEvent: number;
  rowsWritten: number;
}

/** The run's figures: the batched shape (the producers') as the headline, the one-event shape beside it. */
export interface UsageIngestFigures extends ShapeFigures {
  events: number;
  duplicatesSent: number;
  eventsPerTurn: number;
  oneEventJobs: ShapeFigures;
  baselineJobsPerSec: number;
  baselineRedisCpuUsPerJob: number;
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** The Redis server's CPU time so far (all its clients: only this bench's when the server is its own), in microseconds. */
async function redisCpuUs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1e6;
}

/** What a finished BullMQ job tells about its timing and the events it carried. */
type Finished = { timestamp: number; finishedOn?: number; data: unknown };
/** Subscribes a listener to the jobs a worker finished; returns the unsubscribe. */
type Listen = (listener: (job: Finished) => void) => () => void;

/** Runs `send` and resolves when `expected` events finished, with each event's lag (its job added -> finished) and the jobs it took. */
async function pump(redis: Redis, expected: number, send: () => Promise<void>, onFinished: Listen): Promise<{ seconds: number; lags: number[]; jobs: number; cpuUs: number; redisCpuUs: number }> {
  const lags: number[] = [];
  let jobs = 0;
  let finish: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finish = resolve));
  const stop = onFinished((job) => {
    const lag = (job.finishedOn ?? Date.now()) - job.timestamp;
    const carried = (job.data as { events?: unknown[] }).events?.length ?? 1;
    jobs++;
    for (let i = 0; i < carried; i++) lags.push(lag);
    if (lags.length >= expected) finish();
  });
  const redisCpu = await redisCpuUs(redis);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await send();
  await all;
  stop();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, lags: lags.sort((a, b) => a - b), jobs, cpuUs: used.user + used.system, redisCpuUs: (await redisCpuUs(redis)) - redisCpu };
}

/** N events of one tenant, then every tenth one again (re-sent later, as a retry would). */
function eventsFor(tenantId: string, count: number, tag: string): UsageEventJob[] {
  const at = new Date().toISOString();
  const events: UsageEventJob[] = [];
  for (let i = 0; i < count; i++) events.push({ v: 1, eventId: `bench-usage-${tag}-${i}`, tenantId, requestId: `bench-${i}`, at, kind: 'api_call', quantity: 1 });
  return [...events, ...events.filter((_, i) => i % 10 === 0)];
}

/** Each event as its own job, in bulk (a re-sent event under another job id). */
function addOneEventJobs(producer: Producer<'usage-events'>, events: UsageEventJob[]): () => Promise<void> {
  const seen = new Set<string>();
  const jobs = events.map((data) => {
    const jobId = seen.has(data.eventId) ? `${data.eventId}-again` : data.eventId;
    seen.add(data.eventId);
    return { name: 'usage-events', data, opts: { jobId } };
  });
  return async () => {
    for (let i = 0; i < jobs.length; i += ADD_BULK) await producer.queue.addBulk(jobs.slice(i, i + ADD_BULK));
  };
}

export async function runUsageIngest(count: number, perTurn: number): Promise<UsageIngestFigures> {
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
    const producer = createProducer('usage-events', { connection: producerConnection, prefix });
    const worker = createUsageEventsWorker(deps, workerConnection);
    const listen: Listen = (listener) => {
      worker.on('completed', listener);
      return () => worker.off('completed', listener);
    };
    const rows = (tag: string) => deps.prisma.usageRecord.count({ where: { tenantId: tenant.id, eventId: { startsWith: `bench-usage-${tag}-` } } });

    const single = eventsFor(tenant.id, count, 'single');
    const one = await pump(producerConnection, single.length, addOneEventJobs(producer, single), listen);

    const batched = eventsFor(tenant.id, count, 'batched');
    const publisher = createEventPublisher({ producers: { 'usage-events': producer }, connection: producerConnection, logger });
    const publishAll = async () => {
      for (let i = 0; i < batched.length; i += perTurn) {
        for (const event of batched.slice(i, i + perTurn)) publisher.publish('usage-events', event);
        await nextTurn();
      }
    };
    const grouped = await pump(producerConnection, batched.length, publishAll, listen);
    await publisher.close();
    await worker.close();

    const basePrefix = `${prefix}-base`;
    const baseProducer = createProducer('usage-events', { connection: producerConnection, prefix: basePrefix });
    const baseWorker = createWorker('usage-events', async () => undefined, { connection: createRedis(REDIS_URL, 'worker'), prefix: basePrefix, logger });
    const base = await pump(producerConnection, single.length, addOneEventJobs(baseProducer, single), (listener) => {
      baseWorker.on('completed', listener);
      return () => baseWorker.off('completed', listener);
    });
    await baseWorker.close();
    await Promise.all([producer.close(), baseProducer.close()]);
    await deleteKeys(producerConnection, basePrefix);

    const shape = (run: typeof one, sent: number, rowsWritten: number): ShapeFigures => ({
      eventsPerSec: sent / run.seconds,
      jobsPerSec: run.jobs / run.seconds,
      lagP50Ms: percentile(run.lags, 0.5),
      lagP99Ms: percentile(run.lags, 0.99),
      cpuUsPerEvent: run.cpuUs / sent,
      redisCpuUsPerEvent: run.redisCpuUs / sent,
      rowsWritten,
    });
    const batchedFigures = shape(grouped, batched.length, await rows('batched'));
    return {
      events: count,
      duplicatesSent: batched.length - count,
      eventsPerTurn: perTurn,
      ...batchedFigures,
      oneEventJobs: shape(one, single.length, await rows('single')),
      baselineJobsPerSec: single.length / base.seconds,
      baselineRedisCpuUsPerJob: base.redisCpuUs / single.length,
    };
  } finally {
    for (const closer of closers) await closer.close();
    await deleteKeys(producerConnection, prefix);
    await Promise.all([workerConnection.quit(), producerConnection.quit()]);
    await dropDatabase(databaseUrl);
  }
}

async function main(): Promise<void> {
  const perTurn = Number(process.env.BENCH_USAGE_PER_TURN ?? 10);
  const f = await runUsageIngest(Number(process.env.BENCH_USAGE_EVENTS ?? 10_000), perTurn);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const ratio = (x: number) => `x${(x / f.baselineJobsPerSec).toFixed(2)}`;
  const exact = (rows: number) => `${rows} (exactly once: ${rows === f.events ? 'yes' : 'NO'})`;
  const o = f.oneEventJobs;
  out(`usage events: ${f.events} events + ${f.duplicatesSent} re-sent per shape, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`  BullMQ empty jobs/s                  ${f.baselineJobsPerSec.toFixed(0)}  (one job per event, same queue options), Redis ${f.baselineRedisCpuUsPerJob.toFixed(0)} us CPU/job`);
  out(`  one job per event (pre-batch shape)  events/s ${o.eventsPerSec.toFixed(0)} (${ratio(o.eventsPerSec)}), jobs/s ${o.jobsPerSec.toFixed(0)}, lag p50/p99 ${o.lagP50Ms.toFixed(0)}/${o.lagP99Ms.toFixed(0)} ms, ${o.cpuUsPerEvent.toFixed(0)} us CPU/event (Redis ${o.redisCpuUsPerEvent.toFixed(0)}), rows ${exact(o.rowsWritten)}`);
  out(`  batched, ${perTurn} events per turn -> 1 job  events/s ${f.eventsPerSec.toFixed(0)} (${ratio(f.eventsPerSec)}), jobs/s ${f.jobsPerSec.toFixed(0)}, lag p50/p99 ${f.lagP50Ms.toFixed(0)}/${f.lagP99Ms.toFixed(0)} ms, ${f.cpuUsPerEvent.toFixed(0)} us CPU/event (Redis ${f.redisCpuUsPerEvent.toFixed(0)}), rows ${exact(f.rowsWritten)}`);
  out(`  (lag = job added -> finished, per event, a burst of ${f.events + f.duplicatesSent}; CPU = this process (producer, worker, Prisma), and the Redis server's: all its clients, only ours on a Redis of its own)`);
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
