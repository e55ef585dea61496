import { cheapestPlanWith, PLANS, type Feature } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** 403 PLAN_REQUIRED naming the feature and the cheapest plan that grants it. */
export function planRequired(feature: Feature): AppError {
  const requiredPlan = cheapestPlanWith(feature);
  return new AppError('PLAN_REQUIRED', `The feature ${feature} needs the ${PLANS[requiredPlan].name} plan or above`, { feature, requiredPlan });
}
