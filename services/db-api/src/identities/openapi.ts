import { LinkedIdentityList } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Accounts';

export const identityRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/me/identities', tag, summary: 'The sign-in providers (Google, GitHub, Slack) linked to the signed-in user', status: 200, response: LinkedIdentityList },
  {
    method: 'delete',
    path: '/api/v1/me/identities/:identityId',
    tag,
    summary: "Unlink a provider from the signed-in user; 409 when it is the user's last way in (no password, no other provider)",
    status: 204,
    response: null,
    errors: [404, 409],
    resource: 'oauth_identity',
  },
];
