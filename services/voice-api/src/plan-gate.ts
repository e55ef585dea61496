import { cheapestPlanWith, PLANS, type Feature, type TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** 403 PLAN_REQUIRED naming the feature and the cheapest plan that has it. Checks features, never plan names. */
export function requireFeature(snapshot: TenantSnapshot, feature: Feature, what: string): void {
  if (snapshot.tenant.features.includes(feature)) return;
  const plan = cheapestPlanWith(feature);
  throw new AppError(
    'PLAN_REQUIRED',
    `${what} needs the ${feature} feature, which the ${PLANS[snapshot.tenant.plan].name} plan does not include. Upgrade to ${PLANS[plan].name} (${plan}) in Dashboard > Billing.`,
    { feature, requiredPlan: plan },
  );
}
