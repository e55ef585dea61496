import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { workerOptions } from './worker-options';
import { appendAuditEntry } from '../audit/append-audit-entry';

/**
 * Audit events from other services (voice-api, telephony-bridge...). Concurrency 1 keeps them in order;
 * the event id, kept in meta, makes a redelivered job (BullMQ is at-least-once) a no-op.
 */
export function startAuditEventsWorker(deps: Deps, connection: Redis) {
  return createWorker(
    'audit-events',
    async (event) => {
      const seen = await deps.prisma.auditLog.findFirst({ where: { tenantId: event.tenantId, meta: { path: ['eventId'], equals: event.eventId } }, select: { id: true } });
      if (seen) return;
      const meta = { ...event.meta, eventId: event.eventId, requestId: event.requestId };
      await appendAuditEntry(deps.prisma, { tenantId: event.tenantId, actor: event.actor, action: event.action, target: event.target, meta }, new Date(event.at));
    },
    { ...workerOptions(deps, connection), concurrency: 1 },
  );
}
