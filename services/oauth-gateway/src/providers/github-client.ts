import * as client from 'openid-client';
import { z } from 'zod';
import { AppError } from '@vocalia/service-kit';
import { SignInRefused } from '../sign-in/sign-in-refused';
import { fromClientError } from './client-errors';
import type { FlowSecrets, ProviderClient, VerifiedIdentity } from './provider-client';

export interface GitHubSettings {
  /** Serves `/login/oauth/authorize` and `/login/oauth/access_token` (https://github.com). */
  oauthUrl: string;
  /** Serves `/user` and `/user/emails` (https://api.github.com). */
  apiUrl: string;
  clientId?: string;
  clientSecret?: string;
  timeoutMs: number;
}

const GitHubUser = z.object({ id: z.number().int(), login: z.string(), name: z.string().nullish() });
const GitHubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

const base = (url: string) => url.replace(/\/+$/, '');

/** GitHub: OAuth 2.0 authorization code with PKCE, then `/user` for the id and `/user/emails` for the primary email and whether GitHub verified it. */
export function githubClient(settings: GitHubSettings): ProviderClient {
  const config = new client.Configuration(
    { issuer: base(settings.oauthUrl), authorization_endpoint: `${base(settings.oauthUrl)}/login/oauth/authorize`, token_endpoint: `${base(settings.oauthUrl)}/login/oauth/access_token` },
    settings.clientId ?? 'unconfigured',
    settings.clientSecret,
    client.ClientSecretPost(settings.clientSecret),
  );
  config.timeout = settings.timeoutMs / 1000;
  // A local stand-in (tests, development) speaks plain http; production refuses it in env.ts.
  if (settings.oauthUrl.startsWith('http://')) client.allowInsecureRequests(config);

  const api = async <T>(path: string, accessToken: string, schema: z.ZodType<T>): Promise<T> => {
    const res = await fetch(`${base(settings.apiUrl)}${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.github+json', 'user-agent': 'VocalIA-oauth-gateway', 'x-github-api-version': '2022-11-28' },
      signal: AbortSignal.timeout(settings.timeoutMs),
    }).catch(() => undefined);
    const body: unknown = res?.ok ? await res.json().catch(() => undefined) : undefined;
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AppError('UPSTREAM_FAILED', `GitHub ${path} could not be read; try again later`);
    return parsed.data;
  };

  return {
    id: 'github',
    name: 'GitHub',
    enabled: Boolean(settings.clientId && settings.clientSecret),
    async authorizationUrl(redirectUri: string, secrets: FlowSecrets) {
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'read:user user:email',
        state: secrets.state,
        code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
        allow_signup: 'true',
      });
    },
    async finish(callbackUrl: URL, redirectUri: string, secrets: FlowSecrets): Promise<VerifiedIdentity> {
      let accessToken: string;
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: secrets.codeVerifier, expectedState: secrets.state }, { redirect_uri: redirectUri });
        accessToken = tokens.access_token;
      } catch (err) {
        throw fromClientError(err, 'GitHub', 'access_token');
      }
      const [user, emails] = await Promise.all([api('/user', accessToken, GitHubUser), api('/user/emails', accessToken, GitHubEmails)]);
      const primary = emails.find((e) => e.primary);
      if (!primary) throw new SignInRefused('email_missing', 'user.emails', 'GitHub shared no primary email address');
      return { subject: String(user.id), email: primary.email, emailVerified: primary.verified, name: user.name || user.login };
    },
  };
}
