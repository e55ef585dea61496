import type { Router } from 'express';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { getUsage } from './get-usage';

export function registerUsageRoutes(router: Router, deps: Deps): void {
  router.get('/api/v1/usage', authenticate(deps), async (_req, res) => {
    res.json(await getUsage(deps, getAuth(res).tenantId));
  });
}
