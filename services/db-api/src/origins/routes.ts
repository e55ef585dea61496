import type { Router } from 'express';
import { AddOriginRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { addOrigin } from './add-origin';
import { listOrigins } from './list-origins';
import { removeOrigin } from './remove-origin';

export function registerOriginRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  const manage = requireRole('owner', 'admin');
  router.get('/api/v1/origins', auth, async (_req, res) => {
    res.json(await listOrigins(deps, getAuth(res).tenantId));
  });
  router.post('/api/v1/origins', auth, manage, async (req, res) => {
    res.status(201).json(await addOrigin(deps, getAuth(res), parseInput(AddOriginRequest, req.body)));
  });
  router.delete('/api/v1/origins/:id', auth, manage, async (req, res) => {
    await removeOrigin(deps, getAuth(res), req.params.id as string);
    res.status(204).end();
  });
}
