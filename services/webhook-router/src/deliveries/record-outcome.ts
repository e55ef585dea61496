import type { DeliveryDeps } from '../deps';
import type { ClaimedDelivery } from './claim-deliveries';
import { DISABLE_AFTER_FAILING_MS } from './retry-schedule';
import type { PostResult } from './post-webhook';
import type { AttemptRecord } from './record-attempts';

export type Outcome = { status: 'delivered' } | { status: 'failed'; endpointDisabled: 'gone' | 'failing' | null } | { status: 'retry'; delayMs: number };

function decide(deps: DeliveryDeps, delivery: ClaimedDelivery, result: PostResult, now: Date): Outcome {
  const code = result.statusCode;
  const { failingSince } = delivery.endpoint;
  if (code !== null && code >= 200 && code < 300) return { status: 'delivered' };
  if (code === 410) return { status: 'failed', endpointDisabled: 'gone' };
  if (failingSince && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) return { status: 'failed', endpointDisabled: 'failing' };
  const wait = deps.retryDelaysMs[delivery.attempts - 1];
  return wait === undefined ? { status: 'failed', endpointDisabled: null } : { status: 'retry', delayMs: deps.jitter(wait) };
}

function toRecord(delivery: ClaimedDelivery, result: PostResult, outcome: Outcome, now: Date): AttemptRecord {
  const base = {
    tenantId: delivery.tenantId,
    deliveryId: delivery.id,
    endpointId: delivery.endpointId,
    attempt: delivery.attempts,
    statusCode: result.statusCode,
    latencyMs: result.latencyMs,
    error: result.error,
    response: result.response,
    lastError: result.error ?? (outcome.status === 'delivered' ? null : `HTTP ${result.statusCode}`),
  };
  if (outcome.status === 'delivered') return { ...base, status: 'delivered', nextAttemptAt: null, endpoint: 'clear' };
  if (outcome.status === 'retry') return { ...base, status: 'pending', nextAttemptAt: new Date(now.getTime() + outcome.delayMs), endpoint: 'fail' };
  return { ...base, status: 'failed', nextAttemptAt: null, endpoint: outcome.endpointDisabled ?? 'fail' };
}

/**
 * Logs the attempt and moves the delivery (and, on 410 or 5 days failing, the endpoint, with the reason
 * db-api's disable notice mails the owners) in one statement, shared with the attempts finishing meanwhile.
 */
export async function recordOutcome(deps: DeliveryDeps, delivery: ClaimedDelivery, result: PostResult): Promise<Outcome> {
  const now = deps.clock();
  const outcome = decide(deps, delivery, result, now);
  await deps.store.record(toRecord(delivery, result, outcome, now));
  return outcome;
}
