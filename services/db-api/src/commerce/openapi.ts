import { AbandonedCheckoutList, ShopOrderList } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Shop';
const feature = 'cart_recovery' as const;

export const commerceRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/shop/orders', tag, feature, summary: 'The 100 newest Shopify orders, each with the lead it converted (same email or phone)', status: 200, response: ShopOrderList },
  { method: 'get', path: '/api/v1/shop/abandoned-checkouts', tag, feature, summary: 'The 100 newest abandoned Shopify checkouts, with their cart-recovery call and when an order followed', status: 200, response: AbandonedCheckoutList },
];
