import { z } from 'zod';
import { EmailAddress, IsoDateTime } from './db-api-common';
import { SessionResponse } from './db-api-auth';

/** The sign-in providers oauth-gateway knows: Google and Slack speak OpenID Connect, GitHub OAuth 2.0. */
export const OAuthProviderId = z.enum(['google', 'github', 'slack']);
export type OAuthProviderId = z.infer<typeof OAuthProviderId>;

/** `GET /oauth/providers`: a provider without credentials is listed, disabled. */
export const OAuthProviderList = z.object({
  providers: z.array(z.object({ id: OAuthProviderId, name: z.string(), enabled: z.boolean(), startUrl: z.string() })),
});
export type OAuthProviderList = z.infer<typeof OAuthProviderList>;

/** `GET /oauth/:provider/start?redirect=`: where to land afterwards, one of the allow-list (default its first entry). */
export const OAuthStartQuery = z.object({ redirect: z.string().min(1).max(512).optional() });
export type OAuthStartQuery = z.infer<typeof OAuthStartQuery>;

/** The one-time code the browser finds in the landing URL's fragment (`#oauth_code=`): 32 random bytes, base64url. */
export const OAuthOneTimeCode = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the code from the sign-in redirect');

/** `POST /oauth/session`: the one-time code (single use, 60 s) for the session, which never travels in a URL. */
export const OAuthSessionRequest = z.object({ code: OAuthOneTimeCode });
export type OAuthSessionRequest = z.infer<typeof OAuthSessionRequest>;

/** `POST /internal/v1/identities/sign-in` (oauth-gateway -> db-api): an identity the provider has vouched for. */
export const IdentitySignInRequest = z.object({
  provider: OAuthProviderId,
  /** The provider's stable user id (`sub`, GitHub's numeric id). */
  subject: z.string().min(1).max(255),
  email: EmailAddress,
  /** Only a provider-verified email may create an account or link to an existing one. */
  emailVerified: z.boolean(),
  name: z.string().trim().max(200).optional(),
  ip: z.string().max(64).optional(),
});
export type IdentitySignInRequest = z.infer<typeof IdentitySignInRequest>;

export const IdentitySignInOutcome = z.enum(['signed_in', 'linked', 'registered']);
export type IdentitySignInOutcome = z.infer<typeof IdentitySignInOutcome>;

/** The same session as `POST /api/v1/auth/login`, and what happened to the account. */
export const IdentitySignInResponse = z.object({ outcome: IdentitySignInOutcome, session: SessionResponse });
export type IdentitySignInResponse = z.infer<typeof IdentitySignInResponse>;

export const LinkedIdentity = z.object({
  id: z.string(),
  provider: OAuthProviderId,
  email: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type LinkedIdentity = z.infer<typeof LinkedIdentity>;

/** `GET /api/v1/me/identities`. */
export const LinkedIdentityList = z.object({ items: z.array(LinkedIdentity) });
export type LinkedIdentityList = z.infer<typeof LinkedIdentityList>;
