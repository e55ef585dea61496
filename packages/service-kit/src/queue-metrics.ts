import { Queue, type Job, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;
const COUNT_TIMEOUT_MS = 1000;

/** Queues this process consumes, each with a Queue handle to count its jobs at scrape time. */
const observed = new Map<Worker, { name: string; queue: Queue }>();

const jobDuration = new Histogram({
  name: 'queue_job_duration_seconds',
  help: 'Time a worker spent on a job attempt, by queue and outcome',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});
const jobsCompleted = new Counter({ name: 'queue_jobs_completed_total', help: 'Jobs completed', labelNames: ['queue'] as const, registers: [metricsRegistry] });
const jobsFailed = new Counter({ name: 'queue_jobs_failed_total', help: 'Job attempts that failed (retried or not)', labelNames: ['queue'] as const, registers: [metricsRegistry] });

/** Job counts of every observed queue, or none for a queue whose Redis does not answer in time. */
async function countAll(): Promise<{ name: string; counts: Record<string, number> }[]> {
  const all = [...observed.values()].map(async ({ name, queue }) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), COUNT_TIMEOUT_MS)));
    const counts = await Promise.race([queue.getJobCounts(...STATES).catch(() => undefined), timeout]);
    clearTimeout(timer);
    return counts ? [{ name, counts }] : [];
  });
  return (await Promise.all(all)).flat();
}

new Gauge({
  name: 'queue_jobs',
  help: 'Jobs in each state of the queues this process consumes',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    for (const { name, counts } of await countAll()) for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
  },
});

new Gauge({
  name: 'queue_dead_letters',
  help: 'Jobs kept in the failed set: retries exhausted or not retryable',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
  async collect() {
    for (const { name, counts } of await countAll()) this.set({ queue: name }, counts.failed ?? 0);
  },
});

function seconds(job: Job): number {
  return Math.max(0, ((job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now())) / 1000);
}

/** Counts and times a worker's jobs and reports its queue's depth until the worker closes. */
export function observeWorker(worker: Worker, name: string, opts: { connection: Redis; prefix?: string }): void {
  observed.set(worker, { name, queue: new Queue(name, { connection: opts.connection, prefix: opts.prefix ?? 'vocalia' }) });
  worker.on('completed', (job) => {
    jobsCompleted.inc({ queue: name });
    jobDuration.observe({ queue: name, outcome: 'completed' }, seconds(job));
  });
  worker.on('failed', (job) => {
    jobsFailed.inc({ queue: name });
    if (job) jobDuration.observe({ queue: name, outcome: 'failed' }, seconds(job));
  });
  worker.once('closed', () => {
    const entry = observed.get(worker);
    observed.delete(worker);
    void entry?.queue.close();
  });
}
