import type { Tenant } from '@vocalia/db';
import type { TenantSummary } from '@vocalia/contracts';

export function toTenantSummary(tenant: Pick<Tenant, 'id' | 'name' | 'slug' | 'plan' | 'status' | 'trialEndsAt'>): TenantSummary {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    plan: tenant.plan,
    status: tenant.status,
    trialEndsAt: tenant.trialEndsAt?.toISOString() ?? null,
  };
}
