import type { AcceptInvitationWithPasswordRequest, SessionResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { hashPassword } from '../credentials/password-hash';
import { weakPasswordError } from '../credentials/password-policy';
import { claimInvitation, findUsableInvitation } from './claim-invitation';
import { isUniqueViolation } from '../unique-violation';
import { auditJoined, joinTenant } from './join-tenant';

/**
 * Not signed in: creates the invited address's account with the password its owner chooses (the
 * address counts as verified: the link was mailed to it). Only the token's holder learns that an
 * address already has an account, and is told to sign in and accept instead.
 */
export async function acceptInvitationWithPassword(deps: Deps, input: AcceptInvitationWithPasswordRequest, ip: string): Promise<SessionResponse> {
  const now = deps.clock();
  const pending = await findUsableInvitation(deps.prisma, input.token, now);
  const weak = weakPasswordError(input.password, pending.email, 'body.password');
  if (weak) throw weak;
  const hasAccount = () => new AppError('CONFLICT', 'This address already has an account: sign in with it, then accept the invitation');
  if (await deps.prisma.user.findUnique({ where: { email: pending.email }, select: { id: true } })) throw hasAccount();
  const passwordHash = await hashPassword(input.password);
  const { session, invitation } = await deps.prisma
    .$transaction(async (tx) => {
      const claimed = await claimInvitation(tx, input.token, now);
      const user = await tx.user.create({ data: { email: claimed.email, passwordHash, emailVerifiedAt: now } });
      return { session: await joinTenant(deps, tx, user, claimed), invitation: claimed };
    })
    .catch((err: unknown) => {
      // A brand-new user cannot already be a member: the unique index hit is the email, taken meanwhile.
      if (isUniqueViolation(err)) throw hasAccount();
      throw err;
    });
  await deps.rateLimits.loginSucceeded({ ip, email: invitation.email });
  await auditJoined(deps, session, invitation, ip);
  return session;
}
