import { USAGE_CREDIT_CENTS, type UsageEventJob } from '@vocalia/contracts';
import { runWithContext } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { applyCredits } from './apply-credit';
import { toGrace } from './billing-moves';
import { quotaOfKind, type MonthlyQuota } from '../usage/monthly-quotas';
import { checkMonthlyQuota } from './check-monthly-quota';
import { markConversationOverage } from './mark-conversation-overage';
import { moveTenantStatus } from './move-tenant-status';

// Tenants of one batch settled side by side (each settlement holds at most one pooled connection at a time).
const TENANTS_AT_ONCE = 4;

/**
 * After a batch of usage events is in the ledger, once per tenant of the batch: a trialing tenant's credits
 * burn (entry `usage:<event id>` each, so a redelivery burns nothing more) and running out moves it to
 * grace; each monthly quota its usage counts is checked once; if it had conversations, those past the
 * quota of a plan that bills overage are marked for the meter. Every step is idempotent and covers every
 * event given, written now or before, so a batch redelivered after a crash settles what was left undone.
 */
export async function settleUsage(deps: Deps, jobs: UsageEventJob[]): Promise<void> {
  const byTenant = new Map<string, UsageEventJob[]>();
  for (const job of jobs) {
    const events = byTenant.get(job.tenantId);
    if (events) events.push(job);
    else byTenant.set(job.tenantId, [job]);
  }
  const tenants = [...byTenant.entries()];
  for (let i = 0; i < tenants.length; i += TENANTS_AT_ONCE) {
    const settled = await Promise.allSettled(
      tenants.slice(i, i + TENANTS_AT_ONCE).map(([tenantId, events]) => runWithContext({ requestId: events[0]!.requestId, tenantId }, () => settleTenantUsage(deps, tenantId, events))),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

async function settleTenantUsage(deps: Deps, tenantId: string, events: UsageEventJob[]): Promise<void> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { status: true, creditBalance: { select: { tenantId: true } } } });
  if (!tenant) return;
  const burns = events
    .map((e) => ({ deltaCents: -Math.ceil(e.quantity * USAGE_CREDIT_CENTS[e.kind]), reason: `usage:${e.kind}`, eventId: `usage:${e.eventId}` }))
    .filter((b) => b.deltaCents < 0);
  if (tenant.status === 'trialing' && tenant.creditBalance && burns.length) {
    const { balanceCents } = await deps.prisma.$transaction((tx) => applyCredits(tx, tenantId, burns));
    if (balanceCents <= 0) await moveTenantStatus(deps, tenantId, toGrace(deps.clock(), 'credits_exhausted', 'system:billing'));
  }
  const quotas = new Set(events.map((e) => quotaOfKind(e.kind)).filter((q): q is MonthlyQuota => q !== undefined));
  const requestId = events[events.length - 1]!.requestId;
  for (const quota of quotas) await checkMonthlyQuota(deps, tenantId, quota, requestId);
  if (events.some((e) => e.kind === 'conversation')) await markConversationOverage(deps, tenantId);
}
