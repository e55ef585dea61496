import { DelayedError, Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { queues, type Payload, type QueueName } from '@vocalia/contracts';
import { runWithContext } from './context';
import type { Logger } from './logger';

export interface QueueOptions {
  connection: Redis;
  /** Key prefix, so test files and deployments never share queues. */
  prefix?: string;
}

export interface Producer<Q extends QueueName> {
  readonly queue: Queue;
  /** Validates before enqueueing, so a bad job never enters Redis. The job id is the event id. */
  add(payload: Payload<Q>, opts?: JobsOptions): Promise<string>;
  close(): Promise<void>;
}

export function createProducer<Q extends QueueName>(name: Q, opts: QueueOptions): Producer<Q> {
  const spec = queues[name];
  const queue = new Queue(name, {
    connection: opts.connection,
    prefix: opts.prefix ?? 'vocalia',
    defaultJobOptions: { attempts: spec.retry.attempts, backoff: spec.retry.backoff, removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: false },
  });
  return {
    queue,
    async add(payload, jobOpts) {
      const parsed = spec.schema.parse(payload) as Payload<Q>;
      const job = await queue.add(name, parsed, { jobId: parsed.eventId, ...jobOpts });
      return job.id ?? parsed.eventId;
    },
    close: () => queue.close(),
  };
}

export type Processor<Q extends QueueName> = (payload: Payload<Q>, job: Job, token?: string) => Promise<unknown>;

/** From inside a processor: put the job back, to run again in `delayMs`, without spending one of its attempts. */
export async function deferJob(job: Job, token: string | undefined, delayMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}

export interface WorkerOptions extends QueueOptions {
  logger: Logger;
  concurrency?: number;
  autorun?: boolean;
}

/** A worker that re-validates each job; bad data fails once (UnrecoverableError) and stays in the failed set. */
export function createWorker<Q extends QueueName>(name: Q, processor: Processor<Q>, opts: WorkerOptions): Worker {
  const spec = queues[name];
  const worker = new Worker(
    name,
    async (job, token) => {
      const parsed = spec.schema.safeParse(job.data);
      if (!parsed.success) {
        opts.logger.warn('job rejected: bad payload', { queue: name, jobId: job.id, issues: parsed.error.issues.slice(0, 5) });
        throw new UnrecoverableError(`bad payload: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      }
      const payload = parsed.data as Payload<Q>;
      return runWithContext({ requestId: payload.requestId, tenantId: payload.tenantId }, () => processor(payload, job, token));
    },
    {
      connection: opts.connection,
      prefix: opts.prefix ?? 'vocalia',
      concurrency: opts.concurrency ?? spec.concurrency,
      autorun: opts.autorun ?? true,
    },
  );
  worker.on('failed', (job, err) => opts.logger.warn('job failed', { queue: name, jobId: job?.id, attempt: job?.attemptsMade, error: err.message }));
  worker.on('error', (err) => opts.logger.error('worker error', { queue: name, error: err.message }));
  return worker;
}
