import type { PlanId } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import { notFound } from '@vocalia/service-kit';

/** The tenant's current plan, read in the caller's transaction. */
export async function loadTenantPlan(db: Prisma.TransactionClient, tenantId: string): Promise<PlanId> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { plan: true } });
  if (!tenant) throw notFound('Tenant');
  return tenant.plan;
}
