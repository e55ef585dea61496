import { USAGE_EVENTS_PER_JOB, UsageEventBatchJob, type UsageEventJob } from '@vocalia/contracts';
import { batchJobs, type BatchOf } from '@vocalia/service-kit';
import type { PendingJob } from './enqueue-batch';

/**
 * One job for usage events sent together, its id derived from the events' ids (a retry after a timeout
 * makes the same job); each event keeps its own id, tenant and request. The envelope's request and
 * trace are the first event's.
 */
function usageBatchJob({ items: events, digest, tenantId }: BatchOf<UsageEventJob>): UsageEventBatchJob {
  const [first] = events;
  return UsageEventBatchJob.parse({ v: 1, eventId: `usage-batch-${digest}`, tenantId, requestId: first?.requestId, at: first?.at, trace: first?.trace, events });
}

/**
 * The usage events among `jobs` as jobs of up to USAGE_EVENTS_PER_JOB events (a lone one stays a one-event
 * job), an event sent twice in the same turn kept once; other queues' jobs as they are.
 */
export function groupUsageEvents(jobs: PendingJob[]): PendingJob[] {
  const byId = new Map<string, PendingJob>();
  for (const j of jobs) if (j.queue === 'usage-events' && !byId.has(j.payload.eventId)) byId.set(j.payload.eventId, j);
  const usage = [...byId.values()];
  const batched = batchJobs(
    usage.map((j) => j.payload as UsageEventJob),
    USAGE_EVENTS_PER_JOB,
    (e) => e.eventId,
    (e): PendingJob => ({ queue: 'usage-events', payload: e }),
    (b): PendingJob => ({ queue: 'usage-events', payload: usageBatchJob(b) }),
  );
  return [...jobs.filter((j) => j.queue !== 'usage-events'), ...batched];
}
