import type { Router } from 'express';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireFeature } from '../plans/require-feature';
import { listAbandonedCheckouts, listShopOrders } from './list-shop-activity';

export function registerCommerceRoutes(router: Router, deps: Deps): void {
  const auth = [authenticate(deps), requireFeature(deps, 'cart_recovery')];
  router.get('/api/v1/shop/orders', ...auth, async (_req, res) => {
    res.json(await listShopOrders(deps, getAuth(res).tenantId));
  });
  router.get('/api/v1/shop/abandoned-checkouts', ...auth, async (_req, res) => {
    res.json(await listAbandonedCheckouts(deps, getAuth(res).tenantId));
  });
}
