import { PLANS, TELEPHONY_EUR_PER_MINUTE, type UsageKind, type UsageResponse } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { billingPeriod } from './billing-period';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The current period's consumption beside the plan's quotas. Conversations are counted from the
 * conversations table (the source of truth); minutes and API calls from the usage ledger.
 */
export async function getUsage(deps: Deps, tenantId: string): Promise<UsageResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { plan: true, subscription: true } });
  if (!tenant) throw notFound('Tenant');
  const period = billingPeriod(deps.clock(), tenant.subscription);
  const inPeriod = { gte: period.start, lt: period.end };
  const [sums, conversations, kb, agents] = await Promise.all([
    deps.prisma.usageRecord.groupBy({ by: ['kind'], where: { tenantId, at: inPeriod }, _sum: { quantity: true } }),
    deps.prisma.conversation.count({ where: { tenantId, startedAt: inPeriod } }),
    deps.prisma.knowledgeDocument.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } }),
    deps.prisma.agent.count({ where: { tenantId } }),
  ]);
  const total = (kind: UsageKind) => Number(sums.find((s) => s.kind === kind)?._sum.quantity?.toString() ?? 0);
  const quotas = PLANS[tenant.plan].quotas;
  const telephonyMinutes = round2(total('telephony_seconds') / 60);
  return {
    plan: tenant.plan,
    period: { start: period.start.toISOString(), end: period.end.toISOString(), basis: period.basis },
    voiceMinutes: { used: round2(total('voice_seconds') / 60), quota: quotas.voiceMinutesIncluded },
    telephonyMinutes: { used: telephonyMinutes, quota: null, costEur: round2(telephonyMinutes * TELEPHONY_EUR_PER_MINUTE), eurPerMinute: TELEPHONY_EUR_PER_MINUTE },
    conversations: { used: conversations, quota: quotas.conversationsPerMonth },
    apiCalls: { used: total('api_call'), quota: quotas.apiCallsPerMonth },
    knowledgeBaseBytes: { used: kb._sum.sizeBytes ?? 0, quota: quotas.knowledgeBaseBytes },
    agents: { used: agents, quota: quotas.agents },
  };
}
