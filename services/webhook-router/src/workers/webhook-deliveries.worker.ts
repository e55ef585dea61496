import { createWorker, deferJob, type Redis, type StalledJobRecovery } from '@vocalia/service-kit';
import type { DeliveryDeps } from '../deps';
import { BUSY_ENDPOINT_RETRY_MS, deliverBatch } from '../deliveries/deliver-batch';
import { deliverWebhook } from '../deliveries/deliver-webhook';
import type { EndpointGate } from '../deliveries/endpoint-gate';

/**
 * Consumes `webhook-deliveries`: a job of one delivery makes its attempt (or is handed back whole while
 * its endpoint is full); a job of several makes each attempt concurrently (deliverBatch). Never more
 * attempts in flight per endpoint than the gate allows.
 */
export function startWebhookDeliveriesWorker(deps: DeliveryDeps, gate: EndpointGate, opts: { connection: Redis; prefix: string; concurrency?: number; stalledJobs?: StalledJobRecovery }): ReturnType<typeof createWorker> {
  return createWorker(
    'webhook-deliveries',
    async (payload, job, token) => {
      if ('deliveries' in payload) return deliverBatch(deps, gate, payload.deliveries, payload.requestId);
      if (!gate.tryEnter(payload.endpointId)) return deferJob(job, token, BUSY_ENDPOINT_RETRY_MS);
      try {
        return await deliverWebhook(deps, payload.deliveryId, payload.requestId);
      } finally {
        gate.leave(payload.endpointId);
      }
    },
    { connection: opts.connection, prefix: opts.prefix, logger: deps.logger, concurrency: opts.concurrency, stalledJobs: opts.stalledJobs },
  );
}
