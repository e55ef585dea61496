import { createWorker, deferJob, type Redis, type StalledJobRecovery } from '@vocalia/service-kit';
import type { DeliveryDeps } from '../deps';
import { BUSY_ENDPOINT_RETRY_MS, deliverBatch } from '../deliveries/deliver-batch';
import { deliverWebhook } from '../deliveries/deliver-webhook';
import type { AttemptGate } from '../deliveries/attempt-gate';

/**
 * Consumes `webhook-deliveries`: a job of one delivery makes its attempt (or is handed back whole while
 * its endpoint is full); a job of several makes each attempt concurrently (deliverBatch). Never more
 * attempts in flight per endpoint, across the fleet, than the gate allows.
 */
export function startWebhookDeliveriesWorker(deps: DeliveryDeps, gate: AttemptGate, opts: { connection: Redis; prefix: string; concurrency?: number; stalledJobs?: StalledJobRecovery }): ReturnType<typeof createWorker> {
  return createWorker(
    'webhook-deliveries',
    async (payload, job, token) => {
      if ('deliveries' in payload) return deliverBatch(deps, gate, payload.deliveries, payload.requestId);
      const leave = await gate.tryEnter(payload.endpointId);
      if (!leave) return deferJob(job, token, BUSY_ENDPOINT_RETRY_MS);
      try {
        return await deliverWebhook(deps, payload.deliveryId, payload.requestId);
      } finally {
        await leave();
      }
    },
    { connection: opts.connection, prefix: opts.prefix, logger: deps.logger, concurrency: opts.concurrency, stalledJobs: opts.stalledJobs },
  );
}
