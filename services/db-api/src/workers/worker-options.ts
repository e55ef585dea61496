import { stalledJobRecovery, type Redis, type WorkerOptions } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { permanentDataError } from './permanent-data-error';

/** Options every db-api queue consumer shares: its connection and prefix, dead-letter retention, which errors are permanent, and how soon a dead worker's jobs run again. */
export function workerOptions(deps: Deps, connection: Redis): WorkerOptions {
  return {
    connection,
    prefix: deps.queuePrefix,
    logger: deps.logger,
    deadLetters: { count: deps.env.DEAD_LETTER_MAX_COUNT, ageSec: deps.env.DEAD_LETTER_MAX_AGE_SEC },
    permanentError: permanentDataError,
    stalledJobs: stalledJobRecovery(deps.env),
  };
}
