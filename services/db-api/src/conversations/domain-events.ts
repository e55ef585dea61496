import { createHash } from 'node:crypto';
import { parseDomainEventData, type DomainEventType } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import type { Deps } from '../deps';

export interface DomainEventRecord {
  /** Deterministic from its cause, so a redelivered job yields the same id (the receivers' `webhook-id`). */
  id: string;
  type: DomainEventType;
  data: Record<string, unknown>;
}

export function domainEventId(...cause: string[]): string {
  return `evt_${createHash('sha256').update(cause.join('\n')).digest('hex').slice(0, 32)}`;
}

/**
 * In the caller's transaction: one pending WebhookDelivery per enabled endpoint subscribed to the type
 * (no event types = all). Unique (endpointId, eventId) makes a second recording a no-op. The data is parsed
 * with its type's contract schema first: a payload that drifts from the documented shape throws, and the
 * transaction with it.
 */
export async function recordDomainEvent(tx: Prisma.TransactionClient, tenantId: string, event: DomainEventRecord, at: Date): Promise<void> {
  const data = parseDomainEventData(event.type, event.data);
  const endpoints = await tx.webhookEndpoint.findMany({ where: { tenantId, enabled: true }, select: { id: true, eventTypes: true } });
  const subscribed = endpoints.filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(event.type));
  if (!subscribed.length) return;
  const payload = { type: event.type, timestamp: at.toISOString(), data } as Prisma.InputJsonObject;
  await tx.webhookDelivery.createMany({
    data: subscribed.map((e) => ({ tenantId, endpointId: e.id, eventId: event.id, eventType: event.type, payload })),
    skipDuplicates: true,
  });
}

/**
 * After commit: hands never-attempted deliveries of these events to webhook-router, in the enqueuer's next
 * add, shared with the attempts asked for meanwhile (one delivery alone: job id = delivery id; several: id
 * derived from theirs), so a re-run grouped the same way adds nothing (and webhook-router's claim sends each once).
 * The events' deliveries are read by (endpoint, event), the unique index, and filtered here: a status in the
 * query would let PostgreSQL pick the partial index of pending rows, and read every pending row (thousands
 * under load or while an endpoint is down) for each event.
 */
export async function enqueuePendingDeliveries(deps: Deps, tenantId: string, eventIds: string[], requestId: string): Promise<void> {
  if (!eventIds.length) return;
  const endpoints = await deps.prisma.webhookEndpoint.findMany({ where: { tenantId }, select: { id: true } });
  if (!endpoints.length) return;
  const deliveries = await deps.prisma.webhookDelivery.findMany({
    where: { endpointId: { in: endpoints.map((e) => e.id) }, eventId: { in: eventIds }, tenantId },
    select: { id: true, endpointId: true, eventType: true, status: true, attempts: true },
  });
  const neverAttempted = deliveries.filter((d) => d.status === 'pending' && d.attempts === 0);
  await deps.webhookDeliveries.enqueue(neverAttempted.map((d) => ({ tenantId, deliveryId: d.id, endpointId: d.endpointId, eventType: d.eventType, attempt: 1 })), requestId);
}
