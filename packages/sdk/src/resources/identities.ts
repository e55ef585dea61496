import { LinkedIdentityList } from '@vocalia/contracts';
import type { HttpRequest } from '../http';

const seg = encodeURIComponent;

/** The sign-in providers (Google, GitHub, Slack) linked to the signed-in user. Signing in with one goes through the browser at `/oauth/<provider>/start`. */
export function identitiesResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: '/api/v1/me/identities', response: LinkedIdentityList }),
    /** 409 when it is the user's last way in (no password, no other provider). */
    unlink: (id: string) => request({ method: 'DELETE', path: `/api/v1/me/identities/${seg(id)}`, response: null }),
  };
}
