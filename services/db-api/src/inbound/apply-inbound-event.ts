import type { InboundEventJob } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { applyStripeEvent } from '../billing/apply-stripe-event';
import { applyShopifyEvent } from '../commerce/apply-shopify-event';
import { applyHubSpotEvent } from '../leads/apply-hubspot-event';
import { applyKlaviyoEvent } from '../leads/apply-klaviyo-event';
import { markProcessed, unprocessedEvent } from './inbound-event-row';

/**
 * One stored provider event (webhook-router verified and stored it), processed once: Stripe moves billing, Shopify
 * records orders and abandoned carts (cart-recovery calls), HubSpot and Klaviyo feed leads. A processed event is skipped.
 */
export async function applyInboundEvent(deps: Deps, job: InboundEventJob): Promise<string> {
  if (job.provider === 'stripe') return applyStripeEvent(deps, job);
  const row = await unprocessedEvent(deps, job);
  if (!row) return 'already_processed';
  let outcome = 'ignored';
  if (row.provider === 'shopify') outcome = await applyShopifyEvent(deps, row.tenantId, row.type, row.payload);
  if (row.provider === 'hubspot') outcome = await applyHubSpotEvent(deps, row.tenantId, row.payload);
  if (row.provider === 'klaviyo') outcome = await applyKlaviyoEvent(deps, row.tenantId, row.payload);
  await markProcessed(deps, row.id);
  if (outcome === 'invalid_payload') deps.logger.warn('inbound event stored but not processed: unexpected payload', { tenantId: row.tenantId, provider: row.provider, type: row.type, inboundEventId: row.id });
  return outcome;
}
