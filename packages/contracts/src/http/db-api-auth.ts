import { z } from 'zod';
import { Language } from '../languages';
import { PlanId } from '../plans';
import { EmailAddress, IsoDateTime, MembershipRoleName } from './db-api-common';

/** Policy (min length, mix, not common, not the email) is enforced by db-api, which says why in the 400. */
export const Password = z.string().min(1, 'password is required').max(256);

export const RegisterRequest = z.object({
  email: EmailAddress,
  password: Password,
  company: z.string().trim().min(2, 'company must be at least 2 characters').max(120),
  /** The language of the verification mail (the dashboard sends its interface language); default English. */
  language: Language.optional(),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z.object({
  email: EmailAddress,
  password: Password,
  /** Which tenant to sign in to when the user belongs to several (default: the oldest membership). */
  tenantId: z.string().min(1).max(64).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(200) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;
export const LogoutRequest = RefreshRequest;
export type LogoutRequest = z.infer<typeof LogoutRequest>;

export const TenantStatusName = z.enum(['trialing', 'active', 'past_due', 'suspended']);

export const UserSummary = z.object({ id: z.string(), email: z.string() });
export const TenantSummary = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  plan: PlanId,
  status: TenantStatusName,
  trialEndsAt: IsoDateTime.nullable(),
});
export type TenantSummary = z.infer<typeof TenantSummary>;

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
});
export type TokenPair = z.infer<typeof TokenPair>;

export const SessionResponse = TokenPair.extend({ user: UserSummary, tenant: TenantSummary });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const MembershipSummary = z.object({ tenantId: z.string(), tenantName: z.string(), role: MembershipRoleName });

export const MeResponse = z.object({
  /** Null when the caller is an API key. */
  user: UserSummary.extend({ name: z.string().nullable(), emailVerified: z.boolean() }).nullable(),
  tenant: TenantSummary,
  role: MembershipRoleName,
  via: z.enum(['jwt', 'api_key']),
  memberships: z.array(MembershipSummary),
});
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * Browser clients (the dashboard) send this header with the value `cookie` on the auth routes: the
 * refresh token then travels only in an HttpOnly cookie and is left out of the JSON body.
 */
export const BROWSER_SESSION_HEADER = 'x-vocalia-session';
export const BROWSER_SESSION_MODE = 'cookie';
/** The HttpOnly, Secure, SameSite=Strict cookie holding the refresh token, scoped to REFRESH_COOKIE_PATH. */
export const REFRESH_COOKIE_NAME = 'vocalia_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export const BrowserTokenResponse = TokenPair.omit({ refreshToken: true });
export type BrowserTokenResponse = z.infer<typeof BrowserTokenResponse>;
export const BrowserSessionResponse = SessionResponse.omit({ refreshToken: true });
export type BrowserSessionResponse = z.infer<typeof BrowserSessionResponse>;
