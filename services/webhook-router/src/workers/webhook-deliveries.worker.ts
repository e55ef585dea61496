import { createWorker, deferJob, type Redis, type StalledJobRecovery } from '@vocalia/service-kit';
import type { DeliveryDeps } from '../deps';
import { deliverWebhook } from '../deliveries/deliver-webhook';
import type { EndpointGate } from '../deliveries/endpoint-gate';

const BUSY_ENDPOINT_RETRY_MS = 250;

/** Consumes `webhook-deliveries`: one attempt per job, never more than the gate allows per endpoint. */
export function startWebhookDeliveriesWorker(deps: DeliveryDeps, gate: EndpointGate, opts: { connection: Redis; prefix: string; concurrency?: number; stalledJobs?: StalledJobRecovery }): ReturnType<typeof createWorker> {
  return createWorker(
    'webhook-deliveries',
    async (payload, job, token) => {
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
