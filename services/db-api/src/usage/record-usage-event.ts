import type { UsageEventJob } from '@vocalia/contracts';
import type { Deps } from '../deps';

/** One ledger row per usage event; the unique event id makes a redelivery a no-op. */
export async function recordUsageEvent(deps: Deps, job: UsageEventJob): Promise<{ recorded: boolean }> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: job.tenantId }, select: { id: true } });
  if (!tenant) {
    deps.logger.warn('usage event for an unknown tenant dropped', { eventId: job.eventId });
    return { recorded: false };
  }
  const { count } = await deps.prisma.usageRecord.createMany({
    data: [{ tenantId: tenant.id, eventId: job.eventId, kind: job.kind, quantity: job.quantity, at: new Date(job.at) }],
    skipDuplicates: true,
  });
  return { recorded: count > 0 };
}
