import type { PlanId } from '@vocalia/contracts';
import type { SubscriptionStatus } from '@vocalia/db';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { enqueueTenantUpdated, recordTenantUpdated } from '../tenants/record-tenant-updated';

export interface SubscriptionState {
  plan: PlanId;
  status: SubscriptionStatus;
  stripeSubscriptionId?: string;
  currentPeriodStart?: Date | null;
  currentPeriodEnd?: Date | null;
  cancelAt?: Date | null;
}

/** Writes what Stripe says about the subscription and, when the plan differs, switches the tenant's plan (audited, announced). */
export async function applyPaidPlan(deps: Deps, tenantId: string, state: SubscriptionState, actor: string): Promise<void> {
  const before = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { plan: true } });
  const { plan, ...rest } = state;
  const data = { plan, ...rest };
  const eventId = await deps.prisma.$transaction(async (tx) => {
    await tx.subscription.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
    await tx.tenant.update({ where: { id: tenantId }, data: { plan } });
    return before.plan === plan ? undefined : recordTenantUpdated(tx, tenantId, { what: 'plan', fields: ['plan'] }, deps.clock());
  });
  if (!eventId) return;
  await enqueueTenantUpdated(deps, tenantId, eventId);
  await recordAudit(deps, { tenantId, actor, action: 'plan.changed', target: `tenant:${tenantId}`, meta: { from: before.plan, to: plan } });
  await publishTenantUpdated(deps, tenantId, 'plan');
}
