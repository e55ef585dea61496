import { UsageKind } from '@vocalia/contracts';
import type { PrismaClient } from '@vocalia/db';
import type { BillingPeriod } from './billing-period';

export type PeriodUsage = Record<UsageKind, number>;

/**
 * The period's usage ledger summed by kind (conversations, API calls, voice and phone seconds): the one
 * count behind quota refusals, quota notices and `GET /api/v1/usage`, so they can never disagree.
 */
export async function periodUsage(prisma: PrismaClient, tenantId: string, period: BillingPeriod): Promise<PeriodUsage> {
  const sums = await prisma.usageRecord.groupBy({ by: ['kind'], where: { tenantId, at: { gte: period.start, lt: period.end } }, _sum: { quantity: true } });
  const total = (kind: UsageKind) => Number(sums.find((s) => s.kind === kind)?._sum.quantity?.toString() ?? 0);
  return Object.fromEntries(UsageKind.options.map((kind) => [kind, total(kind)])) as PeriodUsage;
}
