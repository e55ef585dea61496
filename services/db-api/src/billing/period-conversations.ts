import { PLANS } from '@vocalia/contracts';
import type { PrismaClient, Subscription, Tenant } from '@vocalia/db';
import { billingPeriod, type BillingPeriod } from '../usage/billing-period';

/** Conversations started in the period, from the usage ledger (one `conversation` usage event per session). */
export async function periodConversations(prisma: PrismaClient, tenantId: string, period: BillingPeriod): Promise<number> {
  const sum = await prisma.usageRecord.aggregate({ where: { tenantId, kind: 'conversation', at: { gte: period.start, lt: period.end } }, _sum: { quantity: true } });
  return Number(sum._sum.quantity?.toString() ?? 0);
}

/** True when the plan stops hard at its conversation quota and this period's is used up. */
export async function conversationQuotaReached(prisma: PrismaClient, tenant: Pick<Tenant, 'id' | 'plan'>, subscription: Subscription | null, now: Date): Promise<boolean> {
  const plan = PLANS[tenant.plan];
  if (plan.conversationOverageEur !== null) return false;
  return (await periodConversations(prisma, tenant.id, billingPeriod(now, subscription))) >= plan.quotas.conversationsPerMonth;
}
