import type { ConversationTurnJob, WebhookDeliveryRef } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { applyLead, mergeContact } from './apply-lead';
import { callAnalyzed, callAnalyzedId } from './call-analyzed';
import { domainEventId, enqueuePendingDeliveries, recordDomainEvent, type DomainEventRecord } from './domain-events';

/** Validates the agent id against the tenant: a job never links a conversation to another tenant's agent. */
async function ownAgentId(deps: Deps, tenantId: string, agentId: string | undefined): Promise<string | null> {
  if (!agentId) return null;
  const agent = await deps.prisma.agent.findFirst({ where: { id: agentId, tenantId }, select: { id: true } });
  return agent?.id ?? null;
}

/**
 * Stores one completed turn, idempotently: the conversation (by tenant + session), the user and assistant
 * messages (`<eventId>:user|assistant`, unique), the lead, a booking (unique by event id), the hand-off,
 * and the domain events it causes. A redelivered job changes nothing.
 */
export async function ingestConversationTurn(deps: Deps, job: ConversationTurnJob): Promise<{ inserted: number; events: string[] }> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: job.tenantId }, select: { id: true, leadThreshold: true } });
  if (!tenant) {
    deps.logger.warn('turn for an unknown tenant dropped', { eventId: job.eventId });
    return { inserted: 0, events: [] };
  }
  const agentId = await ownAgentId(deps, tenant.id, job.agentId);
  const at = new Date(job.at);
  const { inserted, events, deliveries, qualified, conversationId, callId } = await deps.prisma.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: concurrent first turns of a session never fail on the unique index.
    const { count: created } = await tx.conversation.createMany({
      data: [{ tenantId: tenant.id, sessionId: job.sessionId, channel: job.channel, agentId, origin: job.origin ?? null, language: job.language, startedAt: at, lastMessageAt: at }],
      skipDuplicates: true,
    });
    // Turns of one session may be processed concurrently: the row lock orders them, and the re-read sees the latest.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM conversations WHERE tenant_id = ${tenant.id} AND session_id = ${job.sessionId} FOR UPDATE`;
    if (!locked) throw new Error('conversation vanished while ingesting a turn');
    const id = locked.id;
    const before = await tx.conversation.findUniqueOrThrow({ where: { id } });
    const { count: inserted } = await tx.message.createMany({
      data: [
        { tenantId: tenant.id, conversationId: before.id, role: 'user', text: job.userText, language: job.language, intent: job.intent, eventId: `${job.eventId}:user`, createdAt: at },
        { tenantId: tenant.id, conversationId: before.id, role: 'assistant', text: job.assistantText, language: job.language, intent: job.intent, provider: job.provider, latencyMs: Math.round(job.latencyMs), answerKind: job.answerKind ?? null, eventId: `${job.eventId}:assistant`, createdAt: new Date(at.getTime() + 1) },
      ],
      skipDuplicates: true,
    });
    const newest = at >= before.lastMessageAt;
    const conversation = await tx.conversation.update({
      where: { id: before.id },
      data: {
        messageCount: { increment: inserted },
        ...(newest ? { lastMessageAt: at, language: job.language } : {}),
        ...(job.lead && newest ? { leadScore: Math.round(job.lead.score), bant: job.lead.bant } : {}),
        ...(job.contact ? { contact: mergeContact(before.contact, job.contact) } : {}),
        ...(job.handoff ? { status: 'handoff' as const } : {}),
      },
    });
    const events: DomainEventRecord[] = [];
    const lead = await applyLead(tx, conversation, job, tenant.leadThreshold);
    const about = { conversationId: conversation.id, sessionId: conversation.sessionId, channel: conversation.channel };
    if (created) {
      const started = { ...about, agentId: conversation.agentId, origin: conversation.origin, language: job.language, startedAt: conversation.startedAt.toISOString() };
      events.push({ id: domainEventId('conversation.started', tenant.id, job.sessionId), type: 'conversation.started', data: started });
    }
    if (inserted) {
      const turn = { ...about, turnId: job.eventId, language: job.language, intent: job.intent, userText: job.userText, assistantText: job.assistantText, at: job.at };
      events.push({ id: domainEventId('conversation.turn', job.eventId), type: 'conversation.turn', data: turn });
    }
    if (lead.qualifiedNow) {
      events.push({ id: domainEventId('lead.qualified', tenant.id, job.sessionId), type: 'lead.qualified', data: { ...about, score: lead.score, bant: conversation.bant, contact: conversation.contact } });
    }
    if (job.booking && (await createBooking(tx, tenant.id, conversation.id, job))) {
      events.push({ id: domainEventId('booking.requested', job.eventId), type: 'booking.requested', data: { ...about, booking: job.booking } });
    }
    if (job.handoff && before.status !== 'handoff') {
      events.push({ id: domainEventId('handoff.requested', tenant.id, job.sessionId), type: 'handoff.requested', data: about });
    }
    let callId: string | undefined;
    if (job.channel === 'phone') {
      // Phone sessions are keyed by the Twilio call SID: link the call row to its transcript.
      await tx.call.updateMany({ where: { tenantId: tenant.id, callSid: job.sessionId, conversationId: null }, data: { conversationId: conversation.id } });
      const call = await tx.call.findFirst({ where: { tenantId: tenant.id, callSid: job.sessionId } });
      callId = call?.id;
      // A turn stored after the call ended and its recording arrived may be the last piece of call.analyzed.
      const analyzed = call && inserted ? await callAnalyzed(tx, call) : null;
      if (analyzed) events.push(analyzed);
    }
    const deliveries: WebhookDeliveryRef[] = [];
    for (const event of events) deliveries.push(...(await recordDomainEvent(tx, tenant.id, event, at)));
    return { inserted, events: events.map((e) => e.id), deliveries, qualified: lead.qualifiedNow ? lead.score : undefined, conversationId: conversation.id, callId };
  }, { timeout: 15_000 });
  if (qualified !== undefined) {
    await recordAudit(deps, { tenantId: tenant.id, actor: 'system', action: 'lead.qualified', target: `conversation:${conversationId}`, meta: { score: qualified } });
  }
  await deps.webhookDeliveries.enqueue(deliveries, job.requestId);
  if (inserted) return { inserted, events };
  // A redelivered turn (its first run committed, then may have failed to enqueue): every event it can have caused is handed over again.
  const causable = [
    domainEventId('conversation.started', tenant.id, job.sessionId),
    domainEventId('conversation.turn', job.eventId),
    domainEventId('lead.qualified', tenant.id, job.sessionId),
    domainEventId('booking.requested', job.eventId),
    domainEventId('handoff.requested', tenant.id, job.sessionId),
    ...(callId ? [callAnalyzedId(tenant.id, callId)] : []),
  ];
  await enqueuePendingDeliveries(deps, tenant.id, causable, job.requestId);
  return { inserted, events };
}

/** One booking per turn event (Booking.eventId unique); false when this turn's booking already exists. */
async function createBooking(tx: Prisma.TransactionClient, tenantId: string, conversationId: string, job: ConversationTurnJob): Promise<boolean> {
  const b = job.booking ?? {};
  const { count } = await tx.booking.createMany({
    data: [{ tenantId, conversationId, eventId: job.eventId, requestedDate: b.date ?? null, requestedTime: b.time ?? null, service: b.service ?? null, name: b.name ?? null, email: b.email ?? null, phone: b.phone ?? null, note: b.note ?? null }],
    skipDuplicates: true,
  });
  return count > 0;
}
