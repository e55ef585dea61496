import { PLANS, planHasFeature, type Feature, type PlanId, type UsageKind } from '@vocalia/contracts';
import type { PrismaClient, Subscription } from '@vocalia/db';
import { billingPeriod } from './billing-period';
import { periodUsage, type PeriodUsage } from './period-usage';

export type MonthlyQuota = 'conversationsPerMonth' | 'voiceMinutesIncluded' | 'telephonyMinutesPerMonth';

interface QuotaRule {
  kind: UsageKind;
  /** Ledger quantity per quota unit (seconds per minute). */
  perUnit: number;
  /** The quota only means something on plans with this feature (the feature gate refuses the rest). */
  feature: Feature | null;
}

/** The monthly quotas counted from the usage ledger. */
export const MONTHLY_QUOTAS: Record<MonthlyQuota, QuotaRule> = {
  conversationsPerMonth: { kind: 'conversation', perUnit: 1, feature: null },
  voiceMinutesIncluded: { kind: 'voice_seconds', perUnit: 60, feature: 'cloud_voice' },
  telephonyMinutesPerMonth: { kind: 'telephony_seconds', perUnit: 60, feature: 'telephony' },
};

export const quotaOfKind = (kind: UsageKind): MonthlyQuota | undefined =>
  (Object.keys(MONTHLY_QUOTAS) as MonthlyQuota[]).find((q) => MONTHLY_QUOTAS[q].kind === kind);

export interface QuotaState {
  /** The plan has the feature this quota meters. */
  applies: boolean;
  /** Whole units used (minutes for the minute quotas). */
  used: number;
  limit: number;
  /** At 100 % the service stops (true) or bills overage (conversations on plans with `conversationOverageEur`). */
  hardStop: boolean;
  /** Used up and stopping: the services refuse what would consume more. */
  stopped: boolean;
  /** Ledger units left before the quota (seconds for the minute quotas), 0 once used up. */
  left: number;
}

export function quotaState(plan: PlanId, quota: MonthlyQuota, usage: PeriodUsage): QuotaState {
  const rule = MONTHLY_QUOTAS[quota];
  const limit = PLANS[plan].quotas[quota];
  const applies = rule.feature === null || planHasFeature(plan, rule.feature);
  const hardStop = quota !== 'conversationsPerMonth' || PLANS[plan].conversationOverageEur === null;
  const quantity = usage[rule.kind];
  const left = Math.max(0, Math.floor(limit * rule.perUnit - quantity));
  return { applies, used: Math.floor(quantity / rule.perUnit), limit, hardStop, stopped: applies && hardStop && quantity >= limit * rule.perUnit, left };
}

/** The tenant's monthly quotas this period, counted once from the usage ledger. */
export async function monthlyQuotaStates(prisma: PrismaClient, tenant: { id: string; plan: PlanId }, subscription: Subscription | null, now: Date): Promise<Record<MonthlyQuota, QuotaState>> {
  const usage = await periodUsage(prisma, tenant.id, billingPeriod(now, subscription));
  const state = (quota: MonthlyQuota) => quotaState(tenant.plan, quota, usage);
  return { conversationsPerMonth: state('conversationsPerMonth'), voiceMinutesIncluded: state('voiceMinutesIncluded'), telephonyMinutesPerMonth: state('telephonyMinutesPerMonth') };
}

/** Which hard-stop quotas of the tenant's plan are used up this period (the outbound call check). */
export async function stoppedQuotas(prisma: PrismaClient, tenant: { id: string; plan: PlanId }, subscription: Subscription | null, now: Date): Promise<Record<MonthlyQuota, boolean>> {
  const states = await monthlyQuotaStates(prisma, tenant, subscription, now);
  return { conversationsPerMonth: states.conversationsPerMonth.stopped, voiceMinutesIncluded: states.voiceMinutesIncluded.stopped, telephonyMinutesPerMonth: states.telephonyMinutesPerMonth.stopped };
}
