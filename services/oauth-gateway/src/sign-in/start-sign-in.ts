import * as client from 'openid-client';
import type { Deps } from '../deps';
import type { ProviderClient } from '../providers/provider-client';
import { callbackUri } from './callback-uri';
import { chooseLanding } from './landing-allow-list';

export interface StartedSignIn {
  /** The provider's authorization URL. */
  location: string;
  /** The signed flow (state, nonce, PKCE verifier, landing) for the short-lived cookie. */
  flowToken: string;
}

/** Fresh state, nonce and PKCE verifier; the browser keeps them in a signed cookie and goes to the provider. */
export async function startSignIn(deps: Deps, provider: ProviderClient, redirect: string | undefined): Promise<StartedSignIn> {
  const landing = chooseLanding(deps.landings, redirect);
  const secrets = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = await provider.authorizationUrl(callbackUri(deps.publicBaseUrl, provider.id), secrets);
  return { location: url.toString(), flowToken: await deps.flowCookies.seal({ provider: provider.id, landing, ...secrets }) };
}
