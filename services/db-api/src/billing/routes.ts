import type { Router } from 'express';
import { CheckoutRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { cancelSubscription } from './cancel-subscription';
import { getBillingStatus } from './get-billing-status';
import { listCreditEntries } from './list-credit-entries';
import { listInvoices } from './list-invoices';
import { openPortal } from './open-portal';
import { startCheckout } from './start-checkout';

export function registerBillingRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  const owner = requireRole('owner');
  router.get('/api/v1/billing', auth, async (_req, res) => {
    res.json(await getBillingStatus(deps, getAuth(res).tenantId));
  });
  router.get('/api/v1/billing/credits', auth, async (_req, res) => {
    res.json(await listCreditEntries(deps, getAuth(res).tenantId));
  });
  router.get('/api/v1/billing/invoices', auth, async (_req, res) => {
    res.json(await listInvoices(deps, getAuth(res).tenantId));
  });
  router.post('/api/v1/billing/checkout', auth, owner, async (req, res) => {
    res.status(201).json(await startCheckout(deps, getAuth(res), parseInput(CheckoutRequest, req.body)));
  });
  router.post('/api/v1/billing/portal', auth, owner, async (_req, res) => {
    res.status(201).json(await openPortal(deps, getAuth(res)));
  });
  router.post('/api/v1/billing/cancel', auth, owner, async (_req, res) => {
    res.json(await cancelSubscription(deps, getAuth(res)));
  });
}
