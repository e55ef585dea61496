import { planHasFeature, PLANS, TELEPHONY_EUR_PER_MINUTE, VOICE_SESSION_LIMITS, type UsageResponse } from '@vocalia/contracts';
import { createPlaces, notFound, PLACE_KINDS } from '@vocalia/service-kit';
import { activeCallsWhere } from './active-calls';
import type { Deps } from '../deps';
import { billingPeriod } from './billing-period';
import { periodUsage } from './period-usage';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The voice sessions realtime's replicas hold for the tenant now (their places in Redis); null when Redis cannot say. */
function liveVoiceSessions(deps: Deps, tenantId: string): Promise<number | null> {
  return createPlaces({ redis: deps.redis, keyPrefix: deps.queuePrefix, kind: PLACE_KINDS.voiceSessions })
    .count(tenantId)
    .catch((err: unknown) => {
      deps.logger.warn('live voice sessions unknown (Redis away?)', { tenantId, err });
      return null;
    });
}

/**
 * The current period's consumption beside the plan's quotas: conversations, minutes and API calls from
 * the usage ledger, the same count the quota refusals and notices read; and what runs now beside the
 * concurrency it may reach.
 */
export async function getUsage(deps: Deps, tenantId: string): Promise<UsageResponse> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { plan: true, subscription: true, maxConcurrentCalls: true, maxCallSeconds: true } });
  if (!tenant) throw notFound('Tenant');
  const now = deps.clock();
  const period = billingPeriod(now, tenant.subscription);
  const [usage, kb, agents, calls, voiceSessions] = await Promise.all([
    periodUsage(deps.prisma, tenantId, period),
    deps.prisma.knowledgeDocument.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } }),
    deps.prisma.agent.count({ where: { tenantId } }),
    deps.prisma.call.count({ where: activeCallsWhere({ id: tenantId, maxCallSeconds: tenant.maxCallSeconds }, now) }),
    liveVoiceSessions(deps, tenantId),
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
    live: {
      voiceSessions: voiceSessions === null ? null : { used: voiceSessions, quota: planHasFeature(tenant.plan, 'cloud_voice') ? VOICE_SESSION_LIMITS[tenant.plan].concurrentSessions : 0 },
      calls: { used: calls, quota: tenant.maxConcurrentCalls },
    },
  };
}
