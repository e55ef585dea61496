import { USAGE_CREDIT_CENTS, type UsageEventJob } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { applyCredit } from './apply-credit';
import { toGrace } from './billing-moves';
import { quotaOfKind } from '../usage/monthly-quotas';
import { checkMonthlyQuota } from './check-monthly-quota';
import { markConversationOverage } from './mark-conversation-overage';
import { moveTenantStatus } from './move-tenant-status';

/**
 * After a usage event is in the ledger: a trialing tenant's credits burn (entry `usage:<event id>`, so
 * a redelivery burns nothing more) and running out moves it to grace; usage a monthly quota counts is
 * checked against it; conversations past the quota of a plan that bills overage are marked for the meter.
 */
export async function settleUsage(deps: Deps, job: UsageEventJob): Promise<void> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: job.tenantId }, select: { status: true, creditBalance: { select: { tenantId: true } } } });
  if (!tenant) return;
  const cents = Math.ceil(job.quantity * USAGE_CREDIT_CENTS[job.kind]);
  if (tenant.status === 'trialing' && tenant.creditBalance && cents > 0) {
    const { balanceCents } = await deps.prisma.$transaction((tx) =>
      applyCredit(tx, { tenantId: job.tenantId, deltaCents: -cents, reason: `usage:${job.kind}`, eventId: `usage:${job.eventId}` }),
    );
    if (balanceCents <= 0) await moveTenantStatus(deps, job.tenantId, toGrace(deps.clock(), 'credits_exhausted', 'system:billing'));
  }
  const quota = quotaOfKind(job.kind);
  if (quota) await checkMonthlyQuota(deps, job.tenantId, quota, job.requestId);
  if (job.kind === 'conversation') await markConversationOverage(deps, job.tenantId);
}
