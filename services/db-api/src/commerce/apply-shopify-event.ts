import { ShopifyCheckout, ShopifyOrder } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { recordAbandonedCheckout } from './record-abandoned-checkout';
import { recordShopOrder } from './record-shop-order';

/** One verified Shopify event by topic; a payload that does not parse is reported, not retried (it would fail again). */
export async function applyShopifyEvent(deps: Deps, tenantId: string, topic: string, payload: unknown): Promise<string> {
  if (topic === 'orders/create') {
    const order = ShopifyOrder.safeParse(payload);
    return order.success ? recordShopOrder(deps, tenantId, order.data) : 'invalid_payload';
  }
  if (topic === 'checkouts/create' || topic === 'checkouts/update') {
    const checkout = ShopifyCheckout.safeParse(payload);
    return checkout.success ? recordAbandonedCheckout(deps, tenantId, checkout.data) : 'invalid_payload';
  }
  return 'ignored';
}
