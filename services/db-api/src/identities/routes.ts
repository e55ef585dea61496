import type { Router } from 'express';
import { IdentitySignInRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireInternalToken } from '../access/require-internal-token';
import { listIdentities } from './list-identities';
import { signInWithIdentity } from './sign-in-with-identity';
import { unlinkIdentity } from './unlink-identity';

export function registerIdentityRoutes(router: Router, deps: Deps): void {
  // Called by oauth-gateway once the provider has vouched for the identity; the edge never routes /internal/.
  router.post('/internal/v1/identities/sign-in', requireInternalToken(deps.env.INTERNAL_API_TOKEN), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await signInWithIdentity(deps, parseInput(IdentitySignInRequest, req.body)));
  });
  router.get('/api/v1/me/identities', authenticate(deps), async (_req, res) => {
    res.json(await listIdentities(deps, getAuth(res)));
  });
  router.delete('/api/v1/me/identities/:identityId', authenticate(deps), async (req, res) => {
    await unlinkIdentity(deps, getAuth(res), String(req.params.identityId));
    res.status(204).end();
  });
}
