import { createWorker, type Redis } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { applyInboundEvent } from '../inbound/apply-inbound-event';
import { workerOptions } from './worker-options';

/** `inbound-events` (stored by webhook-router) -> billing (Stripe), orders and carts (Shopify), leads (HubSpot, Klaviyo). */
export function createInboundEventsWorker(deps: Deps, connection: Redis) {
  return createWorker('inbound-events', async (job) => ({ outcome: await applyInboundEvent(deps, job) }), workerOptions(deps, connection));
}
