import type { Router } from 'express';
import { UpdateMemberRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { changeMemberRole } from './change-member-role';
import { listMembers } from './list-members';
import { removeMember } from './remove-member';

export function registerMemberRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/members', auth, async (_req, res) => {
    res.json(await listMembers(deps, getAuth(res).tenantId));
  });
  router.patch('/api/v1/members/:userId', auth, requireRole('owner'), async (req, res) => {
    res.json(await changeMemberRole(deps, getAuth(res), req.params.userId as string, parseInput(UpdateMemberRequest, req.body)));
  });
  router.delete('/api/v1/members/:userId', auth, requireRole('owner', 'admin'), async (req, res) => {
    await removeMember(deps, getAuth(res), req.params.userId as string);
    res.status(204).end();
  });
}
