import { PLANS, type TenantPlan } from '@vocalia/contracts';
import type { Tenant } from '@vocalia/db';

export function toTenantPlan(tenant: Pick<Tenant, 'plan' | 'status' | 'trialEndsAt'>): TenantPlan {
  const plan = PLANS[tenant.plan];
  return {
    plan: plan.id,
    name: plan.name,
    status: tenant.status,
    trialEndsAt: tenant.trialEndsAt?.toISOString() ?? null,
    features: plan.features,
    quotas: plan.quotas,
    rateLimitPerMinute: plan.rateLimitPerMinute,
    priceEurMonthly: plan.priceEurMonthly,
  };
}
