import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { applyStripeEvent } from '../billing/apply-stripe-event';
import { workerOptions } from './worker-options';

/** `inbound-events` (stored by webhook-router) -> Stripe events change subscriptions and tenant status; other providers have no consumer yet. */
export function createInboundEventsWorker(deps: Deps, connection: Redis) {
  return createWorker(
    'inbound-events',
    async (job) => {
      if (job.provider !== 'stripe') return { outcome: 'ignored' };
      return { outcome: await applyStripeEvent(deps, job) };
    },
    workerOptions(deps, connection),
  );
}
