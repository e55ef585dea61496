import { createHash } from 'node:crypto';
import { USAGE_EVENTS_PER_JOB, UsageEventBatchJob, type UsageEventJob } from '@vocalia/contracts';
import type { PendingJob } from './enqueue-batch';

/**
 * One job for usage events sent together. Its id is derived from the events' ids, so the same events sent
 * again (a retry after a timeout) make the same job; each event keeps its own id, tenant and request.
 * The envelope's request and trace are the first event's.
 */
export function usageBatchJob(events: UsageEventJob[]): UsageEventBatchJob {
  const ids = createHash('sha256');
  for (const e of events) ids.update(`${e.eventId}\n`);
  const [first] = events;
  const tenants = new Set(events.map((e) => e.tenantId));
  return UsageEventBatchJob.parse({
    v: 1,
    eventId: `usage-batch-${ids.digest('hex').slice(0, 40)}`,
    tenantId: tenants.size === 1 ? (first?.tenantId ?? null) : null,
    requestId: first?.requestId,
    at: first?.at,
    trace: first?.trace,
    events,
  });
}

/**
 * The usage events among `jobs` as jobs of up to USAGE_EVENTS_PER_JOB events (a lone one stays a one-event
 * job), an event sent twice in the same turn kept once; other queues' jobs as they are.
 */
export function groupUsageEvents(jobs: PendingJob[]): PendingJob[] {
  const byId = new Map<string, PendingJob>();
  for (const j of jobs) if (j.queue === 'usage-events' && !byId.has(j.payload.eventId)) byId.set(j.payload.eventId, j);
  const usage = [...byId.values()];
  const grouped = jobs.filter((j) => j.queue !== 'usage-events');
  for (let i = 0; i < usage.length; i += USAGE_EVENTS_PER_JOB) {
    const chunk = usage.slice(i, i + USAGE_EVENTS_PER_JOB);
    const [only] = chunk;
    if (chunk.length === 1 && only) grouped.push(only);
    else grouped.push({ queue: 'usage-events', payload: usageBatchJob(chunk.map((j) => j.payload as UsageEventJob)) });
  }
  return grouped;
}
