import { PLANS, type OriginList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { findTenant } from '../tenants/get-tenant';

export async function listOrigins(deps: Deps, tenantId: string): Promise<OriginList> {
  const [tenant, rows] = await Promise.all([
    findTenant(deps, tenantId),
    deps.prisma.allowedOrigin.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
  ]);
  return { items: rows.map((r) => ({ id: r.id, origin: r.origin, createdAt: r.createdAt.toISOString() })), limit: PLANS[tenant.plan].quotas.allowedOrigins };
}
