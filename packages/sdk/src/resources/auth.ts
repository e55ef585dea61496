import type { z } from 'zod';
import {
  AcceptInvitationWithPasswordRequest,
  ChangePasswordRequest,
  type Language,
  LoginRequest,
  MailRequestAccepted,
  MeResponse,
  RegisterRequest,
  ResetPasswordRequest,
  SessionResponse,
  TokenPair,
} from '@vocalia/contracts';
import type { HttpRequest } from '../http';

export interface TokenHolder {
  setAccessToken(token: string | undefined): void;
}

/**
 * Sign-up, sign-in, sessions, invitations, email verification and passwords. Calls that return new
 * tokens (register, login, refresh, accepting an invitation, changePassword) switch the client to them.
 */
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
    /** Signed in as the invited address: joins the tenant; the client switches to a session in it. */
    async acceptInvitation(token: string) {
      const session = await request({ method: 'POST', path: '/api/v1/invitations/accept', body: { token }, response: SessionResponse });
      holder.setAccessToken(session.accessToken);
      return session;
    },
    /** The invited address has no account: creates it with this password and joins the tenant. */
    async acceptInvitationWithPassword(input: z.input<typeof AcceptInvitationWithPasswordRequest>) {
      const session = await request({ method: 'POST', path: '/api/v1/auth/invitations/accept', body: input, response: SessionResponse, anonymous: true });
      holder.setAccessToken(session.accessToken);
      return session;
    },
    verifyEmail: (token: string) => request({ method: 'POST', path: '/api/v1/auth/verify-email', body: { token }, response: null, anonymous: true }),
    /** `language`: of the mail (default the tenant's default language). */
    resendVerification: (language?: Language) => request({ method: 'POST', path: '/api/v1/me/verify-email', body: { language }, response: MailRequestAccepted }),
    /** `language`: of the mail (default the language of the account's tenant). */
    requestPasswordReset: (email: string, language?: Language) => request({ method: 'POST', path: '/api/v1/auth/password-reset', body: { email, language }, response: MailRequestAccepted, anonymous: true }),
    resetPassword: (input: z.input<typeof ResetPasswordRequest>) => request({ method: 'POST', path: '/api/v1/auth/password-reset/confirm', body: input, response: null, anonymous: true }),
    async changePassword(input: z.input<typeof ChangePasswordRequest>) {
      const tokens = await request({ method: 'POST', path: '/api/v1/me/password', body: input, response: TokenPair });
      holder.setAccessToken(tokens.accessToken);
      return tokens;
    },
  };
}
