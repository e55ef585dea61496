import { z } from 'zod';
import { Member, MemberList, UpdateMemberRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Members';
const params = z.object({ userId: z.string() });

export const memberRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/members', tag, summary: "The tenant's members and their roles (people join by invitation: /api/v1/invitations)", status: 200, response: MemberList },
  { method: 'patch', path: '/api/v1/members/:userId', tag, roles: ['owner'], params, summary: "Change a member's role (the last owner cannot be demoted)", body: UpdateMemberRequest, status: 200, response: Member, errors: [409], resource: 'member' },
  { method: 'delete', path: '/api/v1/members/:userId', tag, roles: ['owner', 'admin'], params, summary: 'Remove a member (the last owner cannot be removed)', status: 204, response: null, errors: [409], resource: 'member' },
];
