import { LoginRequest, LogoutRequest, MeResponse, RefreshRequest, RegisterRequest, SessionResponse, TokenPair } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Accounts';

export const authRouteDocs: RouteDoc[] = [
  { method: 'post', path: '/api/v1/auth/register', tag, auth: 'public', summary: 'Create an account: user, tenant (starter plan, 14-day trial), owner membership, tokens', body: RegisterRequest, status: 201, response: SessionResponse, errors: [409, 429] },
  { method: 'post', path: '/api/v1/auth/login', tag, auth: 'public', summary: 'Sign in with email and password', body: LoginRequest, status: 200, response: SessionResponse, errors: [429] },
  { method: 'post', path: '/api/v1/auth/refresh', tag, auth: 'public', summary: 'Exchange a refresh token for new tokens (rotating; reuse revokes the session)', body: RefreshRequest, status: 200, response: TokenPair },
  { method: 'post', path: '/api/v1/auth/logout', tag, auth: 'public', summary: 'End the session of a refresh token', body: LogoutRequest, status: 204, response: null },
  { method: 'get', path: '/api/v1/me', tag, summary: 'The caller: user, tenant, role and memberships', status: 200, response: MeResponse },
];
