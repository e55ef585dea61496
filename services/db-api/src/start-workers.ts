import type { createWorker, Redis } from '@vocalia/service-kit';
import type { Deps } from './deps';
import { startAuditEventsWorker } from './audit/audit-events.worker';

export type QueueWorker = ReturnType<typeof createWorker>;

/** Every queue consumer db-api runs; one line per worker. Closing a worker lets its in-flight jobs finish. */
export function startWorkers(deps: Deps, connection: Redis): QueueWorker[] {
  return [startAuditEventsWorker(deps, connection)];
}
