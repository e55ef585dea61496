import type { DeliveryDeps } from '../deps';
import { scheduleAttempt } from './schedule-attempt';

/** A due delivery is left to its own job this long before the sweeper assumes the job was lost. */
export const SWEEP_GRACE_MS = 30_000;

export interface SweepLimits {
  /** Rows read and enqueued per round trip. */
  page: number;
  /** Rows one sweep handles at most; the next sweep goes on from the oldest again. */
  max: number;
}

const LIMITS: SweepLimits = { page: 1000, max: 50_000 };

/**
 * Nothing is lost if Redis loses the queue: pending deliveries overdue by the grace period are enqueued
 * again (job id per attempt: an existing job with that id makes the add a no-op), oldest first, page
 * after page, so a backlog larger than a page is recovered in one sweep. Returns how many.
 */
export async function sweepDueDeliveries(deps: DeliveryDeps, limits: SweepLimits = LIMITS): Promise<number> {
  const cutoff = new Date(deps.clock().getTime() - SWEEP_GRACE_MS);
  const due = { OR: [{ nextAttemptAt: { lte: cutoff } }, { nextAttemptAt: null, createdAt: { lte: cutoff } }] };
  let after: { createdAt: Date; id: string } | undefined;
  let count = 0;
  while (count < limits.max) {
    const page = await deps.prisma.webhookDelivery.findMany({
      where: { status: 'pending', AND: [due, after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}] },
      select: { id: true, tenantId: true, endpointId: true, eventType: true, attempts: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: Math.min(limits.page, limits.max - count),
    });
    await Promise.all(page.map((d) => scheduleAttempt(deps, d, 0, `sweep-${d.id}`)));
    count += page.length;
    after = page.at(-1);
    if (page.length < limits.page) break;
  }
  if (count) deps.logger.info('webhook sweep re-enqueued due deliveries', { count });
  return count;
}
