import { DelayedError, Job, Queue, UnrecoverableError, Worker, type JobsOptions } from 'bullmq';
import type { ChainableCommander, Redis } from 'ioredis';
import { queues, type Payload, type QueueName } from '@vocalia/contracts';
import { runWithContext } from './context';
import { inJobSpan, withJobTrace } from './job-trace';
import type { Logger } from './logger';
import { observeWorker } from './queue-metrics';
import { DEFAULT_STALLED_JOB_RECOVERY, type StalledJobRecovery } from './stalled-job-recovery';

/** How many failed jobs (dead letters) a queue keeps, and for how long: enough to inspect and replay, never unbounded. */
export interface DeadLetterRetention {
  count: number;
  ageSec: number;
}

export const DEFAULT_DEAD_LETTER_RETENTION: DeadLetterRetention = { count: 10_000, ageSec: 14 * 24 * 3600 };

export interface QueueOptions {
  connection: Redis;
  /** Key prefix, so test files and deployments never share queues. */
  prefix?: string;
  deadLetters?: DeadLetterRetention;
}

const keepFailed = (retention: DeadLetterRetention = DEFAULT_DEAD_LETTER_RETENTION) => ({ count: retention.count, age: retention.ageSec });

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
    defaultJobOptions: { attempts: spec.retry.attempts, backoff: spec.retry.backoff, removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: keepFailed(opts.deadLetters) },
  });
  return {
    queue,
    async add(payload, jobOpts) {
      const parsed = spec.schema.parse(payload) as Payload<Q>;
      const job = await queue.add(name, withJobTrace(name, parsed), { jobId: parsed.eventId, ...jobOpts });
      return job.id ?? parsed.eventId;
    },
    close: () => queue.close(),
  };
}

/** A job already validated against its queue's schema, bound for one producer's queue; its job id is its event id. */
export interface ValidatedJob {
  producer: Producer<QueueName>;
  payload: { eventId: string };
}

/** The producers' connection with BullMQ's scripts loaded, and a way to send several commands on it in one socket write. */
export interface ProducerConnection {
  client: ChainableCommander;
  /**
   * Runs `send`, which sends commands on `client`, with the socket corked: they leave in one write,
   * as a pipeline's would, without building a pipeline (ioredis copies every script BullMQ defined
   * onto each one, which costs more than the commands). Each command keeps its own reply.
   */
  corked<T>(send: () => T): T;
}

/** Resolves, once BullMQ has loaded its scripts on the producers' connection, to that connection. */
export async function producerConnection(producer: Producer<QueueName>): Promise<ProducerConnection> {
  const client = await producer.queue.client;
  const raw = client as unknown as Redis;
  return {
    client: client as unknown as ChainableCommander,
    corked(send) {
      // Set at the first connection (awaited above) and never unset: a socket closed since takes the commands as a refusal.
      const { stream } = raw;
      stream.cork();
      try {
        return send();
      } finally {
        stream.uncork();
      }
    },
  };
}

/**
 * Sends each job's add script on `client` (the producers' connection), with the
 * options `queue.add` gives (the queue's defaults, job id = event id): one promise per job, in order.
 * Where `addBulk` takes one write per queue, several queues' jobs share one write inside `corked`.
 */
export function sendJobs(client: ChainableCommander, jobs: ValidatedJob[]): Promise<string>[] {
  return jobs.map(({ producer, payload }) => {
    const { queue } = producer;
    const job = new Job(queue, queue.name, payload, Object.assign({}, queue.defaultJobOptions, { jobId: payload.eventId }), payload.eventId);
    return job.addJob(client as unknown as Awaited<Queue['client']>, { parentDependenciesKey: '' });
  });
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
  /** The reason an error can never succeed on retry (bad data, a constraint the same data breaks again), else undefined. */
  permanentError?: (err: unknown) => string | undefined;
  /** Lock duration and stalled-check interval: how soon a dead worker's jobs run again (DEFAULT_STALLED_JOB_RECOVERY when unset). */
  stalledJobs?: StalledJobRecovery;
}

/** True when this failure is the job's last: it will not be retried and stays in the failed set as a dead letter. */
function isDeadLetter(job: Job | undefined, err: Error): boolean {
  return err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || (job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1));
}

/**
 * A worker that re-validates each job. Bad data, and errors `permanentError` names, fail once (UnrecoverableError);
 * a job that can fail no more is kept in the failed set (bounded by `deadLetters`) and logged with its reason.
 */
export function createWorker<Q extends QueueName>(name: Q, processor: Processor<Q>, opts: WorkerOptions): Worker {
  const spec = queues[name];
  const recovery = opts.stalledJobs ?? DEFAULT_STALLED_JOB_RECOVERY;
  const worker = new Worker(
    name,
    async (job, token) => {
      const parsed = spec.schema.safeParse(job.data);
      if (!parsed.success) {
        opts.logger.warn('job rejected: bad payload', { queue: name, jobId: job.id, issues: parsed.error.issues.slice(0, 5) });
        throw new UnrecoverableError(`bad payload: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      }
      const payload = parsed.data as Payload<Q>;
      try {
        const ctx = { requestId: payload.requestId, tenantId: payload.tenantId ?? undefined };
        return await runWithContext(ctx, () => inJobSpan(name, job.id, payload.trace, () => processor(payload, job, token)));
      } catch (err) {
        const permanent = err instanceof UnrecoverableError ? undefined : opts.permanentError?.(err);
        throw permanent ? new UnrecoverableError(permanent) : err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix ?? 'vocalia',
      concurrency: opts.concurrency ?? spec.concurrency,
      autorun: opts.autorun ?? true,
      removeOnFail: keepFailed(opts.deadLetters),
      lockDuration: recovery.lockDurationMs,
      stalledInterval: recovery.stalledIntervalMs,
    },
  );
  worker.on('failed', (job, err) => {
    const data = job?.data as { tenantId?: unknown } | undefined;
    const fields = { queue: name, jobId: job?.id, tenantId: data?.tenantId, attempt: job?.attemptsMade, reason: err.message };
    if (isDeadLetter(job, err)) opts.logger.error('job dead-lettered: it will not be retried and stays in the failed set', fields);
    else opts.logger.warn('job failed, will retry', fields);
  });
  worker.on('error', (err) => opts.logger.error('worker error', { queue: name, error: err.message }));
  observeWorker(worker, name, opts);
  return worker;
}

export interface DeadLetterProbe {
  /** Failed jobs kept per queue (jobs waiting for a retry are not counted: they are delayed, not failed). */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Counts the dead letters of the queues a service consumes, for its `/ready` details. */
export function createDeadLetterProbe(names: readonly QueueName[], opts: QueueOptions): DeadLetterProbe {
  const watched = names.map((name) => new Queue(name, { connection: opts.connection, prefix: opts.prefix ?? 'vocalia' }));
  return {
    async counts() {
      return Object.fromEntries(await Promise.all(watched.map(async (q) => [q.name, await q.getFailedCount()] as const)));
    },
    close: async () => {
      await Promise.all(watched.map((q) => q.close()));
    },
  };
}
