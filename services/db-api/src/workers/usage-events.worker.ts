import { queues, type UsageEventJob } from '@vocalia/contracts';
import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { settleUsage } from '../billing/settle-usage';
import { recordUsageEvents } from '../usage/record-usage-events';
import { microBatch } from './micro-batch';
import { workerOptions } from './worker-options';

/** The ledger rows of a batch in one statement, then credits, quotas and overage once per tenant; all idempotent, so a redelivered batch redoes only what is missing. */
export async function ingestUsageEvents(deps: Deps, jobs: UsageEventJob[]): Promise<{ recorded: boolean }[]> {
  const results = await recordUsageEvents(deps, jobs);
  await settleUsage(deps, jobs);
  return results;
}

/**
 * `usage-events` -> the usage ledger, one row per event id; then credits and quotas. The jobs the worker
 * holds at once (the queue's concurrency) are ingested in batches, and each is acknowledged only after its
 * batch committed: a crash in between leaves it active, so BullMQ hands it out again and the redelivery
 * writes nothing twice. A job whose batch failed is tried once more alone, so one bad event fails only itself.
 */
export function createUsageEventsWorker(deps: Deps, connection: Redis) {
  const options = workerOptions(deps, connection);
  const ingest = microBatch((jobs: UsageEventJob[]) => ingestUsageEvents(deps, jobs), queues['usage-events'].concurrency);
  return createWorker(
    'usage-events',
    async (job) => {
      try {
        return await ingest(job);
      } catch {
        const [result] = await ingestUsageEvents(deps, [job]);
        return result;
      }
    },
    options,
  );
}
