import type { QueueName } from '@vocalia/contracts';
import { producerConnection, type Producer, type ProducerConnection } from '@vocalia/service-kit';
import { execBatch, type PendingWrite, type BatchCommand } from './batch-write';
import { groupEvents } from './event-batches';

export type { BatchCommand } from './batch-write';

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
  /** Runs `work` when this turn's batch is sent, before it is gathered: the jobs `work` adds leave in it. */
  defer(work: () => void): void;
  /** A command sent in the same pipeline as this turn's jobs; resolves with its reply. */
  write(add: BatchCommand): Promise<unknown>;
  /**
   * Sends what this event-loop turn queued now rather than at its end, so a read sent next on the
   * connection is served after those writes. A promise only while the connection's first batch
   * waits for BullMQ's scripts: the read then waits for it.
   */
  sendQueued(): Promise<void> | undefined;
  /** Send what is waiting now and wait for every batch in flight to settle. */
  drain(): Promise<void>;
}

const noop = () => undefined;
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

/**
 * Jobs published during one turn of the event loop leave together, every queue's in one pipeline (one
 * Redis write), with the other writes of that turn (a session's history): one write where each would
 * take its own, and their usage events as one job (BullMQ's cost per job paid once). They wait at most
 * until the loop's next check phase, or until a read asks for them.
 */
export function createEnqueueBatch(opts: EnqueueBatchOptions): EnqueueBatch {
  let waiting: PendingJob[] = [];
  let writes: PendingWrite[] = [];
  let deferred: (() => void)[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const inFlight = new Set<Promise<unknown>>();
  // Known (and used synchronously) once BullMQ has loaded its scripts on the connection.
  let connection: ProducerConnection | undefined;
  let loading: Promise<ProducerConnection> | undefined;
  let pendingWrite: Promise<void> | undefined;

  const loadConnection = () => {
    const producer = Object.values(opts.producers).find((p) => p !== undefined) as Producer<QueueName> | undefined;
    if (!producer) return Promise.reject(new Error('no producer: the batch has no connection'));
    loading ??= producerConnection(producer).then((loaded) => (connection = loaded));
    return loading;
  };

  const send = () => {
    const work = deferred;
    deferred = [];
    try {
      // While `scheduled` is still set, the jobs this work adds join this batch without scheduling another.
      for (const run of work) run();
    } finally {
      scheduled = undefined;
    }
    if (waiting.length === 0 && writes.length === 0) return;
    const jobs = waiting;
    const sent = writes;
    waiting = [];
    writes = [];
    const grouped = groupEvents(jobs);
    let sending: Promise<unknown>;
    let started: Promise<unknown> | undefined;
    if (connection) sending = execBatch(connection, opts.producers, grouped, sent);
    else {
      const loaded = loadConnection().then((ready) => ({ replies: execBatch(ready, opts.producers, grouped, sent) }));
      started = loaded;
      sending = loaded.then((s) => s.replies);
    }
    const attempt = withTimeout(sending, opts.addTimeoutMs).then(
      () => opts.onAccepted(jobs),
      (err: unknown) => {
        // A write already answered keeps its reply: settling twice changes nothing.
        for (const write of sent) write.reject(err);
        for (const job of jobs) opts.onRefused(job, reasonOf(err));
      },
    );
    inFlight.add(attempt);
    void attempt.finally(() => inFlight.delete(attempt));
    if (started) {
      // A read waits until this batch is written, or at most until it timed out (Redis away at start).
      const written = Promise.race([started.then(noop, noop), attempt]);
      pendingWrite = written;
      void written.then(() => pendingWrite === written && (pendingWrite = undefined));
    }
  };
  const schedule = () => {
    scheduled ??= setImmediate(send);
  };

  return {
    add(job) {
      waiting.push(job);
      schedule();
    },
    defer(work) {
      deferred.push(work);
      schedule();
    },
    write(add) {
      return new Promise((resolve, reject) => {
        writes.push({ add, resolve, reject });
        schedule();
      });
    },
    sendQueued() {
      if (scheduled) {
        clearImmediate(scheduled);
        send();
      }
      return pendingWrite;
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
