import type { AcceptInvitationRequest, SessionResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { claimInvitation } from './claim-invitation';
import { auditJoined, joinTenant, mapJoinError } from './join-tenant';

/** Signed in as the invited address: joins the tenant with this account; returns a session in that tenant. */
export async function acceptInvitation(deps: Deps, auth: AuthContext, input: AcceptInvitationRequest, ip: string): Promise<SessionResponse> {
  const userId = auth.userId;
  if (auth.via !== 'jwt' || !userId) throw new AppError('FORBIDDEN', 'Sign in as the invited person to accept an invitation');
  const now = deps.clock();
  const { session, invitation } = await deps.prisma
    .$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      const claimed = await claimInvitation(tx, input.token, now);
      if (claimed.email !== user.email) throw new AppError('FORBIDDEN', 'This invitation is for another email address; sign in with that address to accept it');
      // Holding the mailed token proves the mailbox.
      if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
      return { session: await joinTenant(deps, tx, user, claimed), invitation: claimed };
    })
    .catch(mapJoinError);
  await auditJoined(deps, session, invitation, ip);
  return session;
}
