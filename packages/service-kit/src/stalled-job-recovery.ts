/**
 * How soon a job held by a worker that died (SIGKILL, lost node) runs again, through BullMQ's own
 * stalled-job check: the worker renews its lock on each job every `lockDurationMs / 2`; once a lock has
 * expired, the next checks (every `stalledIntervalMs`, by any live worker of the queue) move the job back
 * to wait. A dead worker's jobs come back about `lockDurationMs` + 1-2 intervals after it died; an event
 * loop blocked past `lockDurationMs` makes a healthy job run twice (handlers are idempotent anyway).
 */
export interface StalledJobRecovery {
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/** Jobs of a dead worker back in 20-40 s (BullMQ's own 30 s / 30 s take 30-90 s); a healthy job runs twice only after a 20 s event-loop block. */
export const DEFAULT_STALLED_JOB_RECOVERY: StalledJobRecovery = { lockDurationMs: 20_000, stalledIntervalMs: 10_000 };

/** From the service's parsed env (`QUEUE_LOCK_DURATION_MS`, `QUEUE_STALLED_INTERVAL_MS` of BaseEnv). */
export function stalledJobRecovery(env: { QUEUE_LOCK_DURATION_MS: number; QUEUE_STALLED_INTERVAL_MS: number }): StalledJobRecovery {
  return { lockDurationMs: env.QUEUE_LOCK_DURATION_MS, stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS };
}
