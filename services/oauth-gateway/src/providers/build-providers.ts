import type { OAuthProviderId } from '@vocalia/contracts';
import type { Env } from '../env';
import { githubClient } from './github-client';
import { oidcClient } from './oidc-client';
import type { ProviderClient } from './provider-client';

/** The three providers, each from its own settings; one without a client id and secret is built disabled. */
export function buildProviders(env: Env): Record<OAuthProviderId, ProviderClient> {
  const timeoutMs = env.PROVIDER_TIMEOUT_MS;
  return {
    google: oidcClient({ id: 'google', name: 'Google', issuer: env.GOOGLE_ISSUER, clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, timeoutMs }),
    github: githubClient({ oauthUrl: env.GITHUB_OAUTH_URL, apiUrl: env.GITHUB_API_URL, clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET, timeoutMs }),
    slack: oidcClient({ id: 'slack', name: 'Slack', issuer: env.SLACK_ISSUER, clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, timeoutMs }),
  };
}
