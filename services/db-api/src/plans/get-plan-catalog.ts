import { PLAN_IDS, PLANS, TELEPHONY_EUR_PER_MINUTE, TRIAL_DAYS, type PlanCatalog } from '@vocalia/contracts';

/** The public price list: every plan with its features, quotas and rate limit. */
export function getPlanCatalog(): PlanCatalog {
  return { plans: PLAN_IDS.map((id) => PLANS[id]), telephonyEurPerMinute: TELEPHONY_EUR_PER_MINUTE, trialDays: TRIAL_DAYS, currency: 'EUR' };
}
