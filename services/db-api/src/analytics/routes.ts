import type { Router } from 'express';
import { AnalyticsQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { readAnalytics } from './read-analytics';

export function registerAnalyticsRoutes(router: Router, deps: Deps): void {
  router.get('/api/v1/analytics', authenticate(deps), async (req, res) => {
    res.json(await readAnalytics(deps, getAuth(res).tenantId, parseInput(AnalyticsQuery, req.query, 'query')));
  });
}
