import type { OAuthSessionRequest, SessionResponse } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { auditRefusal } from './audit-refusal';
import { SignInRefused } from './sign-in-refused';

/** The one-time code from the landing URL -> the session, once. */
export async function redeemCode(deps: Deps, input: OAuthSessionRequest, ctx: { ip: string; requestId: string }): Promise<SessionResponse> {
  const session = await deps.codes.redeem(input.code);
  if (session) return session;
  const refusal = new SignInRefused('code_unknown', 'body.code', 'is unknown, already used or expired; sign in again');
  await auditRefusal(deps, refusal, ctx);
  throw refusal;
}
