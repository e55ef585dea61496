import type { DeliveryDeps } from '../deps';
import { scheduleAttempt } from './schedule-attempt';

/** A due delivery is left to its own job this long before the sweeper assumes the job was lost. */
export const SWEEP_GRACE_MS = 30_000;
const BATCH = 500;

/**
 * Nothing is lost if Redis loses the queue: pending deliveries overdue by the grace period are enqueued
 * again (job id per attempt: an existing job with that id makes the add a no-op). Returns how many.
 */
export async function sweepDueDeliveries(deps: DeliveryDeps): Promise<number> {
  const cutoff = new Date(deps.clock().getTime() - SWEEP_GRACE_MS);
  const due = await deps.prisma.webhookDelivery.findMany({
    where: { status: 'pending', OR: [{ nextAttemptAt: { lte: cutoff } }, { nextAttemptAt: null, createdAt: { lte: cutoff } }] },
    select: { id: true, tenantId: true, endpointId: true, eventType: true, attempts: true },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  for (const d of due) await scheduleAttempt(deps, d, 0, `sweep-${d.id}`);
  if (due.length) deps.logger.info('webhook sweep re-enqueued due deliveries', { count: due.length });
  return due.length;
}
