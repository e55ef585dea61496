import type { Router } from 'express';
import { CallListQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { getCall, listCalls } from './read-calls';

export function registerCallRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/calls', auth, async (req, res) => {
    res.json(await listCalls(deps, getAuth(res).tenantId, parseInput(CallListQuery, req.query, 'query')));
  });
  router.get('/api/v1/calls/:id', auth, async (req, res) => {
    res.json(await getCall(deps, getAuth(res).tenantId, String(req.params.id)));
  });
}
