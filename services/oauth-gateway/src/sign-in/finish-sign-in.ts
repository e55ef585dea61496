import { timingSafeEqual } from 'node:crypto';
import { IdentitySignInRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { ProviderClient } from '../providers/provider-client';
import { auditRefusal } from './audit-refusal';
import { callbackUri } from './callback-uri';
import { FLOW_COOKIE } from './flow-cookie';
import { landingWithCode } from './landing-allow-list';
import { SignInRefused } from './sign-in-refused';

export interface CallbackInput {
  /** The callback as the browser called it on the public origin (query included). */
  callbackUrl: URL;
  flowToken: string | undefined;
  ip: string;
  requestId: string;
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function verifiedSignIn(deps: Deps, provider: ProviderClient, input: CallbackInput): Promise<string> {
  const flow = input.flowToken ? await deps.flowCookies.open(input.flowToken) : null;
  if (!flow) throw new SignInRefused('state_missing', `cookie.${FLOW_COOKIE}`, 'this browser has no sign-in in progress (missing or expired); start again');
  const state = input.callbackUrl.searchParams.get('state');
  if (!state) throw new SignInRefused('state_missing', 'query.state', 'is missing');
  if (flow.provider !== provider.id || !sameText(state, flow.state)) throw new SignInRefused('state_mismatch', 'query.state', "does not match this browser's sign-in; start again");
  const identity = await provider.finish(input.callbackUrl, callbackUri(deps.publicBaseUrl, provider.id), flow);
  const request = IdentitySignInRequest.safeParse({ provider: provider.id, ...identity, name: identity.name?.slice(0, 200), ip: input.ip });
  if (!request.success) throw new SignInRefused('email_missing', 'email', `${provider.name} shared no usable email address`);
  const { session } = await deps.dbApi.signIn(request.data, input.requestId);
  return landingWithCode(flow.landing, await deps.codes.issue(session));
}

/**
 * The provider's callback -> where the browser lands, a one-time code in the fragment. State first (a forged
 * callback stops there), then code, PKCE and id_token through the client library, then db-api. Refusals are audited.
 */
export async function finishSignIn(deps: Deps, provider: ProviderClient, input: CallbackInput): Promise<string> {
  try {
    return await verifiedSignIn(deps, provider, input);
  } catch (err) {
    if (err instanceof SignInRefused) await auditRefusal(deps, err, { provider: provider.id, ip: input.ip, requestId: input.requestId });
    throw err;
  }
}
