import type { Router } from 'express';
import { AcceptInvitationRequest, AcceptInvitationWithPasswordRequest, InviteMemberRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { clientIp } from '../access/client-ip';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { sendSession } from '../access/browser-session';
import { idempotentPost } from '../access/idempotent-post';
import { requireRole } from '../access/require-role';
import { acceptInvitation } from './accept-invitation';
import { acceptInvitationWithPassword } from './accept-invitation-with-password';
import { inviteMember } from './invite-member';
import { listInvitations } from './list-invitations';
import { revokeInvitation } from './revoke-invitation';

export function registerInvitationRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/invitations', auth, requireRole('owner', 'admin'), async (_req, res) => {
    res.json(await listInvitations(deps, getAuth(res).tenantId));
  });
  router.post('/api/v1/invitations', auth, idempotentPost(deps), requireRole('owner', 'admin'), async (req, res) => {
    res.status(201).json(await inviteMember(deps, getAuth(res), parseInput(InviteMemberRequest, req.body)));
  });
  router.post('/api/v1/invitations/accept', auth, async (req, res) => {
    sendSession(req, res, await acceptInvitation(deps, getAuth(res), parseInput(AcceptInvitationRequest, req.body), clientIp(req)), deps.env.REFRESH_TOKEN_TTL_DAYS);
  });
  router.delete('/api/v1/invitations/:id', auth, requireRole('owner', 'admin'), async (req, res) => {
    await revokeInvitation(deps, getAuth(res), req.params.id as string);
    res.status(204).end();
  });
  router.post('/api/v1/auth/invitations/accept', async (req, res) => {
    sendSession(req, res, await acceptInvitationWithPassword(deps, parseInput(AcceptInvitationWithPasswordRequest, req.body), clientIp(req)), deps.env.REFRESH_TOKEN_TTL_DAYS, 201);
  });
}
