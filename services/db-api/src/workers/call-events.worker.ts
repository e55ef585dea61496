import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { ingestCallEvent } from '../calls/ingest-call-event';

/** `call-events` -> the calls table (status, duration, recording), upserted by call SID. */
export function createCallEventsWorker(deps: Deps, connection: Redis) {
  return createWorker('call-events', (job) => ingestCallEvent(deps, job), { connection, prefix: deps.queuePrefix, logger: deps.logger });
}
