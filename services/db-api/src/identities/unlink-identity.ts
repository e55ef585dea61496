import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';

class LastWayIn extends Error {}

/**
 * Removes one of the signed-in user's identities, unless it is their last way in (no password, no other
 * identity). The user's row is locked meanwhile, so two unlinks at once cannot remove the last two.
 * An API key has no identities: every id is unknown to it.
 */
export async function unlinkIdentity(deps: Deps, auth: AuthContext, identityId: string): Promise<void> {
  const userId = auth.via === 'jwt' ? auth.userId : undefined;
  if (!userId) throw notFound('Identity');
  const actor = `user:${userId}`;
  try {
    const provider = await deps.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
      const identity = await tx.oAuthIdentity.findFirst({ where: { id: identityId, userId } });
      if (!identity) throw notFound('Identity');
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
      const others = await tx.oAuthIdentity.count({ where: { userId, id: { not: identityId } } });
      if (!user.passwordHash && others === 0) throw new LastWayIn(identity.provider);
      await tx.oAuthIdentity.delete({ where: { id: identityId } });
      return identity.provider;
    });
    await recordAudit(deps, { tenantId: auth.tenantId, actor, action: 'auth.identity_unlinked', target: `identity:${provider}` });
  } catch (err) {
    if (!(err instanceof LastWayIn)) throw err;
    await recordAudit(deps, { tenantId: auth.tenantId, actor, action: 'auth.identity_unlink_refused', target: `identity:${err.message}`, meta: { reason: 'last_way_in' } });
    throw new AppError('CONFLICT', 'This is your only way to sign in: set a password (password reset) or link another provider first');
  }
}
