import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { settleUsage } from '../billing/settle-usage';
import { recordUsageEvent } from '../usage/record-usage-event';
import { workerOptions } from './worker-options';

/** `usage-events` -> the usage ledger, one row per event id; then credits and quotas (idempotent too, so a retry redoes only what is missing). */
export function createUsageEventsWorker(deps: Deps, connection: Redis) {
  return createWorker(
    'usage-events',
    async (job) => {
      const result = await recordUsageEvent(deps, job);
      await settleUsage(deps, job);
      return result;
    },
    workerOptions(deps, connection),
  );
}
