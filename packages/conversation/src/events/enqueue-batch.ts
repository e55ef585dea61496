import type { QueueName } from '@vocalia/contracts';
import { addJobsTogether, type Producer } from '@vocalia/service-kit';
import { groupUsageEvents } from './usage-batches';

export type Producers = { [Q in QueueName]?: Producer<Q> };

/** A job already checked against its queue's schema; its job id is its event id. */
export interface PendingJob {
  queue: QueueName;
  payload: { eventId: string };
}

export interface EnqueueBatchOptions {
  producers: Producers;
  addTimeoutMs: number;
  /** Called with each job of a batch Redis refused or did not answer in time. */
  onRefused(job: PendingJob, reason: string): void;
  /** Called with the jobs of each batch Redis accepted. */
  onAccepted(jobs: readonly PendingJob[]): void;
}

export interface EnqueueBatch {
  add(job: PendingJob): void;
  /** Send what is waiting now and wait for every batch in flight to settle. */
  drain(): Promise<void>;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
    p.then((v) => (clearTimeout(timer), resolve(v)), (e: unknown) => (clearTimeout(timer), reject(e)));
  });
}

/**
 * One queue's jobs in one write: the payloads were validated on publish, so they go as they are. A lone
 * job skips `addBulk`, whose ioredis pipeline costs more to build than one script call.
 */
export function addJobs(producers: Producers, queue: QueueName, jobs: PendingJob[], timeoutMs: number): Promise<unknown> {
  const producer = producers[queue];
  if (!producer) return Promise.reject(new Error(`no producer for ${queue}`));
  const bulk = jobs.map((j) => ({ name: queue, data: j.payload, opts: { jobId: j.payload.eventId } }));
  const [only] = bulk;
  const added: Promise<unknown> = bulk.length === 1 && only ? producer.queue.add(only.name, only.data, only.opts) : producer.queue.addBulk(bulk);
  return withTimeout(added, timeoutMs);
}

/** Every queue's jobs of one batch in one pipeline (the producers share one connection). */
function addBatch(producers: Producers, jobs: PendingJob[], timeoutMs: number): Promise<unknown> {
  const bound = [];
  for (const job of jobs) {
    const producer = producers[job.queue] as Producer<QueueName> | undefined;
    if (!producer) return Promise.reject(new Error(`no producer for ${job.queue}`));
    bound.push({ producer, payload: job.payload });
  }
  return withTimeout(addJobsTogether(bound), timeoutMs);
}

/**
 * Jobs published during one turn of the event loop leave together, every queue's in one pipeline (one
 * Redis write), instead of one script call each, and their usage events as one job (BullMQ's cost per
 * job paid once). They wait at most until the loop's next check phase.
 */
export function createEnqueueBatch(opts: EnqueueBatchOptions): EnqueueBatch {
  let waiting: PendingJob[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const inFlight = new Set<Promise<unknown>>();

  const send = () => {
    scheduled = undefined;
    const jobs = waiting;
    waiting = [];
    const attempt = addBatch(opts.producers, groupUsageEvents(jobs), opts.addTimeoutMs).then(
      () => opts.onAccepted(jobs),
      (err: unknown) => {
        for (const job of jobs) opts.onRefused(job, reasonOf(err));
      },
    );
    inFlight.add(attempt);
    void attempt.finally(() => inFlight.delete(attempt));
  };

  return {
    add(job) {
      waiting.push(job);
      scheduled ??= setImmediate(send);
    },
    async drain() {
      if (scheduled) {
        clearImmediate(scheduled);
        send();
      }
      await Promise.allSettled([...inFlight]);
    },
  };
}
