import { randomUUID } from 'node:crypto';
import { WEBHOOK_TEST_EVENT_TYPE, type WebhookDeliveryView } from '@vocalia/contracts';
import { AppError, currentContext } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { domainEventId } from '../conversations/domain-events';
import { toWebhookDeliveryView } from './delivery-view';
import { findEndpoint } from './find-endpoint';

/** A `webhook.test` event to this endpoint only, delivered, signed and logged like any other. */
export async function sendTestEvent(deps: Deps, auth: AuthContext, endpointId: string): Promise<WebhookDeliveryView> {
  const endpoint = await findEndpoint(deps, auth.tenantId, endpointId);
  if (!endpoint.enabled) throw new AppError('CONFLICT', 'The endpoint is disabled; enable it first');
  const now = deps.clock();
  const payload = { type: WEBHOOK_TEST_EVENT_TYPE, timestamp: now.toISOString(), data: { endpointId: endpoint.id, message: 'Test event from VocalIA' } };
  const row = await deps.prisma.webhookDelivery.create({
    data: { tenantId: auth.tenantId, endpointId: endpoint.id, eventId: domainEventId('webhook.test', randomUUID()), eventType: WEBHOOK_TEST_EVENT_TYPE, payload },
  });
  await deps.webhookDeliveries.enqueue([{ tenantId: auth.tenantId, deliveryId: row.id, endpointId: endpoint.id, eventType: WEBHOOK_TEST_EVENT_TYPE, attempt: 1 }], currentContext()?.requestId ?? `test-${row.id}`);
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'webhook_endpoint.test_sent', target: `webhook_endpoint:${endpoint.id}`, meta: { deliveryId: row.id } });
  return toWebhookDeliveryView({ ...row, attemptsLog: [] });
}
