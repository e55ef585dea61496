import type { ChangePlanRequest, TenantPlan } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { findTenant } from '../tenants/get-tenant';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { toTenantPlan } from './tenant-plan';

/** Owner only (enforced by the route). Changes the plan now; billing comes with the Stripe integration. */
export async function changePlan(deps: Deps, auth: AuthContext, input: ChangePlanRequest): Promise<TenantPlan> {
  const before = await findTenant(deps, auth.tenantId);
  if (before.plan === input.plan) return toTenantPlan(before);
  const tenant = await deps.prisma.$transaction(async (tx) => {
    await tx.subscription.updateMany({ where: { tenantId: auth.tenantId }, data: { plan: input.plan } });
    return tx.tenant.update({ where: { id: auth.tenantId }, data: { plan: input.plan } });
  });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'plan.changed', target: `tenant:${auth.tenantId}`, meta: { from: before.plan, to: input.plan } });
  await publishTenantUpdated(deps, auth.tenantId, 'plan');
  return toTenantPlan(tenant);
}
