import type { Router } from 'express';
import { ConnectIntegrationRequest, IntegrationSecretParams } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireInternalToken } from '../access/require-internal-token';
import { requireRole } from '../access/require-role';
import { connectIntegration } from './connect-integration';
import { disconnectIntegration } from './disconnect-integration';
import { listIntegrations } from './list-integrations';
import { readIntegrationSecret } from './read-integration-secret';

const base = '/api/v1/integrations';

export function registerIntegrationRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  const manage = requireRole('owner', 'admin');
  router.get(base, auth, async (_req, res) => {
    res.json(await listIntegrations(deps, getAuth(res).tenantId));
  });
  router.post(base, auth, manage, async (req, res) => {
    res.status(201).json(await connectIntegration(deps, getAuth(res), parseInput(ConnectIntegrationRequest, req.body)));
  });
  router.delete(`${base}/:id`, auth, manage, async (req, res) => {
    await disconnectIntegration(deps, getAuth(res), req.params.id as string);
    res.status(204).end();
  });
  router.get('/internal/v1/integrations/:provider/:accountId/secret', requireInternalToken(deps.env.INTERNAL_API_TOKEN), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await readIntegrationSecret(deps, parseInput(IntegrationSecretParams, req.params, 'params')));
  });
}
