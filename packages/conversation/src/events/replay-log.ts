import type { PendingJob } from './enqueue-batch';

export interface ReplayLogOptions {
  /** How long a job Redis accepted is remembered (its consumer is expected to have run by then). */
  windowMs: number;
  /** At most this many jobs remembered; the oldest go first. */
  max: number;
  now?: () => number;
}

export interface ReplayLog {
  remember(jobs: readonly PendingJob[]): void;
  /** The jobs still remembered, oldest first. */
  recent(): PendingJob[];
  readonly size: number;
}

/**
 * Jobs Redis accepted lately, so they can be added again when Redis comes back without its data
 * (restarted without persistence). Job ids are event ids and every consumer applies an event once,
 * so adding a job again never doubles its effect.
 */
export function createReplayLog(opts: ReplayLogOptions): ReplayLog {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { job: PendingJob; at: number }>();

  const prune = () => {
    const oldest = now() - opts.windowMs;
    for (const [key, entry] of entries) {
      if (entry.at >= oldest && entries.size <= opts.max) return;
      entries.delete(key);
    }
  };

  return {
    remember(jobs) {
      const at = now();
      for (const job of jobs) {
        const key = `${job.queue}:${job.payload.eventId}`;
        entries.delete(key);
        entries.set(key, { job, at });
      }
      prune();
    },
    recent() {
      prune();
      return [...entries.values()].map((e) => e.job);
    },
    get size() {
      return entries.size;
    },
  };
}
