import type { OAuthProviderId } from '@vocalia/contracts';

/** Who the provider says signed in. */
export interface VerifiedIdentity {
  subject: string;
  email: string;
  emailVerified: boolean;
  name?: string;
}

/** What the browser carried from start to callback in the signed cookie. */
export interface FlowSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** One provider, whatever its protocol: where to send the browser, and what its callback proves. */
export interface ProviderClient {
  readonly id: OAuthProviderId;
  readonly name: string;
  /** False when its client id or secret is not configured: listed, never started. */
  readonly enabled: boolean;
  authorizationUrl(redirectUri: string, secrets: FlowSecrets): Promise<URL>;
  /** Validates the callback (state, code with PKCE, id_token or API) and returns the identity; throws SignInRefused on bad input. */
  finish(callbackUrl: URL, redirectUri: string, secrets: FlowSecrets): Promise<VerifiedIdentity>;
}
