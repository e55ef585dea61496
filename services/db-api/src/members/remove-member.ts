import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { countOwners, findMembership, lockTenantMembers } from './find-membership';

/**
 * Owners remove anyone, admins remove members (and themselves); the last owner cannot be removed.
 * The user's sessions in this tenant end with the membership (refresh tokens revoked, access tokens refused).
 */
export async function removeMember(deps: Deps, auth: AuthContext, userId: string): Promise<void> {
  const removed = await deps.prisma.$transaction(async (tx) => {
    await lockTenantMembers(tx, auth.tenantId);
    const membership = await findMembership(tx, auth.tenantId, userId);
    if (auth.role !== 'owner' && membership.role !== 'member' && userId !== auth.userId) {
      throw new AppError('FORBIDDEN', `Only an owner can remove an ${membership.role}`);
    }
    if (membership.role === 'owner' && (await countOwners(tx, auth.tenantId)) <= 1) {
      throw new AppError('CONFLICT', 'The last owner cannot be removed; make someone else owner first');
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.refreshToken.updateMany({ where: { tenantId: auth.tenantId, userId, revokedAt: null }, data: { revokedAt: deps.clock() } });
    return membership;
  });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'member.removed', target: `user:${userId}`, meta: { role: removed.role } });
}
