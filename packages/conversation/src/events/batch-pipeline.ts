import type { QueueName } from '@vocalia/contracts';
import { pipelineJobs, type ChainableCommander, type Producer, type ProducerConnection } from '@vocalia/service-kit';
import type { PendingJob, Producers } from './enqueue-batch';

/**
 * Adds one command to the pipeline it is given and returns what that returns; given the connection
 * itself (a batch of that one command), it sends it and returns its reply's promise.
 */
export type PipelineCommand = (target: ChainableCommander) => unknown;

/** A command for the batch's pipeline (it adds exactly one), settled with its own reply. */
export interface PendingWrite {
  add: PipelineCommand;
  resolve(reply: unknown): void;
  reject(err: unknown): void;
}

/**
 * Adds the writes, then every queue's jobs, to a pipeline and sends it (written before this returns);
 * each write is settled with its reply, and the promise rejects with the first job Redis refused.
 */
export function execBatch(connection: ProducerConnection, producers: Producers, jobs: PendingJob[], writes: PendingWrite[]): Promise<void> {
  const [only] = writes;
  if (only && writes.length === 1 && jobs.length === 0) {
    // A lone command (an admission with nothing queued beside it) skips building a pipeline, which costs more than the command.
    return Promise.resolve(only.add(connection.client)).then((reply) => only.resolve(reply));
  }
  const pipeline = connection.pipeline();
  const bound = [];
  for (const job of jobs) {
    const producer = producers[job.queue] as Producer<QueueName> | undefined;
    if (!producer) return Promise.reject(new Error(`no producer for ${job.queue}`));
    bound.push({ producer, payload: job.payload });
  }
  for (const write of writes) write.add(pipeline);
  pipelineJobs(pipeline, bound);
  return pipeline.exec().then((replies) => {
    writes.forEach((write, i) => {
      const [err, reply] = replies?.[i] ?? [new Error('no reply from Redis'), undefined];
      if (err) write.reject(err);
      else write.resolve(reply);
    });
    const refused = (replies ?? []).slice(writes.length).find(([err]) => err);
    if (refused) throw refused[0];
  });
}
