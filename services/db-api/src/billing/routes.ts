import type { Router } from 'express';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { getBillingStatus } from './get-billing-status';
import { listCreditEntries } from './list-credit-entries';

export function registerBillingRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/billing', auth, async (_req, res) => {
    res.json(await getBillingStatus(deps, getAuth(res).tenantId));
  });
  router.get('/api/v1/billing/credits', auth, async (_req, res) => {
    res.json(await listCreditEntries(deps, getAuth(res).tenantId));
  });
}
