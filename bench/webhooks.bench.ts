/**
 * Outbound webhook deliveries: webhook-router's delivery worker (real PostgreSQL, real Redis, the
 * production code path: claim, sign, POST, log the attempt) in this process, against a receiver in a
 * child process that also plays db-api (each event committed in its own transaction, its delivery handed
 * to db-api's enqueuer), beside BullMQ's own throughput for empty jobs measured in the same run (jobs
 * added by the child, an empty worker here). Lag = delivery row committed -> receiver got it (both read
 * on the child's clock). One endpoint per tenant.
 * After a warm-up, a burst (every event committed at once: throughput, lag includes the backlog) and a
 * steady stream at BENCH_WEBHOOK_RATE events/s (lag at that load), each run twice in turn: jobs as db-api
 * makes them (one add in Redis at a time; the attempts asked for meanwhile share a job) and one job per
 * delivery (as before). Then webhook-router alone, db-api's work done before each phase: a drain (events
 * committed and enqueued while the queue is paused, then delivered: capacity) and a paced phase (events
 * committed first, their deliveries handed to db-api's enqueuer at BENCH_WEBHOOK_RATE events/s: lag =
 * enqueued -> received at that load).
 * CPU per delivery is this process's: the worker's; then every process's over each phase (this one, the
 * child, the PostgreSQL backends of each side by application_name, read from /proc, and the Redis server's
 * INFO cpu, which counts its other clients too).
 * The delivery tables start as a deployment's do after some time in service, not empty: BENCH_WEBHOOK_HISTORY
 * delivered deliveries per endpoint (with their attempts), then ANALYZE, which autovacuum does on its own.
 * Why: on a server without autovacuum (this machine's PostgreSQL has it off), empty never-analyzed tables
 * make PostgreSQL cache sequential-scan plans for the worker's prepared statements, and every statement
 * then reads the whole growing table (0.45-0.9 ms of PostgreSQL CPU per delivery instead of 0.12-0.14).
 * BENCH_WEBHOOK_HISTORY=0 runs the old shape.
 * Prints figures, asserts nothing. Run: `npx tsx bench/webhooks.bench.ts`
 * (BENCH_WEBHOOKS deliveries per phase, default 6000; BENCH_ENDPOINTS, default 50; BENCH_WEBHOOK_RATE,
 * default 2000; BENCH_WEBHOOK_HISTORY, default 2000; DATABASE_URL, REDIS_URL).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPgPool, dropDatabase, ensureDatabase, migrateDatabase } from '@vocalia/db';
import { createRedis, createWorker, type Redis } from '@vocalia/service-kit';
import { Env, startDeliveries } from '@vocalia/webhook-router';
import { writeBenchJson } from './support/bench-json';
import { cpuBetween, snapshotCpu, type CpuSplit } from './support/cpu-split';
import { discardingLogger } from './support/servers';
import type { FeederCommand, FeederReply } from './support/webhook-feeder';
import { tableWrites } from './support/table-writes';
import { seedDeliveryHistory } from './support/webhook-history';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 6000);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 50);
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 2000);
const HISTORY = Number(process.env.BENCH_WEBHOOK_HISTORY ?? 2000);
/** Deliveries sent first and not measured, so neither phase pays for the JIT's first compilations. */
const WARMUP = 1000;
const out = (line = '') => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** This process's CPU (user + system) per job, in ms: less sensitive than rates to other processes sharing the cores. */
const cpuMsPer = (used: NodeJS.CpuUsage, jobs: number) => (used.user + used.system) / 1000 / jobs;

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** The child process, and one request / reply at a time over IPC. */
function startFeeder(databaseUrl: string, prefix: string): Promise<{ child: ChildProcess; ask: (cmd: FeederCommand) => Promise<FeederReply>; url: string }> {
  const child = fork(join(__dirname, 'support/webhook-feeder.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FEEDER_DATABASE_URL: databaseUrl, FEEDER_REDIS_URL: REDIS_URL, FEEDER_QUEUE_PREFIX: prefix },
  });
  const next = () =>
    new Promise<FeederReply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`webhook feeder exited ${code}`));
      child.once('exit', onExit);
      child.once('message', (reply: FeederReply) => {
        child.off('exit', onExit);
        resolve(reply);
      });
    });
  return next().then((ready) => ({
    child,
    url: (ready as Extract<FeederReply, { type: 'ready' }>).url,
    ask: (cmd) => {
      const reply = next();
      child.send(cmd);
      return reply;
    },
  }));
}

interface Phase {
  perSec: number;
  lagP50: number;
  lagP99: number;
  /** Worker process (this one). */
  cpuMs: number;
  /** Child: receiver and producer. */
  feederCpuMs: number;
  /** Every process's CPU over the phase: worker, child, PostgreSQL backends by application_name, Redis server. */
  split: CpuSplit;
  jobs: number;
  count: number;
  load: string;
}

/** BullMQ alone: COUNT empty jobs added by the child, a worker of the same concurrency here doing nothing. */
async function bullmqBaseline(feeder: Awaited<ReturnType<typeof startFeeder>>, prefix: string): Promise<{ perSec: number; cpuMs: number }> {
  let done = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const connection = createRedis(REDIS_URL, 'worker');
  const worker = createWorker('webhook-deliveries', async () => (++done === COUNT ? finished() : undefined), { connection, prefix, logger: discardingLogger() });
  await worker.waitUntilReady();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await feeder.ask({ type: 'empty-jobs', prefix, count: COUNT });
  await all;
  const perSec = COUNT / ((performance.now() - started) / 1000);
  const cpuMs = cpuMsPer(process.cpuUsage(cpu), COUNT);
  await worker.close();
  await deleteKeys(connection, prefix);
  await connection.quit();
  return { perSec, cpuMs };
}

async function main(): Promise<void> {
  const loadAtStart = load();
  const url = new URL(DATABASE_URL);
  url.pathname = `/vocalia_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const prefix = `bench-webhooks-${randomBytes(4).toString('hex')}`;
  // Each side's PostgreSQL backends named, so their CPU is told apart.
  const feeder = await startFeeder(`${databaseUrl}?application_name=db-api`, prefix);

  const env = { ...Env.parse({ LOG_LEVEL: 'silent', REDIS_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }), DATABASE_URL: `${databaseUrl}?application_name=webhook-router` };
  const running = startDeliveries(env, discardingLogger(), { queuePrefix: prefix, sweeper: false });
  const { prisma } = running.deps;
  const endpoints = await Promise.all(
    Array.from({ length: ENDPOINTS }, async (_v, i) => {
      const tenant = await prisma.tenant.create({ data: { name: `Bench ${i}`, slug: `bench-${i}-${randomBytes(4).toString('hex')}`, plan: 'pro' } });
      const endpoint = await prisma.webhookEndpoint.create({ data: { tenantId: tenant.id, url: `${feeder.url}/hook/${i}`, secret: `whsec_${randomBytes(32).toString('base64')}` } });
      return { tenantId: tenant.id, endpointId: endpoint.id };
    }),
  );
  const admin = createPgPool(`${databaseUrl}?application_name=bench-admin`, { poolSize: 1 });
  const redisInfo = createRedis(REDIS_URL, 'worker');
  await seedDeliveryHistory(admin, endpoints, HISTORY);
  const pids = { worker: process.pid, feeder: feeder.child.pid as number };
  /** Runs `ask` (a feeder phase of `count` deliveries), with this process's CPU and every process's split over it. */
  const measured = async (count: number, ask: () => Promise<FeederReply>): Promise<Phase> => {
    const before = await snapshotCpu(pids, admin, url.pathname.slice(1), redisInfo);
    const cpu = process.cpuUsage();
    const reply = await ask();
    const cpuMs = cpuMsPer(process.cpuUsage(cpu), count);
    const split = cpuBetween(before, await snapshotCpu(pids, admin, url.pathname.slice(1), redisInfo));
    if (reply.type !== 'phase-done') throw new Error(`unexpected feeder reply ${reply.type}`);
    return { perSec: reply.perSec, lagP50: reply.lagP50, lagP99: reply.lagP99, cpuMs, feederCpuMs: reply.cpuMs, jobs: reply.jobs, count, load: load(), split };
  };
  const phase = (tag: string, rate: number | null, count: number, jobs: 'turn' | 'one') => measured(count, () => feeder.ask({ type: 'phase', tag, count, rate, endpoints, jobs }));
  /**
   * webhook-router alone: COUNT events committed and enqueued while its queue is paused (db-api's work done
   * before), then delivered once it is resumed; timed and CPU-split from the resume. Its lag holds the pause,
   * so none is reported.
   */
  const drainPhase = async (tag: string): Promise<Phase> => {
    const { queue } = running.deps.producer;
    await queue.pause();
    await feeder.ask({ type: 'backlog', tag, count: COUNT, endpoints, enqueue: true });
    const drained = await measured(COUNT, async () => {
      const draining = feeder.ask({ type: 'drain' });
      await queue.resume();
      return draining;
    });
    return { ...drained, lagP50: NaN, lagP99: NaN };
  };
  /** webhook-router alone at RATE events/s: COUNT events committed first, their deliveries then enqueued at that pace (lag = enqueued -> received). */
  const pacedPhase = async (tag: string): Promise<Phase> => {
    await feeder.ask({ type: 'backlog', tag, count: COUNT, endpoints, enqueue: false });
    return measured(COUNT, () => feeder.ask({ type: 'paced', rate: RATE }));
  };
  await phase('warmup-one', null, WARMUP / 2, 'one');
  await phase('warmup-turn', null, WARMUP / 2, 'turn');
  const burstOne = await phase('burst-one', null, COUNT, 'one');
  const burst = await phase('burst', null, COUNT, 'turn');
  const steadyOne = await phase('steady-one', RATE, COUNT, 'one');
  const steady = await phase('steady', RATE, COUNT, 'turn');
  const drained = await drainPhase('drain');
  const pacedAlone = await pacedPhase('paced');
  // The receiver may have the last requests before their attempts are recorded: wait for those (5 s at most).
  const sent = WARMUP + 6 * COUNT;
  const history = HISTORY * ENDPOINTS;
  for (let waited = 0; waited < 5000 && (await prisma.webhookAttempt.count()) - history < sent; waited += 50) await sleep(50);
  const delivered = (await prisma.webhookDelivery.count({ where: { status: 'delivered' } })) - history;
  const attempts = (await prisma.webhookAttempt.count()) - history;

  await running.close();
  // webhook-router's backends report their counters as they exit.
  await sleep(1000);
  const writes = await tableWrites(admin, 'webhook_deliveries');
  await admin.end();
  await redisInfo.quit();
  const cleanup = createRedis(REDIS_URL, 'worker');
  await deleteKeys(cleanup, prefix);
  const baseline = await bullmqBaseline(feeder, `${prefix}-base`);
  await cleanup.quit();
  await feeder.ask({ type: 'close' }).catch(() => undefined);
  await dropDatabase(databaseUrl);

  const row = (name: string, p: Phase) =>
    out(
      `  ${name.padEnd(30)} ${p.perSec.toFixed(0).padStart(6)} ${((p.jobs / p.count) * p.perSec).toFixed(0).padStart(6)} ${(p.count / p.jobs).toFixed(1).padStart(6)}  ${p.lagP50.toFixed(0).padStart(6)} ${p.lagP99.toFixed(0).padStart(6)}   ${p.cpuMs.toFixed(3)}  ${p.feederCpuMs.toFixed(3)}   ${p.load}`,
    );
  out(`webhook deliveries: ${COUNT} per phase to ${ENDPOINTS} endpoints (one per tenant, ${HISTORY} delivered before), on one local receiver (child process), ${cpus().length} cores, load average ${loadAtStart} at start, ${load()} at end`);
  out(`  delivered rows / attempts logged           ${delivered} / ${attempts} (of ${sent})`);
  out(`  webhook_deliveries row updates            ${writes.updates}, HOT (no index entry) ${writes.hot} (${((writes.hot / Math.max(1, writes.updates)) * 100).toFixed(0)}%)`);
  out(`  phase (order run)                       dlv/s  jobs/s dlv/job  lag p50    p99 ms  worker CPU ms/dlv  feeder    load average after`);
  row('burst, a job per delivery', burstOne);
  row('burst, jobs as db-api makes them', burst);
  row(`steady ${RATE}/s, a job per delivery`, steadyOne);
  row(`steady ${RATE}/s, jobs as db-api`, steady);
  row('drain: router alone, as db-api', drained);
  row(`router alone, ${RATE}/s enqueued`, pacedAlone);
  out(`  CPU per delivery by process, ms (share of the ${cpus().length} cores over the phase, %); PostgreSQL backends by application; Redis: the whole server, other clients included`);
  const splitRow = (name: string, p: Phase) => {
    const cores = cpus().length;
    const cell = (key: string) => `${key} ${((p.split.ms[key] ?? 0) / p.count).toFixed(3)} (${(((p.split.ms[key] ?? 0) / p.split.wallMs / cores) * 100).toFixed(0)}%)`;
    out(`  ${name.padEnd(30)} ${['worker', 'feeder', 'pg:webhook-router', 'pg:db-api', 'redis'].map(cell).join('  ')}`);
  };
  splitRow('burst, a job per delivery', burstOne);
  splitRow('burst, jobs as db-api makes them', burst);
  splitRow(`steady ${RATE}/s, a job per delivery`, steadyOne);
  splitRow(`steady ${RATE}/s, jobs as db-api`, steady);
  splitRow('drain: router alone, as db-api', drained);
  splitRow(`router alone, ${RATE}/s enqueued`, pacedAlone);
  out(`  BullMQ empty jobs/s                        ${baseline.perSec.toFixed(0)}  (same concurrency, no work; worker CPU ms per empty job ${baseline.cpuMs.toFixed(3)})`);
  writeBenchJson('webhooks', { deliveries: COUNT, endpoints: ENDPOINTS, delivered, perSec: burst.perSec, jobsPerSec: (burst.jobs / burst.count) * burst.perSec, steadyOfferedPerSec: RATE, steadyPerSec: steady.perSec, drainPerSec: drained.perSec, alonePerSec: pacedAlone.perSec, aloneLagP50Ms: pacedAlone.lagP50, aloneLagP99Ms: pacedAlone.lagP99, lagP50Ms: steady.lagP50, lagP99Ms: steady.lagP99, baselineJobsPerSec: baseline.perSec });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`webhooks bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
