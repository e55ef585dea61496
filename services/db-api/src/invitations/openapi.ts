import { z } from 'zod';
import { AcceptInvitationRequest, AcceptInvitationWithPasswordRequest, Invitation, InvitationList, InviteMemberRequest, SessionResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Members';

export const invitationRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/invitations', tag, roles: ['owner', 'admin'], summary: "The tenant's invitations (newest first) and their status", status: 200, response: InvitationList },
  {
    method: 'post',
    path: '/api/v1/invitations',
    tag,
    roles: ['owner', 'admin'],
    idempotent: true,
    summary: 'Invite someone by email: a single-use link is mailed (same answer whether or not the address has an account); a new invitation replaces a pending one',
    body: InviteMemberRequest,
    status: 201,
    response: Invitation,
    errors: [409],
  },
  { method: 'post', path: '/api/v1/invitations/accept', tag, summary: "Accept an invitation while signed in as its address (a dashboard user's JWT): joins the tenant, returns a session in it", body: AcceptInvitationRequest, status: 200, response: SessionResponse, errors: [409] },
  { method: 'delete', path: '/api/v1/invitations/:id', tag, roles: ['owner', 'admin'], params: z.object({ id: z.string() }), summary: 'Revoke an invitation: its link stops working', status: 204, response: null, errors: [409], resource: 'invitation' },
  {
    method: 'post',
    path: '/api/v1/auth/invitations/accept',
    tag,
    auth: 'public',
    summary: 'Accept an invitation for an address with no account: creates it with your own password, joins the tenant, returns a session (409 when the address has an account: sign in and accept)',
    body: AcceptInvitationWithPasswordRequest,
    status: 201,
    response: SessionResponse,
    errors: [409],
  },
];
