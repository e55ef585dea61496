import { queues, type Payload, type QueueName } from '@vocalia/contracts';
import { bindToCurrentContext, withJobTrace, type Logger, type Redis } from '@vocalia/service-kit';
import { addJobs, createEnqueueBatch, type PendingJob, type BatchCommand, type Producers } from './enqueue-batch';
import { createRedisLossDetector } from './redis-loss';
import { createReplayLog } from './replay-log';

export type { BatchCommand, Producers } from './enqueue-batch';

export interface EventPublisherOptions {
  producers: Producers;
  /** The producers' connection: while it is not ready, jobs go straight to the buffer. */
  connection: Redis;
  logger: Logger;
  maxBuffered?: number;
  retryEveryMs?: number;
  addTimeoutMs?: number;
  /** Jobs Redis accepted in this window are added again if Redis comes back empty (default 10 min). */
  replayWindowMs?: number;
  /** At most this many jobs kept for that (default 10 000). */
  maxReplayed?: number;
}

export interface EventPublisher {
  /** Never blocks the answer and never throws: a job Redis refuses waits in memory until Redis is back. */
  publish<Q extends QueueName>(queue: Q, payload: Payload<Q>): void;
  /**
   * Runs `publishing` (which publishes jobs and may log) when this event-loop turn's jobs are sent: after
   * an answer written in this turn has left, its jobs still in the same Redis write. It runs in the
   * caller's async context (request id, trace). It must not throw.
   */
  publishLater(publishing: () => void): void;
  /**
   * A command (a session's history write) sent in the same pipeline, on the producers' connection, as
   * the jobs published in this turn of the event loop: one Redis write for both. Resolves with its reply.
   */
  writeAlongside(command: BatchCommand): Promise<unknown>;
  /**
   * Sends now what this event-loop turn queued (jobs and writes), so that a read sent next on the
   * producers' connection (a session's history) is served after them. Await it when it returns a
   * promise (only before the connection's first batch).
   */
  sendQueued(): Promise<void> | undefined;
  /** Push buffered jobs now, oldest first; stops at the first failure. */
  flush(): Promise<void>;
  readonly buffered: number;
  /** Send jobs in flight, flush once more, and report anything left. */
  close(): Promise<void>;
}

/**
 * Fire-and-forget enqueueing, batched per event-loop turn, with a small retry buffer. Job ids are the
 * events' ids, so a job that reached Redis just before a timeout and is added again on flush is not
 * counted twice. Jobs Redis accepted lately are remembered: when Redis comes back without its data
 * (restarted, no persistence), they are added again, and the consumers, which apply an event id once,
 * store what was lost and skip what was already stored.
 */
export function createEventPublisher(opts: EventPublisherOptions): EventPublisher {
  const maxBuffered = opts.maxBuffered ?? 10_000;
  const addTimeoutMs = opts.addTimeoutMs ?? 1000;
  const buffer: PendingJob[] = [];
  let flushing: Promise<void> | undefined;

  const keep = (item: PendingJob, reason: string) => {
    if (buffer.length >= maxBuffered) {
      const dropped = buffer.shift();
      opts.logger.error('event buffer full: oldest job dropped', { queue: dropped?.queue, eventId: dropped?.payload.eventId, maxBuffered });
    }
    buffer.push(item);
    if (buffer.length === 1) opts.logger.warn('enqueue failed: job kept in memory until Redis answers', { queue: item.queue, eventId: item.payload.eventId, reason });
  };
  const replay = createReplayLog({ windowMs: opts.replayWindowMs ?? 600_000, max: opts.maxReplayed ?? 10_000 });
  const queuePrefix = Object.values(opts.producers).find((p) => p !== undefined)?.queue.opts.prefix ?? 'bull';
  const loss = createRedisLossDetector(opts.connection, queuePrefix);
  const batch = createEnqueueBatch({ producers: opts.producers, addTimeoutMs, onRefused: keep, onAccepted: (jobs) => replay.remember(jobs) });

  const flushOnce = async () => {
    while (buffer.length > 0 && opts.connection.status === 'ready') {
      const item = buffer[0] as PendingJob;
      try {
        await addJobs(opts.producers, item.queue, [item], addTimeoutMs);
      } catch {
        return;
      }
      buffer.shift();
      replay.remember([item]);
      if (buffer.length === 0) opts.logger.info('event buffer flushed');
    }
  };

  const flush = () => {
    flushing ??= flushOnce().finally(() => (flushing = undefined));
    return flushing;
  };

  const timer = setInterval(() => void (buffer.length > 0 && flush()), opts.retryEveryMs ?? 1000);
  timer.unref();
  const replayIfLost = async () => {
    const lost = await loss.check().catch(() => false);
    const jobs = lost ? replay.recent() : [];
    if (jobs.length > 0) {
      opts.logger.warn('redis came back empty: recent jobs added again', { count: jobs.length });
      const waiting = new Set(buffer.map((b) => `${b.queue}:${b.payload.eventId}`));
      for (const job of jobs) if (!waiting.has(`${job.queue}:${job.payload.eventId}`)) keep(job, 'redis lost its data');
    }
    await flush();
  };
  const onReady = () => void replayIfLost();
  opts.connection.on('ready', onReady);
  if (opts.connection.status === 'ready') onReady();

  return {
    publish(queue, payload) {
      const parsed = queues[queue].schema.safeParse(payload);
      if (!parsed.success) {
        opts.logger.error('event not enqueued: bad payload', { queue, issues: parsed.error.issues.slice(0, 5) });
        return;
      }
      // The trace context is taken now, inside the request: the batch is sent on a later turn.
      const item: PendingJob = { queue, payload: withJobTrace(queue, parsed.data as { eventId: string }) };
      // Order matters little, but a non-empty buffer means Redis was just failing: do not hammer it per request.
      if (opts.connection.status !== 'ready' || buffer.length > 0) return keep(item, `redis ${opts.connection.status}`);
      batch.add(item);
    },
    publishLater: (publishing) => batch.defer(bindToCurrentContext('vocalia.publish-later', publishing)),
    writeAlongside: (command) => batch.write(command),
    sendQueued: () => batch.sendQueued(),
    flush,
    get buffered() {
      return buffer.length;
    },
    async close() {
      clearInterval(timer);
      opts.connection.off('ready', onReady);
      await batch.drain();
      await flush();
      if (buffer.length > 0) {
        opts.logger.error('stopping with jobs Redis never accepted', { count: buffer.length, eventIds: buffer.slice(0, 20).map((b) => b.payload.eventId) });
      }
    },
  };
}
