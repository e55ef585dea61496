import type { DeliveryDeps } from '../deps';
import { postWebhook } from './post-webhook';
import { recordOutcome, type Outcome } from './record-outcome';
import { scheduleAttempt } from './schedule-attempt';
import { signDelivery } from './sign-delivery';

/** How long a claimed attempt is left alone by the sweeper, beyond its timeout (a crashed worker's attempt is retried after). */
const CLAIM_LEASE_MS = 60_000;

export type DeliveryResult = Outcome | { status: 'skipped'; reason: string };

/**
 * One attempt of one delivery. The row is the truth: only a pending, due delivery is attempted, and the
 * attempt is claimed by moving `attempts` from n to n+1 (a duplicate job loses the race and sends nothing).
 */
export async function deliverWebhook(deps: DeliveryDeps, deliveryId: string, requestId: string): Promise<DeliveryResult> {
  const delivery = await deps.prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!delivery || delivery.status !== 'pending') return { status: 'skipped', reason: 'not pending' };
  const now = deps.clock();
  if (delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > now.getTime() + 1000) return { status: 'skipped', reason: 'not due' };
  const { endpoint } = delivery;
  if (!endpoint.enabled) {
    await deps.prisma.webhookDelivery.updateMany({ where: { id: delivery.id, status: 'pending' }, data: { status: 'failed', lastError: 'endpoint disabled', nextAttemptAt: null } });
    return { status: 'failed', endpointDisabled: null };
  }
  const attempt = delivery.attempts + 1;
  const claimed = await deps.prisma.webhookDelivery.updateMany({
    where: { id: delivery.id, status: 'pending', attempts: delivery.attempts },
    data: { attempts: attempt, nextAttemptAt: new Date(now.getTime() + deps.timeoutMs + CLAIM_LEASE_MS) },
  });
  if (claimed.count === 0) return { status: 'skipped', reason: 'claimed elsewhere' };
  const body = JSON.stringify(delivery.payload);
  const headers = signDelivery(endpoint, delivery.eventId, body, now);
  const result = await postWebhook(deps.agents, endpoint.url, headers, body, deps.timeoutMs);
  const outcome = await recordOutcome(deps, delivery, endpoint, attempt, result);
  deps.logger.info('webhook attempt', { deliveryId: delivery.id, endpointId: endpoint.id, attempt, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error, outcome: outcome.status });
  if (outcome.status === 'retry') await scheduleAttempt(deps, { ...delivery, attempts: attempt }, outcome.delayMs, requestId);
  return outcome;
}
