import type { CallEventJob, WebhookDeliveryRef } from '@vocalia/contracts';
import type { Call, Prisma } from '@vocalia/db';
import type { Deps } from '../deps';
import { enqueuePendingDeliveries, recordDomainEvent, type DomainEventRecord } from '../conversations/domain-events';
import { callAnalyzed, callAnalyzedId } from '../conversations/call-analyzed';
import { callCompleted, callCompletedId, callStarted, callStartedId } from './call-domain-events';
import { callEventFields } from './call-event-fields';

/** The call this event is about, locked: by SID, else the queued outbound call named by `callId`, else a new row. */
async function lockCall(tx: Prisma.TransactionClient, tenantId: string, job: CallEventJob): Promise<Call | null> {
  const bySid = await tx.call.findUnique({ where: { callSid: job.callSid }, select: { id: true, tenantId: true } });
  let id = bySid?.id;
  if (bySid && bySid.tenantId !== tenantId) return null;
  if (!id && job.callId) id = (await tx.call.findFirst({ where: { id: job.callId, tenantId, callSid: null }, select: { id: true } }))?.id;
  if (!id) {
    // ON CONFLICT DO NOTHING: the first events of a call may be processed concurrently.
    await tx.call.createMany({ data: [{ tenantId, callSid: job.callSid, direction: job.direction ?? 'inbound', startedAt: new Date(job.at) }], skipDuplicates: true });
    id = (await tx.call.findUniqueOrThrow({ where: { callSid: job.callSid }, select: { id: true } })).id;
  }
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM calls WHERE id = ${id} AND tenant_id = ${tenantId} FOR UPDATE`;
  return locked ? tx.call.findUniqueOrThrow({ where: { id: locked.id } }) : null;
}

/**
 * Applies one call event, exactly once per eventId (call_events receipt): a redelivered job or a replayed
 * status callback changes nothing. Emits `call.started`, `call.completed` and (once transcript, lead score
 * and recording are in) `call.analyzed` once per call, in the same
 * transaction as the change, then hands their webhook deliveries to webhook-router.
 */
export async function ingestCallEvent(deps: Deps, job: CallEventJob): Promise<void> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: job.tenantId }, select: { id: true } });
  if (!tenant) {
    deps.logger.warn('call event dropped: unknown tenant', { eventId: job.eventId });
    return;
  }
  const agent = job.agentId ? await deps.prisma.agent.findFirst({ where: { id: job.agentId, tenantId: tenant.id }, select: { id: true } }) : null;
  const conversation = await deps.prisma.conversation.findUnique({ where: { tenantId_sessionId: { tenantId: tenant.id, sessionId: job.callSid } }, select: { id: true } });
  const applied = await deps.prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, tenant.id, job);
    if (!call) {
      deps.logger.warn('call event dropped: the call belongs to another tenant', { eventId: job.eventId });
      return null;
    }
    const receipt = await tx.callEvent.createMany({ data: [{ eventId: job.eventId, tenantId: tenant.id, callId: call.id, type: job.type, sequence: job.sequence ?? null, at: new Date(job.at) }], skipDuplicates: true });
    if (receipt.count === 0) return { callId: call.id, replay: true, deliveries: [] };
    const { endedNow, ...fields } = callEventFields(job, call, { agentId: agent?.id ?? null, conversationId: conversation?.id ?? null });
    const updated = await tx.call.update({ where: { id: call.id }, data: fields });
    const at = new Date(job.at);
    const deliveries: WebhookDeliveryRef[] = [];
    const record = async (event: DomainEventRecord) => void deliveries.push(...(await recordDomainEvent(tx, tenant.id, event, at)));
    if (job.type === 'call.started' || job.type === 'call.completed' || endedNow) await record(callStarted(updated));
    if (endedNow) await record(callCompleted(updated));
    const analyzed = await callAnalyzed(tx, updated);
    if (analyzed) await record(analyzed);
    return { callId: call.id, replay: false, deliveries };
  });
  if (!applied) return;
  await deps.webhookDeliveries.enqueue(applied.deliveries, job.requestId);
  // A replayed event (its first run committed, then may have failed to enqueue): every event the call can have caused is handed over again.
  if (applied.replay) {
    const { callId } = applied;
    await enqueuePendingDeliveries(deps, tenant.id, [callStartedId(tenant.id, callId), callCompletedId(tenant.id, callId), callAnalyzedId(tenant.id, callId)], job.requestId);
  }
}
