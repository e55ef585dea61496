import { WebhookDeliveriesJob } from '@vocalia/contracts';
import { webhookDeliveriesOf } from '@vocalia/service-kit';
import type { DeliveryDeps } from '../deps';
import { scheduleAttempt, type DueDelivery } from './schedule-attempt';

/** A due delivery is left to its own job this long before the sweeper assumes the job was lost. */
export const SWEEP_GRACE_MS = 30_000;

export interface SweepLimits {
  /** Rows read and enqueued per round trip. */
  page: number;
  /** Rows one sweep looks at, at most; the next sweep starts from the oldest again. */
  max: number;
}

const LIMITS: SweepLimits = { page: 1000, max: 50_000 };

/** Job states in which a job will still run. */
const UNFINISHED = ['waiting', 'delayed', 'prioritized', 'paused', 'active'] as const;
const SCAN_PAGE = 500;

/** Delivery ids carried by unfinished jobs (read once per sweep, only when a delivery has no job of its own). */
async function deliveriesInQueuedBatches(deps: DeliveryDeps): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const state of UNFINISHED) {
    for (let start = 0; ; start += SCAN_PAGE) {
      const jobs = await deps.producer.queue.getJobs(state, start, start + SCAN_PAGE - 1, true);
      for (const job of jobs) {
        const parsed = WebhookDeliveriesJob.safeParse(job?.data);
        if (parsed.success) for (const d of webhookDeliveriesOf(parsed.data)) ids.add(d.deliveryId);
      }
      if (jobs.length < SCAN_PAGE) break;
    }
  }
  return ids;
}

/**
 * True while the job that will make the next attempt is still in Redis and unfinished (waiting in a
 * backlog, delayed, active): a job of its own is named after the attempt (the first after the delivery);
 * a job of several is found by reading the unfinished jobs' deliveries.
 */
async function jobStillQueued(deps: DeliveryDeps, d: DueDelivery, inBatches: () => Promise<Set<string>>): Promise<boolean> {
  const ids = d.attempts === 0 ? [d.id, `${d.id}-1`] : [`${d.id}-${d.attempts + 1}`];
  const jobs = await Promise.all(ids.map((id) => deps.producer.queue.getJob(id)));
  return jobs.some((job) => job !== undefined && !job.finishedOn) || (await inBatches()).has(d.id);
}

/**
 * The job id of the next attempt may still be held by a finished job: one that failed for good because
 * PostgreSQL was down longer than BullMQ's retries last (kept as a dead letter), or one that completed
 * without recording. BullMQ ignores an add under a kept id, so that job is removed first (it is not
 * queued: the caller checked) and its failure reason logged.
 */
async function reEnqueue(deps: DeliveryDeps, d: DueDelivery): Promise<void> {
  const jobId = `${d.id}-${d.attempts + 1}`;
  const stale = await deps.producer.queue.getJob(jobId);
  if (stale) {
    deps.logger.warn('webhook sweep replaces a finished job of a pending delivery', { tenantId: d.tenantId, deliveryId: d.id, jobId, failedReason: stale.failedReason });
    await stale.remove();
  }
  await scheduleAttempt(deps, d, 0, `sweep-${d.id}`);
}

/**
 * Pending deliveries overdue by `cutoff` and not leased past it, oldest first, after `after`. Raw SQL with
 * `status = 'pending'` written out: PostgreSQL uses the partial index of pending rows only when it can
 * read the status at planning time (Prisma sends it as a cast of a parameter, which it cannot).
 */
function duePage(deps: DeliveryDeps, cutoff: Date, after: { createdAt: Date; id: string } | undefined, take: number) {
  return deps.prisma.$queryRaw<(DueDelivery & { createdAt: Date })[]>`
    SELECT id, tenant_id AS "tenantId", endpoint_id AS "endpointId", event_type AS "eventType", attempts, created_at AS "createdAt"
    FROM webhook_deliveries
    WHERE status = 'pending'
      AND (next_attempt_at <= ${cutoff}::timestamptz OR (next_attempt_at IS NULL AND created_at <= ${cutoff}::timestamptz))
      AND (lease_until IS NULL OR lease_until <= ${cutoff}::timestamptz)
      AND (${after?.createdAt ?? null}::timestamptz IS NULL OR (created_at, id) > (${after?.createdAt ?? null}::timestamptz, ${after?.id ?? null}::text))
    ORDER BY created_at, id
    LIMIT ${take}`;
}

/**
 * Nothing is lost if Redis loses the queue: pending deliveries overdue by the grace period whose job is
 * no longer queued are enqueued again (job id per attempt), oldest first, page after page, so a loss
 * larger than a page is recovered in one sweep, and a backlog that is merely slow gets no second job.
 * An attempt in flight (or whose worker died) is left alone until its lease has run out by the grace period.
 * Returns how many were enqueued.
 */
export async function sweepDueDeliveries(deps: DeliveryDeps, limits: SweepLimits = LIMITS): Promise<number> {
  const cutoff = new Date(deps.clock().getTime() - SWEEP_GRACE_MS);
  let after: { createdAt: Date; id: string } | undefined;
  let count = 0;
  let scanned = 0;
  let batches: Promise<Set<string>> | undefined;
  const inBatches = () => (batches ??= deliveriesInQueuedBatches(deps));
  while (scanned < limits.max) {
    const page = await duePage(deps, cutoff, after, Math.min(limits.page, limits.max - scanned));
    const queued = await Promise.all(page.map((d) => jobStillQueued(deps, d, inBatches)));
    const lost = page.filter((_d, i) => !queued[i]);
    await Promise.all(lost.map((d) => reEnqueue(deps, d)));
    count += lost.length;
    scanned += page.length;
    after = page.at(-1);
    if (page.length < limits.page) break;
  }
  if (count) deps.logger.info('webhook sweep re-enqueued due deliveries', { count });
  return count;
}
