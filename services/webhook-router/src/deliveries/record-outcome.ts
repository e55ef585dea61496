import type { WebhookDelivery, WebhookEndpoint } from '@vocalia/db';
import type { DeliveryDeps } from '../deps';
import { DISABLE_AFTER_FAILING_MS } from './retry-schedule';
import type { PostResult } from './post-webhook';

export type Outcome = { status: 'delivered' } | { status: 'failed'; endpointDisabled: 'gone' | 'failing' | null } | { status: 'retry'; delayMs: number };

function decide(deps: DeliveryDeps, endpoint: WebhookEndpoint, attempt: number, result: PostResult, now: Date): Outcome {
  const code = result.statusCode;
  if (code !== null && code >= 200 && code < 300) return { status: 'delivered' };
  if (code === 410) return { status: 'failed', endpointDisabled: 'gone' };
  if (endpoint.failingSince && now.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) return { status: 'failed', endpointDisabled: 'failing' };
  const wait = deps.retryDelaysMs[attempt - 1];
  return wait === undefined ? { status: 'failed', endpointDisabled: null } : { status: 'retry', delayMs: deps.jitter(wait) };
}

/**
 * Logs the attempt and moves the delivery (and, on 410 or 5 days failing, the endpoint, with the reason
 * db-api's disable notice mails the owners) in one transaction.
 */
export async function recordOutcome(deps: DeliveryDeps, delivery: WebhookDelivery, endpoint: WebhookEndpoint, attempt: number, result: PostResult): Promise<Outcome> {
  const now = deps.clock();
  const outcome = decide(deps, endpoint, attempt, result, now);
  const last = { lastStatusCode: result.statusCode, lastError: result.error ?? (outcome.status === 'delivered' ? null : `HTTP ${result.statusCode}`) };
  await deps.prisma.$transaction([
    deps.prisma.webhookAttempt.create({
      data: { tenantId: delivery.tenantId, deliveryId: delivery.id, attempt, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error, response: result.response },
    }),
    deps.prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data:
        outcome.status === 'delivered'
          ? { ...last, status: 'delivered', deliveredAt: now, nextAttemptAt: null }
          : outcome.status === 'retry'
            ? { ...last, nextAttemptAt: new Date(now.getTime() + outcome.delayMs) }
            : { ...last, status: 'failed', nextAttemptAt: null },
    }),
    deps.prisma.webhookEndpoint.updateMany({
      where: { id: endpoint.id, tenantId: delivery.tenantId },
      data:
        outcome.status === 'delivered'
          ? { failingSince: null }
          : outcome.status === 'failed' && outcome.endpointDisabled
            ? { enabled: false, disabledAt: now, disabledReason: outcome.endpointDisabled }
            : { failingSince: endpoint.failingSince ?? now },
    }),
  ]);
  return outcome;
}
