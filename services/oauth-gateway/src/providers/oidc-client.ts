import * as client from 'openid-client';
import type { OAuthProviderId } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import { SignInRefused } from '../sign-in/sign-in-refused';
import { fromClientError } from './client-errors';
import type { FlowSecrets, ProviderClient, VerifiedIdentity } from './provider-client';

export interface OidcSettings {
  id: OAuthProviderId;
  name: string;
  issuer: string;
  clientId?: string;
  clientSecret?: string;
  timeoutMs: number;
}

/** `email_verified` is a boolean in the spec; some providers have sent the string. */
const isTrue = (value: unknown): boolean => value === true || value === 'true';

/** Google and Slack: OpenID Connect discovery, authorization code with PKCE, id_token checked (signature, iss, aud, exp, nonce). */
export function oidcClient(settings: OidcSettings): ProviderClient {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    const { issuer, clientId, clientSecret, timeoutMs } = settings;
    // Local issuers (tests, development) speak plain http; production refuses them in env.ts.
    const execute = issuer.startsWith('http://') ? [client.allowInsecureRequests] : [];
    if (!discovered) {
      // Non-repudiation: the id_token's signature is checked against the issuer's JWKS even though it came
      // straight from the token endpoint (the library skips that by default, trusting TLS).
      discovered = client.discovery(new URL(issuer), clientId!, clientSecret, client.ClientSecretPost(clientSecret), {
        execute: [...execute, client.enableNonRepudiationChecks],
        timeout: timeoutMs / 1000,
      });
      // A failed discovery is retried by the next sign-in rather than remembered.
      discovered.catch(() => (discovered = undefined));
    }
    return discovered.catch((err: unknown) => {
      throw new AppError('UPSTREAM_FAILED', `${settings.name} could not be reached (discovery: ${err instanceof Error ? err.message : 'failed'}); try again later`);
    });
  };

  return {
    id: settings.id,
    name: settings.name,
    enabled: Boolean(settings.clientId && settings.clientSecret),
    async authorizationUrl(redirectUri: string, secrets: FlowSecrets) {
      const config = await configuration();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async finish(callbackUrl: URL, redirectUri: string, secrets: FlowSecrets): Promise<VerifiedIdentity> {
      const config = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(
          config,
          callbackUrl,
          { pkceCodeVerifier: secrets.codeVerifier, expectedState: secrets.state, expectedNonce: secrets.nonce, idTokenExpected: true },
          { redirect_uri: redirectUri },
        );
        const claims = tokens.claims();
        if (!claims) throw new SignInRefused('id_token_invalid', 'id_token', 'missing from the token response');
        if (typeof claims.email !== 'string' || !claims.email) throw new SignInRefused('email_missing', 'id_token.email', `${settings.name} shared no email address`);
        return {
          subject: claims.sub,
          email: claims.email,
          emailVerified: isTrue(claims.email_verified),
          ...(typeof claims.name === 'string' && claims.name ? { name: claims.name } : {}),
        };
      } catch (err) {
        throw fromClientError(err, settings.name, 'id_token');
      }
    },
  };
}
