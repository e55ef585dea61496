import type { QueueName } from '@vocalia/contracts';
import { sendJobs, type ChainableCommander, type Producer, type ProducerConnection, type ValidatedJob } from '@vocalia/service-kit';
import type { PendingJob, Producers } from './enqueue-batch';

/** Sends one command on the connection it is given and returns its reply's promise. */
export type BatchCommand = (target: ChainableCommander) => unknown;

/** A command for the batch's write (it sends exactly one), settled with its own reply. */
export interface PendingWrite {
  add: BatchCommand;
  resolve(reply: unknown): void;
  reject(err: unknown): void;
}

const nothing = () => undefined;

/**
 * Sends the writes, then every queue's jobs, in one socket write (sent before this returns); each write
 * is settled with its reply, and the promise rejects with the first job Redis refused.
 */
export function execBatch(connection: ProducerConnection, producers: Producers, jobs: PendingJob[], writes: PendingWrite[]): Promise<void> {
  const bound: ValidatedJob[] = [];
  for (const job of jobs) {
    const producer = producers[job.queue] as Producer<QueueName> | undefined;
    if (!producer) return Promise.reject(new Error(`no producer for ${job.queue}`));
    bound.push({ producer, payload: job.payload });
  }
  const { client } = connection;
  const added = connection.corked(() => {
    for (const write of writes) Promise.resolve(write.add(client)).then(write.resolve, write.reject);
    return sendJobs(client, bound);
  });
  return Promise.all(added).then(nothing);
}
