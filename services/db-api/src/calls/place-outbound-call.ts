import type { CreateOutboundCallRequest, OutboundCallAccepted } from '@vocalia/contracts';
import { AppError, currentContext, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { toTenantCallSettings } from '../tenants/call-settings';
import { lockTenantWrites } from '../usage/tenant-write-lock';
import { withinCallingHours } from './calling-hours';
import { maskPhoneNumber } from './mask-phone';
import { assertLineFree, countOutboundCallStart } from './outbound-call-limits';
import { outboundCallParties } from './outbound-call-parties';
import { requirePhoneMinutes } from './require-phone-minutes';

const MAX_SCHEDULE_AHEAD_MS = 30 * 24 * 3600_000;
const PAST_TOLERANCE_MS = 60_000;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });

/**
 * Queues an outbound call for telephony-bridge: checked against the tenant's phone minutes this period
 * (402), its calling hours (its time zone), its concurrent lines (for a call now) and its per-minute budget,
 * then stored as a `queued` call (callee masked; the full number travels only in the job) and enqueued,
 * delayed to `scheduledAt` when given.
 */
export async function placeOutboundCall(deps: Deps, auth: AuthContext, input: CreateOutboundCallRequest): Promise<OutboundCallAccepted> {
  return placeOutboundCallAs(deps, auth.tenantId, actorOf(auth), input);
}

/** The same, for the platform acting on the tenant's behalf (`actor` as audited, e.g. a cart-recovery call). */
export async function placeOutboundCallAs(deps: Deps, tenantId: string, actor: string, input: CreateOutboundCallRequest): Promise<OutboundCallAccepted> {
  const now = deps.clock();
  const when = input.scheduledAt ? new Date(input.scheduledAt) : now;
  if (when.getTime() < now.getTime() - PAST_TOLERANCE_MS) throw invalid('body.scheduledAt', 'is in the past');
  if (when.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_MS) throw invalid('body.scheduledAt', 'is more than 30 days ahead');
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, include: { subscription: true } });
  if (!tenant) throw notFound('Tenant');
  await requirePhoneMinutes(deps, tenant, now);
  const parties = await outboundCallParties(deps, tenant.id, input);
  const { callingHours } = toTenantCallSettings(tenant);
  if (!withinCallingHours(callingHours, tenant.timezone, when)) {
    throw new AppError('CONFLICT', `Outside calling hours (${callingHours.start}-${callingHours.end}, days ${callingHours.days.join(',')}, ${tenant.timezone}); schedule the call with scheduledAt`);
  }
  const call = await deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenant.id, 'outbound-calls');
    if (when <= now) await assertLineFree(tx, tenant, now);
    await countOutboundCallStart(deps, tenant, now);
    return tx.call.create({
      data: { tenantId: tenant.id, direction: 'outbound', status: 'queued', to: maskPhoneNumber(input.to), fromNumber: parties.from, agentId: parties.agentId, reason: input.reason, startedAt: when },
    });
  });
  const requestId = currentContext()?.requestId ?? `outbound-${call.id}`;
  try {
    await deps.producers.outboundCalls.add(
      { v: 1, eventId: `outbound-call-${call.id}`, tenantId: tenant.id, requestId, at: now.toISOString(), callId: call.id, to: input.to, from: parties.from, agentId: parties.agentId, reason: input.reason, ...(input.scheduledAt ? { scheduledAt: when.toISOString() } : {}) },
      { delay: Math.max(0, when.getTime() - now.getTime()) },
    );
  } catch (err) {
    await deps.prisma.call.update({ where: { id: call.id }, data: { status: 'failed', endedAt: now } });
    deps.logger.error('outbound call not queued', { callId: call.id, error: err instanceof Error ? err.message : String(err) });
    throw new AppError('UNAVAILABLE', 'The call could not be queued; nothing was dialled, retry later');
  }
  await recordAudit(deps, { tenantId: tenant.id, actor, action: 'call.outbound_queued', target: `call:${call.id}`, meta: { reason: input.reason, to: call.to, scheduledAt: input.scheduledAt ?? null } });
  return { id: call.id, status: 'queued', scheduledAt: input.scheduledAt ? when.toISOString() : null };
}
