import type { Router } from 'express';
import { AvailablePhoneNumbersQuery, BuyPhoneNumberRequest, UpdatePhoneNumberRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { idempotentPost } from '../access/idempotent-post';
import { requireRole } from '../access/require-role';
import { requireFeature } from '../plans/require-feature';
import { buyPhoneNumber } from './buy-phone-number';
import { listPhoneNumbers } from './list-phone-numbers';
import { releasePhoneNumber } from './release-phone-number';
import { searchAvailableNumbers } from './search-available-numbers';
import { updatePhoneNumber } from './update-phone-number';

export function registerPhoneNumberRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  const telephony = requireFeature(deps, 'telephony');
  const manage = [auth, requireRole('owner', 'admin'), telephony];
  router.get('/api/v1/phone-numbers/available', ...manage, async (req, res) => {
    res.json(await searchAvailableNumbers(deps, parseInput(AvailablePhoneNumbersQuery, req.query, 'query')));
  });
  router.get('/api/v1/phone-numbers', auth, telephony, async (_req, res) => {
    res.json(await listPhoneNumbers(deps, getAuth(res).tenantId));
  });
  router.post('/api/v1/phone-numbers', ...manage, idempotentPost(deps), async (req, res) => {
    res.status(201).json(await buyPhoneNumber(deps, getAuth(res), parseInput(BuyPhoneNumberRequest, req.body)));
  });
  router.patch('/api/v1/phone-numbers/:id', ...manage, async (req, res) => {
    res.json(await updatePhoneNumber(deps, getAuth(res), String(req.params.id), parseInput(UpdatePhoneNumberRequest, req.body)));
  });
  router.delete('/api/v1/phone-numbers/:id', ...manage, async (req, res) => {
    await releasePhoneNumber(deps, getAuth(res), String(req.params.id));
    res.status(204).end();
  });
}
