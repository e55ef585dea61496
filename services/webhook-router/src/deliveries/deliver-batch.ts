import type { WebhookDeliveryRef } from '@vocalia/contracts';
import { singleDeliveryJob } from '@vocalia/service-kit';
import type { DeliveryDeps } from '../deps';
import { deliverWebhook, type DeliveryResult } from './deliver-webhook';
import type { AttemptGate } from './attempt-gate';

/** How long a delivery of a job of several waits for its endpoint's place before it is deferred alone. */
export const ENDPOINT_WAIT_MS = 1000;
/** A deferred delivery's job runs again after this. */
export const BUSY_ENDPOINT_RETRY_MS = 250;

export type BatchResult = DeliveryResult['status'] | 'deferred';

async function deliverOne(deps: DeliveryDeps, gate: AttemptGate, ref: WebhookDeliveryRef, requestId: string): Promise<BatchResult> {
  const leave = await gate.enter(ref.endpointId, ENDPOINT_WAIT_MS);
  if (!leave) {
    await deps.producer.add(singleDeliveryJob(ref, requestId, deps.clock().toISOString()), { delay: BUSY_ENDPOINT_RETRY_MS });
    return 'deferred';
  }
  try {
    return (await deliverWebhook(deps, ref.deliveryId, requestId)).status;
  } finally {
    await leave();
  }
}

/**
 * Every delivery of a job of several, all at once (each through the shared claim and record batches and
 * its endpoint's gate): one slow endpoint delays no other delivery of the job. Resolves when each is
 * delivered, failed, scheduled for retry, skipped or deferred alone; if any threw (PostgreSQL or Redis
 * away), rejects after the others have settled, so BullMQ retries the job and the claim skips those done.
 */
export async function deliverBatch(deps: DeliveryDeps, gate: AttemptGate, refs: WebhookDeliveryRef[], requestId: string): Promise<BatchResult[]> {
  const settled = await Promise.allSettled(refs.map((ref) => deliverOne(deps, gate, ref, requestId)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<BatchResult>).value);
}
