import { PlanId } from '@vocalia/contracts';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { applyPaidPlan } from './apply-paid-plan';
import { toActive } from './billing-moves';
import { moveTenantStatus } from './move-tenant-status';

const ACTOR = 'operator';

/** The platform operator's command where payments are not configured: sets the plan, marks the tenant paid (active), audited and announced. */
export async function operatorSetPlan(deps: Deps, tenantId: string, plan: string): Promise<{ plan: PlanId; status: string }> {
  const parsed = PlanId.safeParse(plan);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `plan: one of ${PlanId.options.join(', ')}`);
  if (!(await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound('Tenant');
  await applyPaidPlan(deps, tenantId, { plan: parsed.data, status: 'active' }, ACTOR);
  await moveTenantStatus(deps, tenantId, toActive(ACTOR));
  const tenant = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { plan: true, status: true } });
  return tenant;
}
