import type { z } from 'zod';
import {
  AcceptInvitationWithPasswordRequest,
  BrowserSessionResponse,
  BrowserTokenResponse,
  ChangePasswordRequest,
  LoginRequest,
  RegisterRequest,
} from '@vocalia/contracts';
import type { HttpRequest } from '../http';
import type { TokenHolder } from './auth';

/**
 * Auth for a browser app on db-api's own origin: the refresh token lives in an HttpOnly cookie the
 * script never sees (the client sends `X-Vocalia-Session: cookie`), the access token only in memory.
 */
export function browserAuthResource(request: HttpRequest, holder: TokenHolder) {
  const keep = <T extends { accessToken: string }>(session: T): T => {
    holder.setAccessToken(session.accessToken);
    return session;
  };
  return {
    register: async (input: z.input<typeof RegisterRequest>) => keep(await request({ method: 'POST', path: '/api/v1/auth/register', body: input, response: BrowserSessionResponse, anonymous: true })),
    login: async (input: z.input<typeof LoginRequest>) => keep(await request({ method: 'POST', path: '/api/v1/auth/login', body: input, response: BrowserSessionResponse, anonymous: true })),
    /** A new access token from the cookie (rotated on the way); VocaliaApiError 401 when the session is over. */
    refresh: async () => keep(await request({ method: 'POST', path: '/api/v1/auth/refresh', response: BrowserTokenResponse, anonymous: true })),
    async logout() {
      await request({ method: 'POST', path: '/api/v1/auth/logout', response: null, anonymous: true });
      holder.setAccessToken(undefined);
    },
    acceptInvitation: async (token: string) => keep(await request({ method: 'POST', path: '/api/v1/invitations/accept', body: { token }, response: BrowserSessionResponse })),
    acceptInvitationWithPassword: async (input: z.input<typeof AcceptInvitationWithPasswordRequest>) =>
      keep(await request({ method: 'POST', path: '/api/v1/auth/invitations/accept', body: input, response: BrowserSessionResponse, anonymous: true })),
    changePassword: async (input: z.input<typeof ChangePasswordRequest>) => keep(await request({ method: 'POST', path: '/api/v1/me/password', body: input, response: BrowserTokenResponse })),
  };
}
