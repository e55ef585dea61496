import { createHash } from 'node:crypto';
import { parseDomainEventData, type DomainEventType, type WebhookDeliveryRef } from '@vocalia/contracts';
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
 * In the caller's transaction, in one statement: one pending WebhookDelivery per enabled endpoint subscribed
 * to the type (no event types = all). Unique (endpoint_id, event_id) makes a second recording a no-op. The
 * data is parsed with its type's contract schema first: a payload that drifts from the documented shape
 * throws, and the transaction with it. Returns the deliveries it created, for the caller to hand to
 * `deps.webhookDeliveries.enqueue` after commit (no second statement to find them).
 */
export async function recordDomainEvent(tx: Prisma.TransactionClient, tenantId: string, event: DomainEventRecord, at: Date): Promise<WebhookDeliveryRef[]> {
  const data = parseDomainEventData(event.type, event.data);
  const payload = JSON.stringify({ type: event.type, timestamp: at.toISOString(), data });
  const created = await tx.$queryRaw<{ id: string; endpoint_id: string }[]>`
    INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload, updated_at)
    SELECT 'dlv_' || replace(gen_random_uuid()::text, '-', ''), e.tenant_id, e.id, ${event.id}, ${event.type}, ${payload}::jsonb, now()
    FROM webhook_endpoints e
    WHERE e.tenant_id = ${tenantId} AND e.enabled AND (cardinality(e.event_types) = 0 OR ${event.type} = ANY(e.event_types))
    ON CONFLICT DO NOTHING
    RETURNING id, endpoint_id`;
  return created.map((d) => ({ tenantId, deliveryId: d.id, endpointId: d.endpoint_id, eventType: event.type, attempt: 1 }));
}

/**
 * After commit, by event id: for a redelivered job whose first run committed and then may have failed to
 * enqueue, and for callers that keep only the event id (`tenant.updated`). Hands never-attempted deliveries
 * of these events to webhook-router, in the enqueuer's next
 * add, shared with the attempts asked for meanwhile (one delivery alone: job id = delivery id; several: id
 * derived from theirs), so a re-run grouped the same way adds nothing (and webhook-router's claim sends each once).
 * The events' deliveries are read through the tenant's endpoints by (endpoint, event), the unique index,
 * and filtered here: a status in the query would let PostgreSQL pick the partial index of pending rows and
 * read every pending row (thousands under load or while an endpoint is down) for each event.
 */
export async function enqueuePendingDeliveries(deps: Pick<Deps, 'prisma' | 'webhookDeliveries'>, tenantId: string, eventIds: string[], requestId: string): Promise<void> {
  if (!eventIds.length) return;
  const deliveries = await deps.prisma.$queryRaw<{ id: string; endpoint_id: string; event_type: string; status: string; attempts: number }[]>`
    SELECT d.id, d.endpoint_id, d.event_type, d.status::text AS status, d.attempts
    FROM webhook_endpoints e JOIN webhook_deliveries d ON d.endpoint_id = e.id AND d.event_id = ANY(${eventIds}::text[])
    WHERE e.tenant_id = ${tenantId} AND d.tenant_id = ${tenantId}`;
  const neverAttempted = deliveries.filter((d) => d.status === 'pending' && d.attempts === 0);
  await deps.webhookDeliveries.enqueue(neverAttempted.map((d) => ({ tenantId, deliveryId: d.id, endpointId: d.endpoint_id, eventType: d.event_type, attempt: 1 })), requestId);
}
