import { PLANS } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { billingPeriod } from '../usage/billing-period';
import { lockTenantWrites } from '../usage/tenant-write-lock';

/**
 * On a plan that bills conversations past its monthly quota, for a paying (active) tenant: the period's
 * conversations beyond the quota are marked `overage` for the meter reporter, the newest first. Under the
 * tenant's lock the marked count is topped up to (conversations - quota), so arrival order, concurrent
 * workers and redeliveries never mark one too many. Returns how many it marked now.
 */
export async function markConversationOverage(deps: Deps, tenantId: string): Promise<number> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { plan: true, status: true, subscription: true } });
  if (!tenant || tenant.status !== 'active' || PLANS[tenant.plan].conversationOverageEur === null) return 0;
  const period = billingPeriod(deps.clock(), tenant.subscription);
  const inPeriod = { tenantId, kind: 'conversation' as const, at: { gte: period.start, lt: period.end } };
  return deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenantId, 'conversation-overage');
    // One ledger row per conversation (the turn runtime counts a session once).
    const [total, marked] = await Promise.all([tx.usageRecord.count({ where: inPeriod }), tx.usageRecord.count({ where: { ...inPeriod, overage: true } })]);
    const missing = total - PLANS[tenant.plan].quotas.conversationsPerMonth - marked;
    if (missing <= 0) return 0;
    const rows = await tx.usageRecord.findMany({ where: { ...inPeriod, overage: false }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: missing, select: { id: true } });
    const { count } = await tx.usageRecord.updateMany({ where: { id: { in: rows.map((r) => r.id) }, overage: false }, data: { overage: true } });
    return count;
  });
}
