import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { recordUsageEvent } from '../usage/record-usage-event';
import { workerOptions } from './worker-options';

/** `usage-events` -> the usage ledger, one row per event id. */
export function createUsageEventsWorker(deps: Deps, connection: Redis) {
  return createWorker('usage-events', (job) => recordUsageEvent(deps, job), workerOptions(deps, connection));
}
