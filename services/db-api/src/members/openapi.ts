import { z } from 'zod';
import { AddMemberRequest, AddMemberResponse, Member, MemberList, UpdateMemberRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../openapi/route-doc';

const tag = 'Members';
const params = z.object({ userId: z.string() });

export const memberRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/members', tag, summary: "The tenant's members and their roles", status: 200, response: MemberList },
  { method: 'post', path: '/api/v1/members', tag, roles: ['owner', 'admin'], summary: 'Add a member by email (creates the account with a one-time temporary password when needed)', body: AddMemberRequest, status: 201, response: AddMemberResponse, errors: [409] },
  { method: 'patch', path: '/api/v1/members/:userId', tag, roles: ['owner'], params, summary: "Change a member's role (the last owner cannot be demoted)", body: UpdateMemberRequest, status: 200, response: Member, errors: [409], resource: 'member' },
  { method: 'delete', path: '/api/v1/members/:userId', tag, roles: ['owner', 'admin'], params, summary: 'Remove a member (the last owner cannot be removed)', status: 204, response: null, errors: [409], resource: 'member' },
];
