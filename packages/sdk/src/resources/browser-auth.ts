import type { z } from 'zod';
import {
  AcceptInvitationWithPasswordRequest,
  BrowserSessionResponse,
  BrowserTokenResponse,
  ChangePasswordRequest,
  LoginRequest,
  OAuthProviderList,
  RegisterRequest,
  SessionResponse,
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
    /** The single sign-on providers oauth-gateway offers (same origin, `/oauth/providers`); start one by navigating to its `startUrl`. */
    ssoProviders: () => request({ method: 'GET', path: '/oauth/providers', response: OAuthProviderList, anonymous: true }),
    /**
     * Finishes single sign-on: redeems the one-time code from `#oauth_code=` at `POST /oauth/session`
     * (JSON session), then hands its refresh token to db-api's refresh in cookie mode, which rotates it
     * into the HttpOnly cookie; the token this script saw is spent on the way.
     */
    async ssoSignIn(code: string) {
      const session = await request({ method: 'POST', path: '/oauth/session', body: { code }, response: SessionResponse, anonymous: true });
      const tokens = keep(await request({ method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken: session.refreshToken }, response: BrowserTokenResponse, anonymous: true }));
      return { user: session.user, tenant: session.tenant, ...tokens };
    },
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
