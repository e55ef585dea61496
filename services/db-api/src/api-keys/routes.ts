import type { Router } from 'express';
import { CreateApiKeyRequest, RotateApiKeyRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { requireFeature } from '../plans/require-feature';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';
import { rotateApiKey } from './rotate-api-key';

export function registerApiKeyRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  // Creating or rotating a control-plane key needs the api_access feature; listing and revoking stay open after a downgrade.
  const manage = [requireRole('owner', 'admin')];
  const issue = [...manage, requireFeature(deps, 'api_access')];
  router.get('/api/v1/api-keys', auth, async (_req, res) => {
    res.json(await listApiKeys(deps, getAuth(res)));
  });
  router.post('/api/v1/api-keys', auth, ...issue, async (req, res) => {
    res.status(201).json(await createApiKey(deps, getAuth(res), parseInput(CreateApiKeyRequest, req.body)));
  });
  router.delete('/api/v1/api-keys/:id', auth, ...manage, async (req, res) => {
    await revokeApiKey(deps, getAuth(res), req.params.id as string);
    res.status(204).end();
  });
  router.post('/api/v1/api-keys/:id/rotate', auth, ...issue, async (req, res) => {
    res.status(201).json(await rotateApiKey(deps, getAuth(res), req.params.id as string, parseInput(RotateApiKeyRequest, req.body ?? {})));
  });
}
