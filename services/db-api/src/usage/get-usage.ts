import { PLANS, TELEPHONY_EUR_PER_MINUTE, type UsageResponse } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { billingPeriod } from './billing-period';
import { periodUsage } from './period-usage';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The current period's consumption beside the plan's quotas: conversations, minutes and API calls from
 * the usage ledger, the same count the quota refusals and notices read.
 */
export async function getUsage(deps: Deps, tenantId: string): Promise<UsageResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { plan: true, subscription: true } });
  if (!tenant) throw notFound('Tenant');
  const period = billingPeriod(deps.clock(), tenant.subscription);
  const [usage, kb, agents] = await Promise.all([
    periodUsage(deps.prisma, tenantId, period),
    deps.prisma.knowledgeDocument.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } }),
    deps.prisma.agent.count({ where: { tenantId } }),
  ]);
  const quotas = PLANS[tenant.plan].quotas;
  const telephonyMinutes = round2(usage.telephony_seconds / 60);
  return {
    plan: tenant.plan,
    period: { start: period.start.toISOString(), end: period.end.toISOString(), basis: period.basis },
    voiceMinutes: { used: round2(usage.voice_seconds / 60), quota: quotas.voiceMinutesIncluded },
    telephonyMinutes: { used: telephonyMinutes, quota: quotas.telephonyMinutesPerMonth, costEur: round2(telephonyMinutes * TELEPHONY_EUR_PER_MINUTE), eurPerMinute: TELEPHONY_EUR_PER_MINUTE },
    conversations: { used: usage.conversation, quota: quotas.conversationsPerMonth },
    apiCalls: { used: usage.api_call, quota: quotas.apiCallsPerMonth },
    knowledgeBaseBytes: { used: kb._sum.sizeBytes ?? 0, quota: quotas.knowledgeBaseBytes },
    agents: { used: agents, quota: quotas.agents },
  };
}
