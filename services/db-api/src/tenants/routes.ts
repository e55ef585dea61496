import type { Router } from 'express';
import { UpdateTenantRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { getTenant } from './get-tenant';
import { updateTenant } from './update-tenant';

export function registerTenantRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/tenant', auth, async (_req, res) => {
    res.json(await getTenant(deps, getAuth(res).tenantId));
  });
  router.patch('/api/v1/tenant', auth, requireRole('owner', 'admin'), async (req, res) => {
    res.json(await updateTenant(deps, getAuth(res), parseInput(UpdateTenantRequest, req.body)));
  });
}
