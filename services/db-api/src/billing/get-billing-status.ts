import { BILLING_STATE_OF, BillingStatusReason, type BillingStatus } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { billingDetail } from '../mail/owner-mails';

/** Where the tenant stands: state and why, trial and grace ends, credits, whether payments are configured. */
export async function getBillingStatus(deps: Deps, tenantId: string): Promise<BillingStatus> {
  const tenant = await deps.prisma.tenant.findUnique({
    where: { id: tenantId },
    select: { plan: true, status: true, statusReason: true, trialEndsAt: true, graceEndsAt: true, creditBalance: { select: { balanceCents: true } }, subscription: { select: { cancelAt: true } } },
  });
  if (!tenant) throw notFound('Tenant');
  const reason = BillingStatusReason.nullable().catch(null).parse(tenant.statusReason);
  return {
    plan: tenant.plan,
    status: tenant.status,
    state: BILLING_STATE_OF[tenant.status],
    reason,
    detail: billingDetail(tenant.status, reason, tenant.graceEndsAt),
    trialEndsAt: tenant.trialEndsAt?.toISOString() ?? null,
    graceEndsAt: tenant.graceEndsAt?.toISOString() ?? null,
    creditBalanceCents: tenant.creditBalance?.balanceCents ?? 0,
    payments: deps.env.STRIPE_SECRET_KEY ? 'stripe' : 'not_configured',
    cancelAt: tenant.subscription?.cancelAt?.toISOString() ?? null,
  };
}
