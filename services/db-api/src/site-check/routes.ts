import type { Router } from 'express';
import { CheckSiteRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { checkSite } from './check-site';

export function registerSiteCheckRoutes(router: Router, deps: Deps): void {
  router.post('/api/v1/widget/check-site', authenticate(deps), async (req, res) => {
    res.json(await checkSite(deps, getAuth(res).tenantId, parseInput(CheckSiteRequest, req.body)));
  });
}
