import { observeWebhookAttempt } from '@vocalia/service-kit';
import type { DeliveryDeps } from '../deps';
import { postWebhook } from './post-webhook';
import { recordOutcome, type Outcome } from './record-outcome';
import { scheduleAttempt } from './schedule-attempt';
import { signDelivery } from './sign-delivery';

export type DeliveryResult = Outcome | { status: 'skipped'; reason: string };

/**
 * One attempt of one delivery. The row is the truth: only a pending, due delivery is attempted, and the
 * attempt is claimed by moving `attempts` from n to n+1 (a duplicate job loses the race and sends nothing).
 * A delivered attempt is logged at debug (its row and attempt say it), one that did not succeed at info.
 * Each attempt is counted on /metrics (outcome, POST time, and for a delivered one its lag since recorded).
 */
export async function deliverWebhook(deps: DeliveryDeps, deliveryId: string, requestId: string): Promise<DeliveryResult> {
  const claim = await deps.store.claim(deliveryId);
  if (claim.kind === 'skipped') return { status: 'skipped', reason: 'not pending, not due, or claimed elsewhere' };
  if (claim.kind === 'endpoint-disabled') return { status: 'failed', endpointDisabled: null };
  const claimedAt = performance.now();
  const { delivery } = claim;
  const { endpoint } = delivery;
  const headers = signDelivery(endpoint, delivery.eventId, delivery.body, deps.clock());
  const result = await postWebhook(deps.agent, endpoint.url, headers, delivery.body, deps.timeoutMs);
  const lagMs = delivery.ageMs + (performance.now() - claimedAt);
  const outcome = await recordOutcome(deps, delivery, result);
  observeWebhookAttempt({ outcome: outcome.status, postMs: result.latencyMs, attempt: delivery.attempts, lagMs });
  const fields = () => ({ deliveryId: delivery.id, endpointId: endpoint.id, attempt: delivery.attempts, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error, outcome: outcome.status });
  if (outcome.status === 'delivered') {
    if (deps.logger.isDebugEnabled()) deps.logger.debug('webhook attempt', fields());
  } else deps.logger.info('webhook attempt', fields());
  if (outcome.status === 'retry') await scheduleAttempt(deps, delivery, outcome.delayMs, requestId);
  return outcome;
}
