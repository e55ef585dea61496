import type { ChangePlanRequest, TenantPlan } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { findTenant } from '../tenants/get-tenant';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { enqueueTenantUpdated, recordTenantUpdated } from '../tenants/record-tenant-updated';
import { toTenantPlan } from './tenant-plan';

/**
 * Owner only (enforced by the route). For development and tests: changes the plan at once, unpaid. Refused
 * in production (payments not configured: the operator's set-plan command changes plans) and whenever
 * Stripe is configured (a paid plan changes only when Stripe confirms a payment).
 */
export async function changePlan(deps: Deps, auth: AuthContext, input: ChangePlanRequest): Promise<TenantPlan> {
  if (deps.env.STRIPE_SECRET_KEY) throw new AppError('CONFLICT', 'Plans change through payment: Stripe is configured, so the plan changes once Stripe confirms the subscription');
  if (deps.env.NODE_ENV === 'production') throw new AppError('CONFLICT', 'Payments are not configured on this platform: ask the operator to change your plan');
  const before = await findTenant(deps, auth.tenantId);
  if (before.plan === input.plan) return toTenantPlan(before);
  const { tenant, eventId } = await deps.prisma.$transaction(async (tx) => {
    await tx.subscription.updateMany({ where: { tenantId: auth.tenantId }, data: { plan: input.plan } });
    const row = await tx.tenant.update({ where: { id: auth.tenantId }, data: { plan: input.plan } });
    return { tenant: row, eventId: await recordTenantUpdated(tx, auth.tenantId, { what: 'plan', fields: ['plan'] }, deps.clock()) };
  });
  await enqueueTenantUpdated(deps, auth.tenantId, eventId);
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'plan.changed', target: `tenant:${auth.tenantId}`, meta: { from: before.plan, to: input.plan } });
  await publishTenantUpdated(deps, auth.tenantId, 'plan');
  return toTenantPlan(tenant);
}
