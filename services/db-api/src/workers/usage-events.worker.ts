import { usageEventsOf, type UsageEventJob } from '@vocalia/contracts';
import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { settleUsage } from '../billing/settle-usage';
import { recordUsageEvents } from '../usage/record-usage-events';
import { microBatch } from './micro-batch';
import { workerOptions } from './worker-options';

// Events per flush: the larger the flush, the less its fixed cost per event (5,000 rows took 0.6-0.8 s at load 12, 1,000 took 0.3-1 s).
const EVENTS_PER_FLUSH = 5000;

/** The ledger rows of a batch in one statement, then credits, quotas and overage once per tenant; all idempotent, so a redelivered batch redoes only what is missing. */
export async function ingestUsageEvents(deps: Deps, events: UsageEventJob[]): Promise<{ recorded: boolean }[]> {
  const results = await recordUsageEvents(deps, events);
  await settleUsage(deps, events);
  return results;
}

type Ingest = (event: UsageEventJob) => Promise<{ recorded: boolean }>;

/** Each event of a job through the shared batches; an event whose batch failed is tried once more alone, so one bad event fails only its own job. */
async function ingestJobEvents(deps: Deps, ingest: Ingest, events: UsageEventJob[]): Promise<{ recorded: boolean }[]> {
  const settled = await Promise.allSettled(events.map(ingest));
  const results: { recorded: boolean }[] = [];
  let failure: { err: unknown } | undefined;
  for (const [i, outcome] of settled.entries()) {
    if (outcome.status === 'fulfilled') {
      results.push(outcome.value);
      continue;
    }
    try {
      results.push(...(await ingestUsageEvents(deps, [events[i]!])));
    } catch (err) {
      failure ??= { err };
    }
  }
  if (failure) throw failure.err;
  return results;
}

/**
 * `usage-events` -> the usage ledger, one row per event id; then credits and quotas. A job carries one
 * event or a batch of them; the events of the jobs the worker holds at once (the queue's concurrency) are
 * ingested in batches, and a job is acknowledged only after every one of its events committed: a crash in
 * between leaves it active, so BullMQ hands it out again and the redelivery writes nothing twice. A job of
 * one event returns `{ recorded }`, a batch job how many of its events this delivery recorded.
 */
export function createUsageEventsWorker(deps: Deps, connection: Redis) {
  const options = workerOptions(deps, connection);
  const ingest = microBatch((events: UsageEventJob[]) => ingestUsageEvents(deps, events), EVENTS_PER_FLUSH);
  return createWorker(
    'usage-events',
    async (job) => {
      const results = await ingestJobEvents(deps, ingest, usageEventsOf(job));
      return 'events' in job ? { recorded: results.filter((r) => r.recorded).length } : results[0];
    },
    options,
  );
}
