import type { Member, UpdateMemberRequest } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { countOwners, findMembership, lockTenantMembers } from './find-membership';
import { toMember } from './member-view';

/** Owner only (enforced by the route). The last owner cannot be demoted. */
export async function changeMemberRole(deps: Deps, auth: AuthContext, userId: string, input: UpdateMemberRequest): Promise<Member> {
  const { updated, from } = await deps.prisma.$transaction(async (tx) => {
    await lockTenantMembers(tx, auth.tenantId);
    const membership = await findMembership(tx, auth.tenantId, userId);
    if (membership.role === 'owner' && input.role !== 'owner' && (await countOwners(tx, auth.tenantId)) <= 1) {
      throw new AppError('CONFLICT', 'The last owner cannot be demoted; make someone else owner first');
    }
    const row = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role }, include: { user: { select: { email: true, name: true } } } });
    return { updated: row, from: membership.role };
  });
  if (from !== input.role) {
    await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'member.role_changed', target: `user:${userId}`, meta: { from, to: input.role } });
  }
  return toMember(updated);
}
