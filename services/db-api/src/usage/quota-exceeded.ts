import { PLAN_IDS, PLANS, type Plan, type PlanId } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

type QuotaName = keyof Plan['quotas'];

/** The cheapest plan whose quota is above `current`'s, to tell the user what to upgrade to. */
function planAbove(current: PlanId, quota: QuotaName): PlanId | undefined {
  const limit = PLANS[current].quotas[quota];
  return [...PLAN_IDS]
    .filter((id) => PLANS[id].quotas[quota] > limit)
    .sort((a, b) => PLANS[a].priceEurMonthly - PLANS[b].priceEurMonthly)[0];
}

/** 403 PLAN_REQUIRED naming the quota, the limit and the plan that lifts it (409 CONFLICT when none does). */
export function quotaExceeded(plan: PlanId, quota: QuotaName, detail: string): AppError {
  const requiredPlan = planAbove(plan, quota);
  if (!requiredPlan) return new AppError('CONFLICT', `${detail} (the largest plan's limit)`);
  return new AppError('PLAN_REQUIRED', `${detail}; the ${PLANS[requiredPlan].name} plan allows more`, { requiredPlan });
}
