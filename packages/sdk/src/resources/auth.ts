import type { z } from 'zod';
import { LoginRequest, MeResponse, RegisterRequest, SessionResponse, TokenPair } from '@vocalia/contracts';
import type { HttpRequest } from '../http';

export interface TokenHolder {
  setAccessToken(token: string | undefined): void;
}

/** Sign-up, sign-in and sessions. register/login/refresh switch the client to the new access token. */
export function authResource(request: HttpRequest, holder: TokenHolder) {
  return {
    async register(input: z.input<typeof RegisterRequest>) {
      const session = await request({ method: 'POST', path: '/api/v1/auth/register', body: input, response: SessionResponse, anonymous: true });
      holder.setAccessToken(session.accessToken);
      return session;
    },
    async login(input: z.input<typeof LoginRequest>) {
      const session = await request({ method: 'POST', path: '/api/v1/auth/login', body: input, response: SessionResponse, anonymous: true });
      holder.setAccessToken(session.accessToken);
      return session;
    },
    async refresh(refreshToken: string) {
      const tokens = await request({ method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken }, response: TokenPair, anonymous: true });
      holder.setAccessToken(tokens.accessToken);
      return tokens;
    },
    async logout(refreshToken: string) {
      await request({ method: 'POST', path: '/api/v1/auth/logout', body: { refreshToken }, response: null, anonymous: true });
      holder.setAccessToken(undefined);
    },
    me: () => request({ method: 'GET', path: '/api/v1/me', response: MeResponse }),
  };
}
