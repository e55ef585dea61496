import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';

/** Its link stops working at once; revoking twice is a no-op, an accepted invitation is a member to remove. */
export async function revokeInvitation(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const row = await deps.prisma.invitation.findFirst({ where: { id, tenantId: auth.tenantId } });
  if (!row) throw notFound('Invitation');
  if (row.acceptedAt) throw new AppError('CONFLICT', 'This invitation was accepted; remove the member instead');
  const revoked = await deps.prisma.invitation.updateMany({ where: { id, tenantId: auth.tenantId, acceptedAt: null, revokedAt: null }, data: { revokedAt: deps.clock() } });
  if (revoked.count === 0) return;
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'member.invitation_revoked', target: `invitation:${id}`, meta: { role: row.role } });
}
