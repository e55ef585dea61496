import { randomBytes } from 'node:crypto';
import type { AddMemberRequest, AddMemberResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { hashPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../unique-violation';
import { toMember } from './member-view';

/** Only an owner may make someone an owner. */
function checkGrant(auth: AuthContext, role: AddMemberRequest['role']): void {
  if (role === 'owner' && auth.role !== 'owner') throw new AppError('FORBIDDEN', 'Only an owner can add an owner');
}

/** Attaches the user with that email (creating the account, with a one-time temporary password, when there is none). */
export async function addMember(deps: Deps, auth: AuthContext, input: AddMemberRequest): Promise<AddMemberResponse> {
  checkGrant(auth, input.role);
  const existing = await deps.prisma.user.findUnique({ where: { email: input.email } });
  const temporaryPassword = existing ? null : `Tmp-${randomBytes(15).toString('base64url')}`;
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : undefined;
  try {
    const membership = await deps.prisma.$transaction(async (tx) => {
      const user = existing ?? (await tx.user.create({ data: { email: input.email, passwordHash } }));
      return tx.membership.create({ data: { tenantId: auth.tenantId, userId: user.id, role: input.role }, include: { user: { select: { email: true, name: true } } } });
    });
    await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'member.added', target: `user:${membership.userId}`, meta: { role: input.role, accountCreated: !existing } });
    return { member: toMember(membership), invite: { accountCreated: !existing, temporaryPassword } };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `${input.email} is already a member (or was just added)`);
    throw err;
  }
}
