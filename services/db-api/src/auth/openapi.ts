import { LoginRequest, LogoutRequest, MeResponse, RefreshRequest, RegisterRequest, SessionResponse, TokenPair } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Accounts';

export const authRouteDocs: RouteDoc[] = [
  { method: 'post', path: '/api/v1/auth/register', tag, auth: 'public', summary: 'Create an account: user, tenant (starter plan, 14-day trial), owner membership, tokens. With `X-Vocalia-Session: cookie` (browsers) the refresh token is set as an HttpOnly SameSite=Strict cookie on /api/v1/auth and left out of the body', body: RegisterRequest, status: 201, response: SessionResponse, errors: [409, 429] },
  { method: 'post', path: '/api/v1/auth/login', tag, auth: 'public', summary: 'Sign in with email and password (`X-Vocalia-Session: cookie`: refresh token as a cookie, as for register)', body: LoginRequest, status: 200, response: SessionResponse, errors: [429] },
  { method: 'post', path: '/api/v1/auth/refresh', tag, auth: 'public', summary: 'Exchange a refresh token for new tokens (rotating; reuse revokes the session). With `X-Vocalia-Session: cookie` and no body, the cookie is used (same-origin only, 403 otherwise) and rotated', body: RefreshRequest, status: 200, response: TokenPair, errors: [403] },
  { method: 'post', path: '/api/v1/auth/logout', tag, auth: 'public', summary: 'End the session of a refresh token (with `X-Vocalia-Session: cookie`: the cookie\'s, which is cleared)', body: LogoutRequest, status: 204, response: null, errors: [403] },
  { method: 'get', path: '/api/v1/me', tag, summary: 'The caller: user, tenant, role and memberships', status: 200, response: MeResponse },
];
