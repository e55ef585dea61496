import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { ingestCallEvent } from '../calls/ingest-call-event';
import { workerOptions } from './worker-options';

/** `call-events` -> the calls table (status, duration, recording), upserted by call SID. */
export function createCallEventsWorker(deps: Deps, connection: Redis) {
  return createWorker('call-events', (job) => ingestCallEvent(deps, job), workerOptions(deps, connection));
}
