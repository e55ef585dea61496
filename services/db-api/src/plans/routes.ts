import type { Router } from 'express';
import { ChangePlanRequest, FeatureParams } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { findTenant } from '../tenants/get-tenant';
import { changePlan } from './change-plan';
import { getPlanCatalog } from './get-plan-catalog';
import { assertFeature } from './require-feature';
import { toTenantPlan } from './tenant-plan';

export function registerPlanRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/plans', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(getPlanCatalog());
  });
  router.get('/api/v1/plan', auth, async (_req, res) => {
    res.json(toTenantPlan(await findTenant(deps, getAuth(res).tenantId)));
  });
  router.put('/api/v1/plan', auth, requireRole('owner'), async (req, res) => {
    res.json(await changePlan(deps, getAuth(res), parseInput(ChangePlanRequest, req.body)));
  });
  router.get('/api/v1/features/:feature', auth, async (req, res) => {
    const { feature } = parseInput(FeatureParams, req.params, 'params');
    await assertFeature(deps, getAuth(res).tenantId, feature);
    res.json({ feature, enabled: true });
  });
}
