import { RESEND_BATCH, type ResendFailedDeliveriesRequest, type ResentDeliveries, type WebhookDeliveryRef } from '@vocalia/contracts';
import { AppError, currentContext } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { findEndpoint } from './find-endpoint';

/**
 * Every failed delivery of this endpoint created since `since` gets one more attempt now (same
 * `webhook-id`), oldest first, a batch per call. Each row moves failed -> pending conditionally, so two
 * concurrent calls resend it once; the attempts go together (jobs of up to WEBHOOK_DELIVERIES_PER_JOB).
 */
export async function resendFailedDeliveries(deps: Deps, auth: AuthContext, endpointId: string, input: ResendFailedDeliveriesRequest): Promise<ResentDeliveries> {
  const endpoint = await findEndpoint(deps, auth.tenantId, endpointId);
  if (!endpoint.enabled) throw new AppError('CONFLICT', 'The endpoint is disabled; enable it first');
  const failed = await deps.prisma.webhookDelivery.findMany({
    where: { tenantId: auth.tenantId, endpointId: endpoint.id, status: 'failed', createdAt: { gte: new Date(input.since) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: RESEND_BATCH + 1,
    select: { id: true, attempts: true, eventType: true },
  });
  const now = deps.clock();
  const requestId = currentContext()?.requestId ?? `resend-${endpoint.id}`;
  const moved: WebhookDeliveryRef[] = [];
  for (const row of failed.slice(0, RESEND_BATCH)) {
    const { count } = await deps.prisma.webhookDelivery.updateMany({ where: { id: row.id, tenantId: auth.tenantId, status: 'failed' }, data: { status: 'pending', nextAttemptAt: now } });
    if (count) moved.push({ tenantId: auth.tenantId, deliveryId: row.id, endpointId: endpoint.id, eventType: row.eventType, attempt: row.attempts + 1 });
  }
  await deps.webhookDeliveries.enqueue(moved, requestId);
  const resent = moved.length;
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'webhook_endpoint.resent_failed', target: `webhook_endpoint:${endpoint.id}`, meta: { since: input.since, resent } });
  return { resent, more: failed.length > RESEND_BATCH };
}
