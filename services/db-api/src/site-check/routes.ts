import type { Router } from 'express';
import { CheckSiteRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { checkSite } from './check-site';
import { createSiteCheckLimit } from './site-check-limit';

export function registerSiteCheckRoutes(router: Router, deps: Deps): void {
  const limit = createSiteCheckLimit(deps.redis, deps.queuePrefix);
  router.post('/api/v1/widget/check-site', authenticate(deps), async (req, res) => {
    const input = parseInput(CheckSiteRequest, req.body);
    await limit(getAuth(res).tenantId);
    res.json(await checkSite(deps, getAuth(res).tenantId, input));
  });
}
