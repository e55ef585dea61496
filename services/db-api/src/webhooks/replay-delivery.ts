import type { WebhookDeliveryView } from '@vocalia/contracts';
import { AppError, currentContext, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { toWebhookDeliveryView } from './delivery-view';

/** One more attempt of a delivered or failed delivery, now (same `webhook-id`); its job id names the attempt. */
export async function replayDelivery(deps: Deps, auth: AuthContext, id: string): Promise<WebhookDeliveryView> {
  const row = await deps.prisma.webhookDelivery.findFirst({ where: { id, tenantId: auth.tenantId }, include: { endpoint: { select: { enabled: true } } } });
  if (!row) throw notFound('Webhook delivery');
  if (row.status === 'pending') throw new AppError('CONFLICT', 'This delivery is still pending; its next attempt is already scheduled');
  if (!row.endpoint.enabled) throw new AppError('CONFLICT', 'The endpoint is disabled; enable it first');
  const now = deps.clock();
  const moved = await deps.prisma.webhookDelivery.updateMany({ where: { id: row.id, tenantId: auth.tenantId, status: row.status }, data: { status: 'pending', nextAttemptAt: now } });
  if (moved.count === 0) throw new AppError('CONFLICT', 'This delivery changed meanwhile; try again');
  await deps.webhookDeliveries.enqueue(
    [{ tenantId: auth.tenantId, deliveryId: row.id, endpointId: row.endpointId, eventType: row.eventType, attempt: row.attempts + 1 }],
    currentContext()?.requestId ?? `replay-${row.id}`,
  );
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'webhook_delivery.replayed', target: `webhook_delivery:${row.id}`, meta: { attempt: row.attempts + 1 } });
  const fresh = await deps.prisma.webhookDelivery.findFirstOrThrow({ where: { id: row.id, tenantId: auth.tenantId }, include: { attemptsLog: { orderBy: { attempt: 'asc' } } } });
  return toWebhookDeliveryView(fresh);
}
