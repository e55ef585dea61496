import { z } from 'zod';
import { Feature, Plan, PlanId } from '../plans';
import { IsoDateTime } from './db-api-common';
import { TenantStatusName } from './db-api-auth';

export const PlanCatalog = z.object({
  plans: z.array(Plan),
  /** Telephony minutes are billed on top of the plan. */
  telephonyEurPerMinute: z.number().nonnegative(),
  trialDays: z.number().int().positive(),
  currency: z.literal('EUR'),
});
export type PlanCatalog = z.infer<typeof PlanCatalog>;

export const TenantPlan = z.object({
  plan: PlanId,
  name: z.string(),
  status: TenantStatusName,
  trialEndsAt: IsoDateTime.nullable(),
  features: z.array(Feature),
  quotas: Plan.shape.quotas,
  rateLimitPerMinute: z.number().int().positive(),
  priceEurMonthly: z.number().nonnegative(),
});
export type TenantPlan = z.infer<typeof TenantPlan>;

export const ChangePlanRequest = z.object({ plan: PlanId });
export type ChangePlanRequest = z.infer<typeof ChangePlanRequest>;

export const FeatureParams = z.object({ feature: Feature });
export const FeatureCheck = z.object({ feature: Feature, enabled: z.literal(true) });
export type FeatureCheck = z.infer<typeof FeatureCheck>;
